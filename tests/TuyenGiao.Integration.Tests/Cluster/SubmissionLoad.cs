using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using TuyenGiao.Access;
using TuyenGiao.Api.Security;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Cluster;

/// <summary>
/// Clients, each an officer of its own (one user, one rate limit), sending entries round robin over the nodes that
/// are up. A request that fails to reach a node, times out or is answered 503 is sent again to the next node. Any other
/// answer but 201 is a refusal, which a fault must never cause. The fault (a node or the database killed) is marked, so
/// that the time until every contest takes an entry sent after it can be told.
/// </summary>
public sealed class SubmissionLoad(IReadOnlyList<Uri> nodes, IReadOnlyList<string> contests, string committee, TokenIssuer tokens)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentDictionary<Uri, bool> _down = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _firstAcceptedAfterFault = new();
    private readonly ConcurrentDictionary<string, TimeSpan> _lastAccepted = new();
    private long _longestPauseTicks;
    private readonly CancellationTokenSource _stop = new();
    private int _submissions;
    private int _sent;
    private int _retries;
    private int _unavailable;
    private long _faultTicks = long.MaxValue;

    public ConcurrentDictionary<string, string> Acknowledged { get; } = new();
    public ConcurrentQueue<string> Refusals { get; } = new();
    public int Submissions => _submissions;
    public int Sent => _sent;
    public int Retries => _retries;
    public int Unavailable => _unavailable;
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The longest time any contest went without accepting an entry, once it had taken its first.</summary>
    public TimeSpan LongestPause => TimeSpan.FromTicks(Interlocked.Read(ref _longestPauseTicks));

    /// <summary>The client learns the node is gone (its own failures would teach it too, more slowly).</summary>
    public void Down(Uri node)
    {
        _down[node] = true;
        Fault();
    }

    /// <summary>Marks now as the fault's moment (the first mark stands).</summary>
    public void Fault() => Interlocked.CompareExchange(ref _faultTicks, _clock.Elapsed.Ticks, long.MaxValue);

    public void Stop() => _stop.Cancel();

    public Task RunAsync(int clients) => Task.WhenAll(Enumerable.Range(0, clients).Select(k => Task.Run(() => Client(k))));

    /// <summary>When the last contest to recover took its first entry sent after the fault (the deadline if one never did).</summary>
    public async Task<TimeSpan> WaitUntilEveryContestAcceptsAfter(TimeSpan moment, TimeSpan within)
    {
        var deadline = moment + within;
        while (_clock.Elapsed < deadline)
        {
            if (contests.All(c => _firstAcceptedAfterFault.ContainsKey(c)))
                return contests.Max(c => _firstAcceptedAfterFault[c]);
            await Task.Delay(100);
        }
        return deadline;
    }

    private async Task Client(int k)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Issue($"failover-officer-{k}", Role.Officer, committee));
        var turn = k;
        for (var n = 0; !_stop.IsCancellationRequested; n++)
        {
            var submissionId = $"c{k}-{n}";
            var contest = contests[(k + n) % contests.Count];
            Interlocked.Increment(ref _submissions);
            var body = new { submissionId, authorName = $"Tác giả {k}-{n}", committeeCode = committee, title = "Bài dự thi", words = 1_000 };
            for (var attempt = 0; ; attempt++)
            {
                var node = NextUp(ref turn);
                Interlocked.Increment(ref _sent);
                if (attempt > 0)
                    Interlocked.Increment(ref _retries);
                var sentAt = _clock.Elapsed.Ticks;
                try
                {
                    using var response = await http.PostAsync(new Uri(node, $"/api/contests/{contest}/entries"), JsonContent(body));
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        Acknowledged[submissionId] = contest;
                        Accepted(contest);
                        if (sentAt > Interlocked.Read(ref _faultTicks))
                            _firstAcceptedAfterFault.TryAdd(contest, _clock.Elapsed);
                        break;
                    }
                    if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                    {
                        Refusals.Enqueue($"{submissionId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        break;
                    }
                    Interlocked.Increment(ref _unavailable);
                    // A 503 says when to come back; one that does not is not the answer a fault should get.
                    if (response.Headers.RetryAfter is null)
                        Refusals.Enqueue($"{submissionId}: 503 without Retry-After: {await response.Content.ReadAsStringAsync()}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // Not answered: the node is gone, or the answer was lost. The same submission id again is safe.
                }
                await Task.Delay(100);
            }
        }
    }

    private void Accepted(string contest)
    {
        var now = _clock.Elapsed;
        var before = _lastAccepted.GetValueOrDefault(contest, now);
        _lastAccepted[contest] = now;
        var pause = (now - before).Ticks;
        for (var longest = Interlocked.Read(ref _longestPauseTicks); pause > longest; longest = Interlocked.Read(ref _longestPauseTicks))
        {
            if (Interlocked.CompareExchange(ref _longestPauseTicks, pause, longest) == longest)
                break;
        }
    }

    private Uri NextUp(ref int turn)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[turn++ % nodes.Count];
            if (!_down.ContainsKey(node))
                return node;
        }
        return nodes[0];
    }

    private static StringContent JsonContent(object body) =>
        new(System.Text.Json.JsonSerializer.Serialize(body, Json), System.Text.Encoding.UTF8, "application/json");
}

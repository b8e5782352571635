using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TuyenGiao.Bench;

/// <summary>
/// A follower on a contest's live stream on each of the given nodes while entries arrive at a steady rate through the
/// first: for each entry and follower, the time from its 201 to the first tally that counts it (entry numbers are
/// consecutive, so "counts it" is accepted ≥ its number).
/// </summary>
public static class TallyFreshness
{
    public sealed record Result(int TargetPerSecond, double AchievedPerSecond, long Entries, long Errors, Percentiles FreshnessMs, int TalliesReceived, int Nodes);

    private sealed class Disposables(IEnumerable<IDisposable> items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
                item.Dispose();
        }
    }

    /// <param name="followed">The nodes a follower is on (one each); entries go to the first.</param>
    public static async Task<Result> RunAsync(IReadOnlyList<ApiProcess> followed, BenchScenario scenario, int perSecond, TimeSpan duration)
    {
        var contest = scenario.Contests[0];
        var clients = followed.Select(api => api.Client(TimeSpan.FromSeconds(30), new SocketsHttpHandler { MaxConnectionsPerServer = 128 })).ToList();
        using var _ = new Disposables(clients);
        var http = clients[0];
        var clock = Stopwatch.StartNew();
        var tallies = followed.Select(_ => new ConcurrentQueue<(long Accepted, TimeSpan At)>()).ToList();
        using var stop = new CancellationTokenSource();
        var followers = clients.Select((client, k) => Task.Run(async () =>
        {
            using var response = await client.GetAsync($"/api/contests/{contest}/tally/live", HttpCompletionOption.ResponseHeadersRead, stop.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
            try
            {
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                    if (line.StartsWith("data:", StringComparison.Ordinal))
                        tallies[k].Enqueue((JsonDocument.Parse(line[5..]).RootElement.GetProperty("accepted").GetInt64(), clock.Elapsed));
            }
            catch (OperationCanceledException)
            {
            }
        })).ToList();
        await Task.Delay(500);

        var acknowledged = new ConcurrentDictionary<int, TimeSpan>();
        long sent = 0, errors = 0;
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var start = clock.Elapsed;
        var inFlight = new List<Task>();
        for (var i = 0; clock.Elapsed - start < duration; i++)
        {
            var due = start + interval * i;
            if (due > clock.Elapsed)
                await Task.Delay(due - clock.Elapsed);
            var n = Interlocked.Increment(ref sent);
            inFlight.Add(Task.Run(async () =>
            {
                using var response = await http.PostAsJsonAsync($"/api/contests/{contest}/entries", scenario.Entry($"fresh-{n}", n));
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref errors);
                    return;
                }
                var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
                acknowledged[receipt.GetProperty("entryNumber").GetInt32()] = clock.Elapsed;
            }));
        }
        await Task.WhenAll(inFlight);
        var achieved = sent / (clock.Elapsed - start).TotalSeconds;
        await Task.Delay(1_000);
        await stop.CancelAsync();
        await Task.WhenAll(followers);

        // Every follower's delay for every entry: the slowest node counts as much as the fastest.
        var freshness = new Latencies();
        foreach (var seen in tallies.Select(t => t.ToArray()))
        {
            foreach (var (number, ackAt) in acknowledged)
            {
                var first = seen.FirstOrDefault(t => t.Accepted >= number);
                if (first.At != default)
                    freshness.Add(first.At > ackAt ? first.At - ackAt : TimeSpan.Zero);
            }
        }
        return new Result(perSecond, Math.Round(achieved), acknowledged.Count, errors, freshness.Summarise(), tallies.Sum(t => t.Count), followed.Count);
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TuyenGiao.Access;
using TuyenGiao.Api.Security;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Campaigns;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using TuyenGiao.Testing;
using Xunit.Abstractions;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Cluster;

/// <summary>
/// Three nodes as their own processes on one PostgreSQL, a load of submissions to several contests spread over all
/// of them, and one node killed with SIGKILL in the middle. Clients do what a careful client does: a failed or
/// unanswered submission is sent again, with the same submission id, to another node.
/// </summary>
public class FailoverTests(ITestOutputHelper output)
{
    private const int Contests = 4;
    private const int Clients = 24;
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Given_three_nodes_under_load_When_one_is_killed_Then_every_acknowledged_entry_is_stored_once_tallies_match_and_the_others_serve_within_30_s()
    {
        await using var database = await TestDatabase.CreateAsync();
        var cluster = $"failover-{Guid.NewGuid():N}"[..20];
        var nodes = new List<NodeProcess>();
        try
        {
            for (var k = 1; k <= 3; k++)
                nodes.Add(await TestNodeProcesses.StartApiAsync(database, cluster, $"node-{k}"));
            var tokens = TestNodeProcesses.Tokens;
            var adminToken = tokens.Issue("failover-admin", Role.Admin);
            using var admin = TestNodeProcesses.Client(nodes[0], adminToken);
            var h = await HierarchyScenario.CreateAsync(admin);
            var contests = new List<string>();
            for (var c = 0; c < Contests; c++)
                contests.Add(await StoredEntries.AnnounceAsync(admin, h, $"FAILOVER-{c}-{h.Suffix}"));

            // A follower on each node, each falling back to the others: the one on the node that dies must pick up
            // on another with Last-Event-ID.
            var followers = nodes.ToDictionary(n => n, _ => new LiveFollower(contests[0]));
            var following = nodes.Select(n => followers[n].RunAsync([n.Address!, .. nodes.Where(o => o != n).Select(o => o.Address!)])).ToList();

            var load = new SubmissionLoad(nodes.Select(n => n.Address!).ToList(), contests, h.CellA1, tokens);
            var loading = load.RunAsync(Clients);
            await Task.Delay(LoadBeforeKill);
            // The node with the most contest grains dies: their next calls must find them activated on a survivor.
            var (victim, contestGrains) = await BusiestNode(admin, nodes);
            var killedAt = load.Elapsed;
            victim.Kill();
            load.Down(victim.Address!);
            output.WriteLine($"killed {victim.Name}, host of {contestGrains} of the {Contests} contest grains, at {killedAt.TotalSeconds:N1} s");
            Assert.True(contestGrains >= 1, "no node reported a contest grain: the kill would prove nothing about moving grains");

            // The load goes on until every contest has taken a new entry after the kill (and then two seconds more).
            var recovered = await load.WaitUntilEveryContestAcceptsAfter(killedAt, RecoveryLimit + TimeSpan.FromSeconds(15));
            await Task.Delay(TimeSpan.FromSeconds(2));
            load.Stop();
            await loading;

            var recovery = recovered - killedAt;
            // From here on, ask a node that is still up.
            using var survivor = TestNodeProcesses.Client(nodes.First(n => n != victim), adminToken);
            var (stored, duplicates) = await StoredEntries.CountAsync(database, contests);
            var acknowledged = load.Acknowledged;
            output.WriteLine($"sent {load.Sent:N0} requests for {load.Submissions:N0} submissions; acknowledged {acknowledged.Count:N0}; " +
                             $"stored {stored.Values.Sum():N0}; duplicates {duplicates}; retried {load.Retries:N0}; " +
                             $"recovery {recovery.TotalSeconds:N1} s; refused otherwise {load.Refusals.Count}");

            Assert.Empty(load.Refusals);
            Assert.Equal(0, duplicates);
            Assert.True(recovery <= RecoveryLimit, $"the surviving nodes served every contest again only after {recovery.TotalSeconds:N1} s");
            await StoredEntries.AssertAcknowledgedAreStoredAsync(database, load);
            // Every submission was eventually acknowledged (clients retry until they are), so nothing is stored unacknowledged.
            Assert.Equal(load.Submissions, acknowledged.Count);
            Assert.Equal(acknowledged.Count, stored.Values.Sum());
            foreach (var contest in contests)
            {
                var tally = await Read<ContestTally>(await survivor.GetAsync($"/api/contests/{contest}/tally"), HttpStatusCode.OK);
                Assert.Equal(stored[contest], tally.Accepted);
                Assert.Equal(stored[contest], tally.ByCommittee.Single(c => c.Code == h.City).Accepted);
            }

            foreach (var (node, follower) in followers)
            {
                var lastSeen = await follower.WaitFor(stored[contests[0]], TimeSpan.FromSeconds(30));
                output.WriteLine($"follower on {node.Name}: {follower.Reconnections} reconnection(s), last tally {lastSeen.Accepted:N0} at version {lastSeen.Version}");
                Assert.True(follower.VersionsNeverWentBack, $"the follower on {node.Name} saw a tally go back");
                Assert.Equal(stored[contests[0]], lastSeen.Accepted);
            }
            await Task.WhenAll(following);
            Assert.True(followers[victim].Reconnections >= 1, "the follower of the killed node never lost it");
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
        }
    }

    /// <summary>
    /// The node whose silo has the most contest grains active, from Orleans' dashboard, which samples every silo once a
    /// second; asked until some silo reports one.
    /// </summary>
    private static async Task<(NodeProcess Node, int ContestGrains)> BusiestNode(HttpClient admin, IReadOnlyList<NodeProcess> nodes)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var counters = await Read<JsonElement>(await admin.GetAsync("/dashboard/DashboardCounters"), HttpStatusCode.OK);
            var perSilo = counters.GetProperty("simpleGrainStats").EnumerateArray()
                .Where(g => g.GetProperty("grainType").GetString() == typeof(ContestGrain).FullName)
                .GroupBy(g => SiloPort(g.GetProperty("siloAddress").GetString()!))
                .ToDictionary(g => g.Key, g => g.Sum(s => s.GetProperty("activationCount").GetInt32()));
            var busiest = nodes.MaxBy(n => perSilo.GetValueOrDefault(n.SiloPort!.Value))!;
            if (perSilo.GetValueOrDefault(busiest.SiloPort!.Value) > 0 || DateTime.UtcNow > deadline)
                return (busiest, perSilo.GetValueOrDefault(busiest.SiloPort!.Value));
            await Task.Delay(250);
        }
    }

    /// <summary>A silo address as the dashboard writes it, "127.0.0.1:11111@123456789": its port.</summary>
    private static int SiloPort(string siloAddress) => int.Parse(siloAddress.Split('@')[0].Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An anonymous follower of a contest's live tally that moves to the next node when its stream breaks.</summary>
    private sealed class LiveFollower(string contest)
    {
        private readonly CancellationTokenSource _stop = new();
        private ContestTally? _last;

        public int Reconnections { get; private set; }
        public bool VersionsNeverWentBack { get; private set; } = true;

        public async Task RunAsync(IReadOnlyList<Uri> nodes)
        {
            using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            string? lastEventId = null;
            for (var i = 0; !_stop.IsCancellationRequested; i++)
            {
                var node = nodes[Math.Min(i, nodes.Count - 1)];
                try
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(node, $"/api/contests/{contest}/tally/live"));
                    if (lastEventId is not null)
                        request.Headers.Add("Last-Event-ID", lastEventId);
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, _stop.Token);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        await Task.Delay(500, _stop.Token);
                        continue;
                    }
                    if (lastEventId is not null)
                        Reconnections++;
                    // Stopping closes the stream, which ends a read that is waiting for the next tally.
                    using var closeOnStop = _stop.Token.Register(response.Dispose);
                    var events = new SseReader(await response.Content.ReadAsStreamAsync(_stop.Token));
                    while (!_stop.IsCancellationRequested)
                    {
                        var tally = await events.NextTally(TimeSpan.FromMinutes(2));
                        if (_last is not null && tally.Version < _last.Version)
                            VersionsNeverWentBack = false;
                        _last = tally;
                        lastEventId = events.LastEventId;
                    }
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e) when (e is HttpRequestException or IOException or EndOfStreamException or OperationCanceledException)
                {
                    // The node is gone: the next one, with the last event id seen.
                }
            }
        }

        public async Task<ContestTally> WaitFor(long accepted, TimeSpan within)
        {
            var deadline = DateTime.UtcNow + within;
            while (DateTime.UtcNow < deadline && (_last is null || _last.Accepted < accepted))
                await Task.Delay(100);
            _stop.Cancel();
            return _last ?? throw new InvalidOperationException("the follower saw no tally");
        }
    }
}

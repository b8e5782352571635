using System.Diagnostics;
using System.Net;
using TuyenGiao.Access;
using TuyenGiao.Auditing;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Campaigns;
using TuyenGiao.Integration.Tests.Infrastructure;
using TuyenGiao.Testing;
using Xunit.Abstractions;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Cluster;

/// <summary>
/// PostgreSQL as two servers under Patroni with synchronous replication (ops/pg-ha.sh), three nodes on them, a load
/// of submissions to four contests, and the primary killed with SIGKILL in the middle: Patroni promotes the standby,
/// the nodes find it through the multi-host connection string, and what was acknowledged is there.
/// </summary>
[Collection(DatabaseFailoverCollection.Name)]
[Trait(DatabaseFailoverCollection.Trait, DatabaseFailoverCollection.Runs)]
public class DatabaseFailoverTests(FailoverPair pair, ITestOutputHelper output)
{
    private const int Contests = 4;
    private const int Clients = 24;
    private static readonly TimeSpan LoadBeforeKill = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Given_three_nodes_on_a_failover_pair_When_the_primary_is_killed_under_load_Then_nothing_acknowledged_is_lost_or_doubled_and_writes_resume_within_30_s()
    {
        string? killed = null;
        try
        {
            await UnderLoadAsync("killed", () => killed = pair.KillPrimary());
        }
        finally
        {
            if (killed is not null)
                pair.Revive(killed);
        }
    }

    [Fact]
    public async Task Given_three_nodes_on_a_failover_pair_When_Patroni_switches_the_primary_over_under_load_Then_requests_get_only_503s_meanwhile_and_nothing_is_lost()
    {
        await UnderLoadAsync("switched over", pair.Switchover);
    }

    /// <summary>
    /// Three nodes on a fresh database of the pair, four contests, 24 clients; <paramref name="fault"/> after five seconds;
    /// the load runs until every contest has taken an entry sent after it. Then: nothing refused (no 500, every 503 with
    /// Retry-After), every acknowledged entry stored once, tallies equal to the stored count, every chain intact, and
    /// writes resumed within 30 s.
    /// </summary>
    private async Task UnderLoadAsync(string what, Action fault)
    {
        await using var database = await TestDatabase.CreateOnAsync(pair.ConnectionString);
        var cluster = $"dbfail-{Guid.NewGuid():N}"[..20];
        var nodes = new List<NodeProcess>();
        try
        {
            for (var k = 1; k <= 3; k++)
                nodes.Add(await TestNodeProcesses.StartApiAsync(database, cluster, $"node-{k}"));
            var adminToken = TestNodeProcesses.Tokens.Issue("failover-admin", Role.Admin);
            using var admin = TestNodeProcesses.Client(nodes[0], adminToken);
            var h = await HierarchyScenario.CreateAsync(admin);
            var contests = new List<string>();
            for (var c = 0; c < Contests; c++)
                contests.Add(await StoredEntries.AnnounceAsync(admin, h, $"DBFAIL-{c}-{h.Suffix}"));

            var load = new SubmissionLoad(nodes.Select(n => n.Address!).ToList(), contests, h.CellA1, TestNodeProcesses.Tokens);
            var loading = load.RunAsync(Clients);
            await Task.Delay(LoadBeforeKill);
            var faultAt = load.Elapsed;
            fault();
            // Marked once the fault is done (a kill is instant; a switchover returns once the pair is whole again):
            // the load then runs on until every contest takes an entry sent after it.
            load.Fault();
            output.WriteLine($"{what} at {faultAt.TotalSeconds:N1} s (done at {load.Elapsed.TotalSeconds:N1} s)");

            var recovered = await load.WaitUntilEveryContestAcceptsAfter(faultAt, RecoveryLimit + TimeSpan.FromSeconds(15));
            await Task.Delay(TimeSpan.FromSeconds(2));
            load.Stop();
            await loading;
            var resumed = recovered - faultAt;
            var pause = load.LongestPause;

            var (stored, duplicates) = await StoredEntries.CountAsync(database, contests);
            var acknowledged = load.Acknowledged;
            output.WriteLine($"sent {load.Sent:N0} requests for {load.Submissions:N0} submissions; acknowledged {acknowledged.Count:N0}; " +
                             $"stored {stored.Values.Sum():N0}; duplicates {duplicates}; answered 503 {load.Unavailable:N0}; retried {load.Retries:N0}; " +
                             $"every contest took an entry sent after the fault {resumed.TotalSeconds:N1} s after it began; " +
                             $"longest pause in a contest's acceptances {pause.TotalSeconds:N1} s; refused otherwise {load.Refusals.Count}");
            foreach (var refusal in load.Refusals.Take(5))
                output.WriteLine($"refused: {refusal}");
            // What the nodes logged as faults of their own (every 500 is logged so): none may be there.
            var faults = nodes.SelectMany(n => n.OutputLines.Where(l => l.Contains("Unhandled error", StringComparison.Ordinal))
                .Select(l => $"{n.Name}: {l[..Math.Min(l.Length, 1500)]}")).ToList();
            foreach (var line in faults.Take(6))
                output.WriteLine(line);

            Assert.Empty(load.Refusals); // no 500, no 503 without Retry-After
            Assert.Empty(faults); // nor a 500 to a request the load did not send (a follower, a read)
            Assert.Equal(0, duplicates);
            Assert.True(pause <= RecoveryLimit, $"a contest took no entry for {pause.TotalSeconds:N1} s when the primary was {what}");
            Assert.True(resumed <= RecoveryLimit, $"writes resumed on every contest only {resumed.TotalSeconds:N1} s after the primary was {what}");
            await StoredEntries.AssertAcknowledgedAreStoredAsync(database, load);
            Assert.Equal(load.Submissions, acknowledged.Count);
            Assert.Equal(acknowledged.Count, stored.Values.Sum());
            foreach (var contest in contests)
            {
                var tally = await ReadAsCarefulClientAsync<ContestTally>(admin, $"/api/contests/{contest}/tally");
                Assert.Equal(stored[contest], tally.Accepted);
                var integrity = await ReadAsCarefulClientAsync<IntegrityReport>(admin, $"/api/audit/integrity?stream={Contest.StreamIdFor(contest)}");
                Assert.True(integrity.Intact, $"the chain of {contest} is broken: {string.Join("; ", integrity.Broken)}");
            }
        }
        finally
        {
            foreach (var node in nodes)
                await node.DisposeAsync();
        }
    }


    /// <summary>
    /// A read as a careful client makes it: a 503 is waited out for its Retry-After and asked again, for up to half a
    /// minute. Right after a failover a node's pooled connections to the dead primary fail once each, as 503s.
    /// </summary>
    private static async Task<T> ReadAsCarefulClientAsync<T>(HttpClient client, string path)
    {
        var deadline = DateTime.UtcNow + RecoveryLimit;
        while (true)
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || DateTime.UtcNow > deadline)
                return await Read<T>(response, HttpStatusCode.OK);
            Assert.NotNull(response.Headers.RetryAfter?.Delta);
            await Task.Delay(response.Headers.RetryAfter!.Delta!.Value);
        }
    }
}

/// <summary>
/// The failover pair is one per machine: its tests run one at a time, on one pair. They are the longer fault runs
/// (three minutes with the pair's start): ops/faults.sh runs them, and ops/test.sh leaves them out by their trait.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DatabaseFailoverCollection : ICollectionFixture<FailoverPair>
{
    public const string Name = "database failover";

    /// <summary>The trait every test class of the collection carries, so that a filter can take or leave them all.</summary>
    public const string Trait = "Category";

    public const string Runs = "DatabaseFailover";
}

/// <summary>
/// ops/pg-ha.sh, run from the tests: the pair started (Patroni and etcd installed when missing) unless it runs already,
/// and stopped afterwards only when started here; its primary killed, a server brought back, a switchover.
/// </summary>
public sealed class FailoverPair : IAsyncLifetime
{
    private bool _startedHere;

    /// <summary>The multi-host connection string (writes go to the primary).</summary>
    public string ConnectionString { get; private set; } = "";

    public Task InitializeAsync()
    {
        _startedHere = !TryRun("status");
        ConnectionString = Run("start");
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        if (_startedHere)
            Run("stop");
        return Task.CompletedTask;
    }

    /// <summary>Kills the primary's postmaster and its Patroni; the name of the server killed.</summary>
    public string KillPrimary() => Run("kill-primary");

    /// <summary>Starts a killed server again: rewound, it follows the new primary.</summary>
    public void Revive(string server) => Run("revive", server);

    /// <summary>Patroni's planned switchover to the synchronous standby, waited for.</summary>
    public void Switchover() => Run("switchover");

    /// <summary>Patroni's maintenance mode: nothing is promoted until <see cref="Resume"/>, so a killed primary stays down.</summary>
    public void Pause() => Run("pause");

    public void Resume() => Run("resume");

    private static bool TryRun(params string[] arguments) => Execute(arguments).ExitCode == 0;

    private static string Run(params string[] arguments)
    {
        var (exitCode, output, errors) = Execute(arguments);
        if (exitCode != 0)
            throw new InvalidOperationException($"ops/pg-ha.sh {string.Join(' ', arguments)} failed ({exitCode}): {errors}");
        return output.Trim();
    }

    private static (int ExitCode, string Output, string Errors) Execute(string[] arguments)
    {
        var script = Path.Combine(TestDatabase.RepositoryRoot(), "ops", "pg-ha.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, errors.Result);
    }
}

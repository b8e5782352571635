using System.Net;
using System.Net.Http.Json;
using Npgsql;
using TuyenGiao.Access;
using TuyenGiao.Auditing;
using TuyenGiao.Integration.Tests.Campaigns;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Cluster;

/// <summary>
/// The reads that may lag (the audit feed, exports) go to the standby when a node is given TUYENGIAO_PG_READS, and so
/// are still answered while the primary is down; a node without it reads them from the primary.
/// </summary>
[Collection(DatabaseFailoverCollection.Name)]
[Trait(DatabaseFailoverCollection.Trait, DatabaseFailoverCollection.Runs)]
public class StandbyReadsTests(FailoverPair pair)
{
    [Fact]
    public async Task Given_a_node_reading_from_the_standby_When_the_primary_is_down_and_none_is_promoted_Then_its_audit_feed_is_answered_while_writes_and_a_primary_reader_get_503()
    {
        await using var database = await TestDatabase.CreateOnAsync(pair.ConnectionString);
        var reads = new NpgsqlConnectionStringBuilder(database.ConnectionString) { TargetSessionAttributes = "prefer-standby" }.ConnectionString;
        // Each a cluster of its own: neither reaches a grain on the other.
        await using var standbyReader = await TestNodeProcesses.StartApiAsync(database, $"reads-s-{Guid.NewGuid():N}"[..20], "standby-reader",
            new Dictionary<string, string> { ["TUYENGIAO_PG_READS"] = reads });
        await using var primaryReader = await TestNodeProcesses.StartApiAsync(database, $"reads-p-{Guid.NewGuid():N}"[..20], "primary-reader");
        var token = TestNodeProcesses.Tokens.Issue("standby-auditor", Role.Admin);
        using var viaStandby = TestNodeProcesses.Client(standbyReader, token);
        using var viaPrimary = TestNodeProcesses.Client(primaryReader, token);
        var h = await HierarchyScenario.CreateAsync(viaStandby);
        const string Feed = "/api/audit/events?type=committee_registered&limit=100";
        // Synchronous replication waits for the standby's disk, not its replay: the feed shows the five once replayed.
        var before = await EventuallyAsync(async () => (await Read<EventPage>(await viaStandby.GetAsync(Feed), HttpStatusCode.OK)).Events, e => e.Count == 5);
        Assert.Equal(5, before.Count);
        Assert.Equal(5, (await Read<EventPage>(await viaPrimary.GetAsync(Feed), HttpStatusCode.OK)).Events.Count);

        string? killed = null;
        pair.Pause();
        try
        {
            killed = pair.KillPrimary();

            var during = await Read<EventPage>(await viaStandby.GetAsync(Feed), HttpStatusCode.OK);
            Assert.Equal(before.Select(e => e.EventId), during.Events.Select(e => e.EventId));
            foreach (var refused in new[]
                     {
                         await viaPrimary.GetAsync(Feed),
                         await viaStandby.PostAsJsonAsync("/api/committees", new { code = $"X{h.Suffix}", name = "Chi bộ mới", level = "Grassroots", parentCode = h.DistrictA, memberCount = 12 }),
                     })
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.NotNull(refused.Headers.RetryAfter);
            }
        }
        finally
        {
            pair.Resume();
            if (killed is not null)
                pair.Revive(killed);
        }
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
                return value;
            await Task.Delay(100);
        }
    }
}

using System.Net;
using TuyenGiao.Api.Contests;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Contests;

/// <summary>
/// The public tally at a past version costs a fold of the stream: it starts from the latest snapshot when it can, and
/// the same question is folded once. Counted with the event store's own "events replayed" instrument.
/// </summary>
public class PastTallyTests
{
    [Fact]
    public async Task Given_a_snapshotted_contest_When_anyone_asks_for_a_past_tally_twice_Then_it_folds_from_the_snapshot_once_and_answers_the_same()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"past-{Guid.NewGuid():N}"[..16],
            settings: new Dictionary<string, string?> { ["EventStore:SnapshotEvery"] = "5" });
        var scenario = await ContestScenario.OpenNowAsync(node.Http);
        // Entries until a snapshot at version 10 or later is stored (snapshots are taken in the background every 5 events).
        var snapshotVersion = 0L;
        for (var i = 1; snapshotVersion < 10; i++)
        {
            Assert.True(i <= 60, $"no snapshot at version 10 or later after 60 entries (latest {snapshotVersion})");
            await Read<SubmissionReceiptResponse>(await node.Http.PostJson(scenario.Entries, scenario.Entry($"p-{i}")), HttpStatusCode.Created);
            await Task.Delay(50);
            snapshotVersion = await database.ScalarAsync("SELECT coalesce(max(version), 0) FROM snapshots.stream_snapshot WHERE stream_id = @s",
                ("s", Contest.StreamIdFor(scenario.ContestId)));
        }
        await Read<SubmissionReceiptResponse>(await node.Http.PostJson(scenario.Entries, scenario.Entry("p-last")), HttpStatusCode.Created);
        var target = snapshotVersion + 1;
        using var anonymous = node.Anonymous();
        using var replayed = new ReplayedEvents("contest");

        var first = await Read<ContestTally>(await anonymous.GetAsync($"/api/contests/{scenario.ContestId}/tally?version={target}"), HttpStatusCode.OK);
        var foldedFirst = replayed.Take();
        var again = await Read<ContestTally>(await anonymous.GetAsync($"/api/contests/{scenario.ContestId}/tally?version={target}"), HttpStatusCode.OK);
        var foldedAgain = replayed.Take();

        Assert.Equal(((int)target - 1, target), (first.Accepted, first.Version)); // the announcement, then entries
        Assert.Equal((first.Accepted, first.Version), (again.Accepted, again.Version));
        Assert.Equal(1, foldedFirst); // the snapshot and the one event after it, not the whole stream
        Assert.Equal(0, foldedAgain);
        var early = await Read<ContestTally>(await anonymous.GetAsync($"/api/contests/{scenario.ContestId}/tally?version=3"), HttpStatusCode.OK);
        Assert.Equal((2, 3L), (early.Accepted, early.Version));
    }
}

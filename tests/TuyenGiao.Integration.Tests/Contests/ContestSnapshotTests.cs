using System.Net;
using System.Text.Json;
using TuyenGiao.Access;
using TuyenGiao.Api.Contests;
using TuyenGiao.Contests;
using TuyenGiao.EventStore;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Contests;

/// <summary>A contest's state is snapshotted periodically and activation starts from the snapshot.</summary>
public class ContestSnapshotTests
{
    [Fact]
    public async Task Given_a_contest_past_its_snapshot_interval_When_reactivated_Then_it_starts_from_the_snapshot_with_the_same_tally()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"snap-{Guid.NewGuid():N}"[..16],
            settings: new Dictionary<string, string?> { ["EventStore:SnapshotEvery"] = "50" });
        var contest = await ContestScenario.OpenNowAsync(node.Http, perAuthorLimit: 100);
        // Each cell's officer records its own entries: 60 each stays within one user's burst of submissions.
        using var officerA = node.ClientAs("officer-a", Role.Officer, contest.CellA);
        using var officerB = node.ClientAs("officer-b", Role.Officer, contest.CellB);
        for (var i = 0; i < 120; i++)
        {
            var (author, committee, officer) = i % 2 == 0 ? ("Lê Văn Tám", contest.CellA, officerA) : ("Võ Thị Sáu", contest.CellB, officerB);
            await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry($"s-{i}", author, committee), officer), HttpStatusCode.Created);
        }
        await Read<ContestTally>(await node.Http.PostAsync($"{contest.Entries}/s-7/withdrawal", null), HttpStatusCode.OK);
        var before = await Read<ContestTally>(await node.Http.GetAsync($"/api/contests/{contest.ContestId}/tally"), HttpStatusCode.OK);
        var streamId = Contest.StreamIdFor(contest.ContestId);
        Assert.True(await database.SnapshotVersionAsync(streamId) >= 50, "no periodic snapshot was taken");

        await node.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(122, await database.SnapshotVersionAsync(streamId)); // taken again at deactivation
        using var replayed = new ReplayedEvents("contest");
        var after = await Read<ContestTally>(await node.Http.GetAsync($"/api/contests/{contest.ContestId}/tally"), HttpStatusCode.OK);

        Assert.Equal(JsonSerializer.Serialize(before, Json), JsonSerializer.Serialize(after, Json));
        Assert.Equal(0, replayed.Total);
        // The author limit and idempotency still hold after a snapshot: a retry gets its first receipt.
        var retry = await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("s-3", author: "Võ Thị Sáu", committee: contest.CellB)), HttpStatusCode.Created);
        Assert.Equal(4, retry.EntryNumber);
    }
}

using System.Net;
using TuyenGiao.Api.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Contests;

/// <summary>The live stream of one Api node follows a contest whose entries arrive through another node.</summary>
public class LiveAcrossNodesTests
{
    [Fact]
    public async Task Given_two_nodes_When_entries_go_through_one_Then_a_follower_on_the_other_sees_every_change()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = $"live-{Guid.NewGuid():N}"[..16];
        await using var writer = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId);
        await using var reader = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId,
            settings: new Dictionary<string, string?> { ["Orleans:Mode"] = "Client" });
        var contest = await ContestScenario.OpenNowAsync(writer.Http);

        using var response = await reader.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/contests/{contest.ContestId}/tally/live"),
            HttpCompletionOption.ResponseHeadersRead);
        var events = new SseReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(0, (await events.NextTally(TimeSpan.FromSeconds(10))).Accepted);

        for (var i = 0; i < 25; i++)
            await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry($"x-{i}")), HttpStatusCode.Created);

        // Bursts are coalesced, so count updates until the last one shows every entry.
        var seen = 0;
        for (var updates = 0; seen < 25; updates++)
        {
            Assert.True(updates < 25, "more updates than changes: nothing was coalesced or the stream repeats itself");
            seen = (await events.NextTally(TimeSpan.FromSeconds(10))).Accepted;
        }
        Assert.Equal(25, seen);
    }
}

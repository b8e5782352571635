using System.Net;
using TuyenGiao.Api.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Contests;

/// <summary>The submission window's edges over HTTP, on a node whose clock the test sets.</summary>
public class ContestWindowTests
{
    [Fact]
    public async Task Given_a_fixed_clock_When_entries_arrive_at_the_edges_Then_the_opening_instant_is_in_and_the_closing_instant_is_out()
    {
        var opens = new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.FromHours(7));
        var closes = new DateTimeOffset(2023, 7, 1, 0, 0, 0, TimeSpan.FromHours(7));
        var clock = new FixedClock(opens.AddDays(-1));
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"window-{Guid.NewGuid():N}"[..16], clock);
        var contest = await ContestScenario.CreateAsync(node.Http, opens, closes, perAuthorLimit: 5);

        await AssertProblem(await contest.Submit(contest.Entry("early")), HttpStatusCode.UnprocessableEntity, "submittedAt");
        clock.Now = opens;
        var first = await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("at-open")), HttpStatusCode.Created);
        clock.Now = closes.AddTicks(-10);
        await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("just-before-close")), HttpStatusCode.Created);
        clock.Now = closes;
        await AssertProblem(await contest.Submit(contest.Entry("at-close")), HttpStatusCode.UnprocessableEntity, "submittedAt");

        Assert.Equal(opens, first.SubmittedAt);
        Assert.Equal(TimeSpan.FromHours(7), first.SubmittedAt.Offset);
        // A retry after the close of an entry accepted in time still gets its receipt.
        Assert.Equal(first, await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("at-open")), HttpStatusCode.Created));
    }
}

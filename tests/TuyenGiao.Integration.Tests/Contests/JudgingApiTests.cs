using System.Net;
using System.Text.Json;
using TuyenGiao.Api.Contests;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Contests;

/// <summary>Judging and awards end to end over HTTP, on a node whose clock the test moves past the close.</summary>
public class JudgingApiTests
{
    [Fact]
    public async Task Given_entries_When_judged_ranked_awarded_and_published_Then_the_award_tally_shows_it_and_the_results_are_frozen()
    {
        var opens = new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.FromHours(7));
        var closes = new DateTimeOffset(2023, 7, 1, 0, 0, 0, TimeSpan.FromHours(7));
        var clock = new FixedClock(opens.AddDays(1));
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"judge-{Guid.NewGuid():N}"[..16], clock);
        var http = node.Http;
        var contest = await ContestScenario.CreateAsync(http, opens, closes);
        var root = $"/api/contests/{contest.ContestId}";
        for (var i = 1; i <= 9; i++)
            await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry($"e-{i}", committee: i <= 4 ? contest.CellA : contest.CellB)), HttpStatusCode.Created);

        await Read<ContestTally>(await http.PostJson($"{root}/judges", new { judgeId = "gk-a", name = "Giám khảo A", committeeCode = contest.CellA }), HttpStatusCode.OK);
        await Read<ContestTally>(await http.PostJson($"{root}/judges", new { judgeId = "gk-p", name = "Giám khảo Tỉnh", committeeCode = contest.Province }), HttpStatusCode.OK);

        Assert.Equal([new JudgeResponse("gk-a", "Giám khảo A", contest.CellA), new JudgeResponse("gk-p", "Giám khảo Tỉnh", contest.Province)],
            await Read<List<JudgeResponse>>(await http.GetAsync($"{root}/judges"), HttpStatusCode.OK));

        // The judge from cell A sees only cell B's entries, and no author.
        var response = await http.GetAsync($"{root}/judges/gk-a/entries?limit=50");
        var body = await response.Content.ReadAsStringAsync();
        var visible = JsonSerializer.Deserialize<List<AnonymousEntryResponse>>(body, Json)!;
        Assert.Equal([5, 6, 7, 8, 9], visible.Select(e => e.EntryNumber));
        Assert.DoesNotContain("authorName", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Tác giả", body);
        await AssertProblem(await http.PutJson($"{root}/entries/1/scores", new { judgeId = "gk-a", score = 90 }), HttpStatusCode.UnprocessableEntity, "entryNumber");
        await AssertProblem(await http.PutJson($"{root}/entries/5/scores", new { judgeId = "gk-a", score = 101 }), HttpStatusCode.BadRequest, "score");

        for (var entry = 1; entry <= 8; entry++)
            await Read<ContestTally>(await http.PutJson($"{root}/entries/{entry}/scores", new { judgeId = "gk-p", score = 50 + entry * 5 }), HttpStatusCode.OK);
        await Read<ContestTally>(await http.PutJson($"{root}/entries/8/scores", new { judgeId = "gk-p", score = 10 }), HttpStatusCode.OK); // rescore
        // Each judge reads back their own scores of the round and their progress; the other judge's and round 2 are apart.
        var own = await Read<List<AnonymousEntryResponse>>(await http.GetAsync($"{root}/judges/gk-p/entries?after=6&limit=3"), HttpStatusCode.OK);
        Assert.Equal([(7, (int?)85), (8, 10), (9, null)], own.Select(e => (e.EntryNumber, e.Score)));
        Assert.All(await Read<List<AnonymousEntryResponse>>(await http.GetAsync($"{root}/judges/gk-p/entries?round=2"), HttpStatusCode.OK), e => Assert.Null(e.Score));
        Assert.Equal(new JudgeProgressResponse("gk-p", 1, 8, 9), await Read<JudgeProgressResponse>(await http.GetAsync($"{root}/judges/gk-p/progress"), HttpStatusCode.OK));
        Assert.Equal(new JudgeProgressResponse("gk-a", 1, 0, 5), await Read<JudgeProgressResponse>(await http.GetAsync($"{root}/judges/gk-a/progress?round=1"), HttpStatusCode.OK));
        await AssertProblem(await http.GetAsync($"{root}/judges/gk-p/progress?round=11"), HttpStatusCode.BadRequest, "round");
        await AssertProblem(await http.GetAsync($"{root}/judges/nobody/progress"), HttpStatusCode.NotFound, "judgeId");
        var ranking = await Read<List<RankedEntry>>(await http.GetAsync($"{root}/ranking"), HttpStatusCode.OK);
        Assert.Equal([7, 6, 5, 4, 3, 2, 1, 8], ranking.Select(r => r.EntryNumber));

        await Read<ContestTally>(await http.PostAsync($"{root}/awards/from-ranking", null), HttpStatusCode.OK);
        await Read<ContestTally>(await http.PostJson($"{root}/awards", new { tier = "Giải nhất tập thể", collective = true, committeeCode = contest.CellB, reason = "Nhiều bài dự thi chất lượng" }), HttpStatusCode.OK);
        await AssertProblem(await http.PostJson($"{root}/awards", new { tier = "Giải nhất", entryNumber = 8, reason = "Thêm" }), HttpStatusCode.Conflict, "tier");
        await AssertProblem(await http.PostAsync($"{root}/results", null), HttpStatusCode.UnprocessableEntity, "contestId");

        // Before publication the public sees the tiers but not who holds them, and no ranking.
        using var anonymous = node.Anonymous();
        var unpublished = await Read<ContestTally>(await anonymous.GetAsync($"{root}/tally"), HttpStatusCode.OK);
        Assert.All(unpublished.Awards, t => Assert.Equal((0, 0), (t.Granted, t.Holders.Count)));
        Assert.Empty(unpublished.AwardsByCommittee);
        await AssertProblem(await anonymous.GetAsync($"{root}/ranking"), HttpStatusCode.Forbidden, "contestId");
        await AssertProblem(await anonymous.GetAsync($"{root}/prize-holders"), HttpStatusCode.Forbidden, "contestId");
        await AssertProblem(await anonymous.GetAsync($"{root}/judges"), HttpStatusCode.Unauthorized, "Authorization");
        await AssertProblem(await http.GetAsync("/api/contests/NO-SUCH-CONTEST/judges"), HttpStatusCode.NotFound, "contestId");
        Assert.Equal(9, (await Read<List<PrizeHolderResponse>>(await http.GetAsync($"{root}/prize-holders"), HttpStatusCode.OK)).Count);

        clock.Now = closes;
        var published = await Read<ContestTally>(await http.PostAsync($"{root}/results", null), HttpStatusCode.OK);

        Assert.True(published.ResultsPublished);
        var tiers = published.Awards.ToDictionary(t => t.Tier);
        Assert.Equal([7], tiers["Giải nhất"].Holders.Select(h => h.EntryNumber));
        Assert.Equal([6, 5], tiers["Giải nhì"].Holders.Select(h => h.EntryNumber));
        Assert.Equal((6, 2), (tiers["Giải khuyến khích"].Count, tiers["Giải khuyến khích"].Granted)); // 8 ranked entries for 12 places: 1 + 2 + 3 + 2
        Assert.Equal(contest.CellB, tiers["Giải nhất tập thể"].Holders.Single().CommitteeCode);
        Assert.Equal(8, published.AwardsByCommittee.Single(c => c.Code == contest.Bloc).Individual);
        Assert.Equivalent(published.Awards, (await Read<ContestTally>(await anonymous.GetAsync($"{root}/tally"), HttpStatusCode.OK)).Awards);
        Assert.Equal(8, (await Read<List<RankedEntry>>(await anonymous.GetAsync($"{root}/ranking"), HttpStatusCode.OK)).Count);
        // The published prizes with the entries' titles and authors, tier by tier, as the public page lists them.
        var holders = await Read<List<PrizeHolderResponse>>(await anonymous.GetAsync($"{root}/prize-holders"), HttpStatusCode.OK);
        Assert.Equal(new PrizeHolderResponse("Giải nhất", false, 7, "Khát vọng vươn lên", "Tác giả e-7", contest.CellB), holders[0]);
        Assert.Equal(new PrizeHolderResponse("Giải nhất tập thể", true, null, null, null, contest.CellB), holders[^1]);
        Assert.Equal(9, holders.Count);
        await AssertProblem(await http.PutJson($"{root}/entries/5/scores", new { judgeId = "gk-p", score = 99 }), HttpStatusCode.UnprocessableEntity, "contestId");

        var corrected = await Read<ContestTally>(await http.PostJson($"{root}/awards/corrections",
            new { tier = "Giải nhất", fromEntryNumber = 7, toEntryNumber = 9, reason = "Phúc khảo" }), HttpStatusCode.OK);
        Assert.Equal([9], corrected.Awards.Single(t => t.Tier == "Giải nhất").Holders.Select(h => h.EntryNumber));
        await AssertProblem(await http.PostJson($"{root}/awards/corrections",
            new { tier = "Giải nhì", fromEntryNumber = 6, toEntryNumber = 9, reason = "Trùng" }), HttpStatusCode.Conflict, "toEntryNumber");
        Assert.Equal(1, await database.ScalarAsync(
            "SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s AND type = 'award_corrected'", ("s", Contest.StreamIdFor(contest.ContestId))));
    }
}

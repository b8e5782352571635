using System.Net;
using System.Text;
using TuyenGiao.Access;
using TuyenGiao.Api.Contests;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Contests;

/// <summary>
/// Judging you can explain, end to end over HTTP with signed-in judges: a scoring sheet, conflicts of interest declared by
/// a judge and recorded by the organiser, z-scores chosen for the round, and the explanation of the winner, which stays
/// the same as of the publication after a later correction.
/// </summary>
public class ExplainableJudgingApiTests
{
    private static readonly DateTimeOffset Opens = new(2023, 6, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset Closes = new(2023, 7, 1, 0, 0, 0, TimeSpan.FromHours(7));

    private static object Sheet(int content, int form, int creativity) =>
        new[] { new { name = "Nội dung", points = content }, new { name = "Hình thức", points = form }, new { name = "Sáng tạo", points = creativity } };

    [Fact]
    public async Task Given_a_sheet_conflicts_and_z_scores_When_the_winner_is_explained_Then_every_line_is_cited_and_the_published_explanation_never_changes()
    {
        var clock = new FixedClock(Opens.AddDays(1));
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"explain-{Guid.NewGuid():N}"[..16], clock);
        var http = node.Http;
        var contest = await ContestScenario.CreateAsync(http, Opens, Closes, judging: new
        {
            criteria = new[] { new { name = "Nội dung", points = 40 }, new { name = "Hình thức", points = 30 }, new { name = "Sáng tạo", points = 30 } },
        });
        var root = $"/api/contests/{contest.ContestId}";
        for (var i = 1; i <= 6; i++)
            await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry($"e-{i}", committee: i <= 3 ? contest.CellA : contest.CellB)), HttpStatusCode.Created);
        foreach (var (id, committee) in new[] { ("gk-le", contest.Province), ("gk-ha", contest.Bloc), ("gk-mai", contest.Province) })
            await Read<ContestTally>(await http.PostJson($"{root}/judges", new { judgeId = id, name = "Giám khảo " + id[3..], committeeCode = committee }), HttpStatusCode.OK);
        using var le = node.ClientAs("gk-le", Role.Judge);
        using var ha = node.ClientAs("gk-ha", Role.Judge);
        using var mai = node.ClientAs("gk-mai", Role.Judge);

        // The sheet: every criterion within its points, the score their sum; a bare number or a wrong sum is refused.
        await AssertProblem(await le.PutJson($"{root}/entries/1/scores", new { judgeId = "gk-le", score = 90 }), HttpStatusCode.BadRequest, "sheet");
        await AssertProblem(await le.PutJson($"{root}/entries/1/scores", new { judgeId = "gk-le", score = 91, sheet = Sheet(36, 27, 27) }), HttpStatusCode.BadRequest, "score");
        await AssertProblem(await le.PutJson($"{root}/entries/1/scores", new { judgeId = "gk-le", sheet = Sheet(41, 27, 22) }), HttpStatusCode.BadRequest, "sheet");
        foreach (var (client, judge, entry, sheet) in new[]
        {
            (le, "gk-le", 1, Sheet(36, 27, 27)), (le, "gk-le", 2, Sheet(35, 25, 25)), (le, "gk-le", 3, Sheet(32, 24, 24)),
            (ha, "gk-ha", 2, Sheet(24, 18, 18)), (ha, "gk-ha", 3, Sheet(25, 15, 15)), (ha, "gk-ha", 4, Sheet(30, 20, 20)),
            (mai, "gk-mai", 2, Sheet(40, 30, 30)),
        })
            await Read<ContestTally>(await client.PutJson($"{root}/entries/{entry}/scores", new { judgeId = judge, sheet }), HttpStatusCode.OK);

        // A conflict declared by the judge after scoring sets the score aside and takes the entry out of their queue.
        Assert.Contains(2, (await Read<List<AnonymousEntryResponse>>(await mai.GetAsync($"{root}/judges/gk-mai/entries"), HttpStatusCode.OK)).Select(e => e.EntryNumber));
        await Read<ContestTally>(await mai.PostJson($"{root}/judges/gk-mai/conflicts", new { entryNumber = 2, reason = "Tác giả là em họ tôi" }), HttpStatusCode.OK);
        Assert.DoesNotContain(2, (await Read<List<AnonymousEntryResponse>>(await mai.GetAsync($"{root}/judges/gk-mai/entries"), HttpStatusCode.OK)).Select(e => e.EntryNumber));
        Assert.Equal(new JudgeProgressResponse("gk-mai", 1, 0, 5), await Read<JudgeProgressResponse>(await mai.GetAsync($"{root}/judges/gk-mai/progress"), HttpStatusCode.OK));
        await AssertProblem(await mai.PutJson($"{root}/entries/2/scores", new { judgeId = "gk-mai", sheet = Sheet(1, 1, 1) }), HttpStatusCode.UnprocessableEntity, "entryNumber");
        // The organiser records one for a judge; another judge may not declare one in a colleague's name.
        await Read<ContestTally>(await http.PostJson($"{root}/judges/gk-ha/conflicts", new { entryNumber = 6, reason = "Thầy hướng dẫn của tác giả" }), HttpStatusCode.OK);
        await AssertProblem(await le.PostJson($"{root}/judges/gk-ha/conflicts", new { entryNumber = 5, reason = "Đồng nghiệp" }), HttpStatusCode.Forbidden, "judgeId");
        // One recorded in error is lifted by the organiser only, once.
        await Read<ContestTally>(await http.PostJson($"{root}/judges/gk-le/conflicts", new { entryNumber = 5, reason = "Ghi nhầm" }), HttpStatusCode.OK);
        await AssertProblem(await le.PostJson($"{root}/judges/gk-le/conflicts/lifting", new { entryNumber = 5, reason = "Ghi nhầm" }), HttpStatusCode.Forbidden, "role");
        await Read<ContestTally>(await http.PostJson($"{root}/judges/gk-le/conflicts/lifting", new { entryNumber = 5, reason = "Ghi nhầm giám khảo" }), HttpStatusCode.OK);
        await AssertProblem(await http.PostJson($"{root}/judges/gk-le/conflicts/lifting", new { entryNumber = 5, reason = "Ghi nhầm" }), HttpStatusCode.NotFound, "entryNumber");
        Assert.Contains(5, (await Read<List<AnonymousEntryResponse>>(await le.GetAsync($"{root}/judges/gk-le/entries"), HttpStatusCode.OK)).Select(e => e.EntryNumber));
        await AssertProblem(await le.PostJson($"{root}/judges/gk-le/conflicts", new { entryNumber = 99, reason = "Đồng nghiệp" }), HttpStatusCode.NotFound, "entryNumber");
        await AssertProblem(await le.PostJson($"{root}/judges/gk-le/conflicts", new { entryNumber = 5 }), HttpStatusCode.BadRequest, "reason");
        var declared = await database.ScalarAsync(
            "SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s AND type = 'conflict_declared' AND (data->>'byOrganiser')::boolean", ("s", Contest.StreamIdFor(contest.ContestId)));
        Assert.Equal(2, declared);

        // Raw: the lenient judge's best wins. The organiser chooses z-scores for round 1: the harsh judge's best does.
        var raw = await Read<List<RankedEntry>>(await http.GetAsync($"{root}/ranking"), HttpStatusCode.OK);
        Assert.Equal((1, 90m, ScoreNormalisationMethod.Raw), (raw[0].EntryNumber, raw[0].Score, raw[0].Normalisation));
        Assert.Equal(1, raw.Single(r => r.EntryNumber == 2).ScoresSetAside);
        await AssertProblem(await http.PutJson($"{root}/rounds/1/normalisation", new { method = "Median" }), HttpStatusCode.BadRequest, "method");
        await AssertProblem(await le.PutJson($"{root}/rounds/1/normalisation", new { method = "ZScore" }), HttpStatusCode.Forbidden, "role");
        await Read<ContestTally>(await http.PutJson($"{root}/rounds/1/normalisation", new { method = "ZScore" }), HttpStatusCode.OK);
        var z = await Read<List<RankedEntry>>(await http.GetAsync($"{root}/ranking"), HttpStatusCode.OK);
        Assert.Equal([(4, 90.44m), (1, 89.01m)], z.Take(2).Select(r => (r.EntryNumber, r.Score)));
        Assert.All(z, r => Assert.Equal(ScoreNormalisationMethod.ZScore, r.Normalisation));

        await Read<ContestTally>(await http.PostAsync($"{root}/awards/from-ranking", null), HttpStatusCode.OK);
        using var anonymous = node.Anonymous();
        await AssertProblem(await anonymous.GetAsync($"{root}/entries/4/explanation"), HttpStatusCode.Forbidden, "contestId");
        clock.Now = Closes;
        var published = await Read<ContestTally>(await http.PostAsync($"{root}/results", null), HttpStatusCode.OK);
        await AssertProblem(await http.PutJson($"{root}/rounds/1/normalisation", new { method = "Raw" }), HttpStatusCode.UnprocessableEntity, "contestId");

        // The organiser's explanation names the judges; the public's numbers them and leaves out who recorded each score.
        var why = await Read<EntryExplanation>(await http.GetAsync($"{root}/entries/4/explanation"), HttpStatusCode.OK);
        Assert.Equal((EntryStanding.Ranked, 1, 90.44m, ScoreNormalisationMethod.ZScore, published.Version), (why.Standing, why.Place, why.Score, why.Normalisation, why.Published!.Version));
        var line = Assert.Single(why.Scores);
        Assert.Equal(("gk-ha", "gk-ha", 70, 90.44m), (line.Judge.JudgeId, line.Event.Actor, line.Score, line.Normalised));
        Assert.Equal([30, 20, 20], line.Sheet!.Select(c => c.Points));
        Assert.Equal((73.33m, 12.8m), (why.Rounds.Single().PanelMean, why.Rounds.Single().PanelSpread));
        Assert.Equal((1, TieBreak.HigherScore), (why.Neighbours.Single().EntryNumber, why.Neighbours.Single().DecidedBy));
        Assert.Equal(("Giải nhất", AwardChange.Granted), (why.Awards.Single().Tier, why.Awards.Single().Change));
        var stored = await database.ScalarAsync("SELECT version FROM tuyengiao.mt_events WHERE stream_id = @s AND type = 'entry_scored' AND (data->>'entryNumber')::int = 4",
            ("s", Contest.StreamIdFor(contest.ContestId)));
        Assert.Equal(stored, line.Event.Version);
        var forPublic = await anonymous.GetAsync($"{root}/entries/4/explanation");
        var publicText = await forPublic.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, forPublic.StatusCode);
        Assert.DoesNotContain("gk-ha", publicText);
        Assert.Contains("Giám khảo 2", publicText);
        var setAside = (await Read<EntryExplanation>(await http.GetAsync($"{root}/entries/2/explanation"), HttpStatusCode.OK)).Scores.Single(s => s.Judge.JudgeId == "gk-mai");
        Assert.Equal((ScoreStanding.SetAside, "Tác giả là em họ tôi", "gk-mai"), (setAside.Standing, setAside.Conflict!.Reason, setAside.Conflict.Event.Actor));

        // A correction after publication: the explanation as of the publication is what it was, byte for byte; today's shows it.
        var asPublished = await (await anonymous.GetAsync($"{root}/entries/4/explanation?version={published.Version}")).Content.ReadAsStringAsync();
        Assert.Equal(publicText, asPublished);
        await Read<ContestTally>(await http.PostJson($"{root}/awards/corrections", new { tier = "Giải nhất", fromEntryNumber = 4, toEntryNumber = 6, reason = "Phúc khảo" }), HttpStatusCode.OK);
        Assert.Equal(asPublished, await (await anonymous.GetAsync($"{root}/entries/4/explanation?version={published.Version}")).Content.ReadAsStringAsync());
        var now = await Read<EntryExplanation>(await anonymous.GetAsync($"{root}/entries/4/explanation"), HttpStatusCode.OK);
        Assert.Equal([AwardChange.Granted, AwardChange.CorrectedAway], now.Awards.Select(a => a.Change));
        Assert.Equal(published.Version + 1, now.Version);

        // Exported: a CSV in UTF-8 with the same lines, each citing its stream and version.
        var csv = await http.GetAsync($"{root}/entries/4/explanation?format=csv&version={published.Version}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains($"Giải trình xếp hạng: cuộc thi {contest.ContestId}, bài số 4, tính đến phiên bản {published.Version}", text);
        Assert.Contains($"Giám khảo 2: Giám khảo ha (gk-ha),1,70,Nội dung 30; Hình thức 20; Sáng tạo 20,90.44,Counted,0,,contest/{contest.ContestId},{stored},", text);

        await AssertProblem(await anonymous.GetAsync($"{root}/entries/99/explanation"), HttpStatusCode.NotFound, "entryNumber");
        await AssertProblem(await anonymous.GetAsync($"{root}/entries/4/explanation?version=0"), HttpStatusCode.BadRequest, "version");
        await AssertProblem(await anonymous.GetAsync($"{root}/entries/4/explanation?format=xml"), HttpStatusCode.BadRequest, "format");
        await AssertProblem(await anonymous.GetAsync("/api/contests/NO-SUCH-CONTEST/entries/1/explanation"), HttpStatusCode.NotFound, "contestId");
    }

    [Fact]
    public async Task Given_conflicts_covering_the_subtree_When_a_judge_of_the_province_asks_for_their_queue_Then_it_is_empty_and_a_cell_judge_sees_the_other_cell()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"subtree-{Guid.NewGuid():N}"[..16], new FixedClock(Opens.AddDays(1)));
        var http = node.Http;
        var contest = await ContestScenario.CreateAsync(http, Opens, Closes, judging: new { conflictsCoverSubtree = true, normalisation = "Rank" });
        var root = $"/api/contests/{contest.ContestId}";
        for (var i = 1; i <= 4; i++)
            await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry($"e-{i}", committee: i <= 2 ? contest.CellA : contest.CellB)), HttpStatusCode.Created);
        await Read<ContestTally>(await http.PostJson($"{root}/judges", new { judgeId = "gk-tinh", name = "Giám khảo Tỉnh", committeeCode = contest.Province }), HttpStatusCode.OK);
        await Read<ContestTally>(await http.PostJson($"{root}/judges", new { judgeId = "gk-a", name = "Giám khảo A", committeeCode = contest.CellA }), HttpStatusCode.OK);

        Assert.Empty(await Read<List<AnonymousEntryResponse>>(await http.GetAsync($"{root}/judges/gk-tinh/entries"), HttpStatusCode.OK));
        Assert.Equal(0, (await Read<JudgeProgressResponse>(await http.GetAsync($"{root}/judges/gk-tinh/progress"), HttpStatusCode.OK)).Total);
        await AssertProblem(await http.PutJson($"{root}/entries/3/scores", new { judgeId = "gk-tinh", score = 80 }), HttpStatusCode.UnprocessableEntity, "entryNumber");
        Assert.Equal([3, 4], (await Read<List<AnonymousEntryResponse>>(await http.GetAsync($"{root}/judges/gk-a/entries"), HttpStatusCode.OK)).Select(e => e.EntryNumber));
        var announced = await Read<ContestResponse>(await http.GetAsync(root), HttpStatusCode.OK);
        Assert.Equal((ScoreNormalisationMethod.Rank, true, 0), (announced.Judging.Normalisation, announced.Judging.ConflictsCoverSubtree, announced.Judging.Criteria.Count));
    }
}

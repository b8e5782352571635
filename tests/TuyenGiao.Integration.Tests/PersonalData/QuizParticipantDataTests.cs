using System.Net;
using TuyenGiao.Api.PersonalData;
using TuyenGiao.Api.Quizzes;
using TuyenGiao.Auditing;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using TuyenGiao.Integration.Tests.Quizzes;
using TuyenGiao.PersonalData;
using TuyenGiao.Quizzes;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.PersonalData;

/// <summary>The online quiz's participants (name, phone, year of birth) sealed at rest, opened where shown, erased by phone.</summary>
public class QuizParticipantDataTests
{
    private const string Ngoc = "Trần Thị Bích Ngọc";
    private const string Tam = "Lê Văn Tám";

    [Fact]
    public async Task Given_two_people_in_a_quiz_When_one_is_erased_by_phone_Then_no_read_shows_their_name_or_number_and_the_ranking_stands()
    {
        var (database, node, root, contest, clock) = await QuizScenario.InOpenRoundAsync(new Dictionary<string, string?> { ["EventStore:SnapshotEvery"] = "5" });
        await using var _database = database;
        await using var _node = node;
        await QuizScenario.AnswerAsync(node, root, contest.CellA, (Ngoc, "0912345678", 0), (Tam, "0987654321", 1));
        var streamId = Quiz.StreamIdFor(contest.ContestId);

        // At rest: neither name, number (the attempt ids hold the 0… form: the client chose them) nor year of birth in the
        // events, and not in the quiz's snapshot either.
        Assert.Equal(0, await database.ScalarAsync($"""
            SELECT count(*) FROM tuyengiao.mt_events
            WHERE data::text LIKE '%Bích Ngọc%' OR data::text LIKE '%{Tam}%' OR data::text LIKE '%84912345678%' OR data::text LIKE '%84987654321%'
            """));
        Assert.Equal(0, await database.ScalarAsync($"""
            SELECT count(*) FROM tuyengiao.mt_events
            WHERE stream_id = '{streamId}' AND (data ? 'birthYear') AND left(data->>'birthYear', 1) <> chr(64976)
            """));
        Assert.Equal(2, await database.ScalarAsync($"SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = '{streamId}' AND (data ? 'birthYear')"));
        Assert.True(await database.SnapshotVersionAsync(streamId) >= 5, "no snapshot was taken");
        Assert.Equal(0, await database.ScalarAsync($"""
            SELECT count(*) FROM snapshots.stream_snapshot WHERE stream_id = '{streamId}'
            AND (position(convert_to('Bích Ngọc', 'UTF8') IN state) > 0 OR position(convert_to('84912345678', 'UTF8') IN state) > 0)
            """));

        // After the close: the public ranking shows names; the organiser's prizes show numbers, and that read is logged.
        clock.Now = QuizScenario.Week1.AddDays(7);
        using var anonymous = node.Anonymous();
        var results = await Read<RoundResultsResponse>(await anonymous.GetAsync($"{root}/rounds/1/results"), HttpStatusCode.OK);
        Assert.Equal([(1, Ngoc), (2, Tam)], results.Ranking.Select(r => (r.Rank, r.Name)));
        var prizes = await Read<List<RoundPrizeResponse>>(await node.Http.PostAsync($"{root}/rounds/1/prizes/from-ranking", null), HttpStatusCode.OK);
        Assert.Equal([(Ngoc, "+84912345678"), (Tam, "+84987654321")], prizes.Select(p => (p.Name, p.Phone)));
        var log = await Read<List<PersonalDataAccess>>(await node.Http.GetAsync("/api/personal-data/access-log"), HttpStatusCode.OK);
        Assert.Equal([($"prizes of round 1 of quiz {contest.ContestId}", 2)], log.Select(r => (r.What, r.People.Count)));
        var ngocsReads = await Read<List<PersonalDataAccess>>(
            await node.Http.GetAsync("/api/personal-data/access-log?phone=0912345678"), HttpStatusCode.OK);
        Assert.Single(ngocsReads);
        // One person at a time, by the erasure's rule: not an author and a number at once, not a number that is none.
        await AssertProblem(await node.Http.GetAsync($"/api/personal-data/access-log?phone=0912345678&authorName=A&committeeCode={contest.CellA}"),
            HttpStatusCode.BadRequest, "phone");
        await AssertProblem(await node.Http.GetAsync("/api/personal-data/access-log?phone=12"), HttpStatusCode.BadRequest, "phone");

        // The public results are kept opened while the quiz stands; an erasure must still show at once.
        var kept = await Read<RoundResultsResponse>(await anonymous.GetAsync($"{root}/rounds/1/results"), HttpStatusCode.OK);
        Assert.Equal([Ngoc, Tam], kept.Ranking.Select(r => r.Name));

        // Erased by phone: the quiz stream's key of hers goes; the same request again answers the same.
        var request = new { requestId = "xoa-quiz-1", phone = "+84 912.345.678", legalBasis = "Đơn đề nghị ngày 01/08/2023; Nghị định 13/2023/NĐ-CP, Điều 16" };
        var erased = await Read<ErasureResponse>(await node.Http.PostJson("/api/personal-data/erasures", request), HttpStatusCode.Created);
        Assert.Equal([(streamId, 1L)], erased.Held.Select(h => (h.StreamId, h.DataKeys)));
        Assert.Equivalent(erased, await Read<ErasureResponse>(await node.Http.PostJson("/api/personal-data/erasures", request), HttpStatusCode.OK), strict: true);
        await AssertProblem(await node.Http.PostJson("/api/personal-data/erasures",
            new { requestId = "xoa-quiz-2", phone = "0912345678", authorName = Ngoc, committeeCode = contest.CellA, legalBasis = "x" }), HttpStatusCode.BadRequest, "phone");

        var after = await Read<RoundResultsResponse>(await anonymous.GetAsync($"{root}/rounds/1/results"), HttpStatusCode.OK);
        Assert.Equal([(1, SealedText.Erased, 1), (2, Tam, 0)], after.Ranking.Select(r => (r.Rank, r.Name, r.Correct)));
        prizes = await Read<List<RoundPrizeResponse>>(await node.Http.GetAsync($"{root}/rounds/1/prizes"), HttpStatusCode.OK);
        Assert.Equal([(SealedText.Erased, SealedText.Erased), (Tam, "+84987654321")], prizes.Select(p => (p.Name, p.Phone)));
        var stream = await (await node.Http.GetAsync($"/api/audit/stream?id={streamId}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Ngọc", stream);
        Assert.DoesNotContain("84912345678", stream);
        Assert.Contains(Tam, stream);
        var integrity = await Read<IntegrityReport>(await node.Http.GetAsync("/api/audit/integrity"), HttpStatusCode.OK);
        Assert.True(integrity.Intact, string.Join("; ", integrity.Broken));

        // She keeps her place in the quiz: registering again with the same name and year is the same person (a new key).
        using var again = node.Anonymous();
        await Read<ParticipantResponse>(await again.PostJson($"{root}/participants",
            new { name = Ngoc, phone = "0912345678", birthYear = 1990, committeeCode = contest.CellA, consent = true }), HttpStatusCode.OK);
        await AssertProblem(await again.PostJson($"{root}/participants",
            new { name = Ngoc, phone = "0912345678", birthYear = 1991, committeeCode = contest.CellA, consent = true }), HttpStatusCode.Conflict, "phone");
        Assert.Equal(2, (await Read<QuizResponse>(await anonymous.GetAsync(root), HttpStatusCode.OK)).Participants);
    }

    [Fact]
    public async Task Given_a_quiz_contest_with_a_retention_When_its_months_run_out_Then_its_participants_names_and_numbers_are_erased_with_its_entries()
    {
        var (database, node, root, contest, clock) = await QuizScenario.InOpenRoundAsync(personalDataRetentionMonths: 1);
        await using var _database = database;
        await using var _node = node;
        await QuizScenario.AnswerAsync(node, root, contest.CellA, (Ngoc, "0912345678", 0), (Tam, "0987654321", 1));
        var closes = QuizScenario.Opens.AddDays(30);
        clock.Now = closes;
        await Read<ContestTally>(await node.Http.PostAsync($"/api/contests/{contest.ContestId}/results", null), HttpStatusCode.OK);
        clock.Now = closes.AddMonths(1).AddDays(1);

        var run = await Read<List<RetentionErasure>>(await node.Http.PostAsync("/api/personal-data/retention/run", null), HttpStatusCode.OK);

        Assert.Equal((contest.ContestId, 2L), (Assert.Single(run).ContestId, run[0].DataKeys));
        using var anonymous = node.Anonymous();
        var results = await Read<RoundResultsResponse>(await anonymous.GetAsync($"{root}/rounds/1/results"), HttpStatusCode.OK);
        Assert.Equal([(1, SealedText.Erased, 1), (2, SealedText.Erased, 0)], results.Ranking.Select(r => (r.Rank, r.Name, r.Correct)));
    }
}

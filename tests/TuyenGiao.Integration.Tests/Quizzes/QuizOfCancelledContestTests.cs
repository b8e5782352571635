using System.Net;
using TuyenGiao.Api.Quizzes;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Quizzes;

/// <summary>A cancelled contest's quiz takes nothing more: no registration, no attempt started or submitted.</summary>
public class QuizOfCancelledContestTests
{
    [Fact]
    public async Task Given_a_quiz_contest_cancelled_mid_attempt_When_people_register_start_or_submit_Then_422_and_nothing_recorded()
    {
        var (database, node, root, contest, _) = await QuizScenario.InOpenRoundAsync();
        await using var _ = database;
        await using var __ = node;
        using var client = node.Anonymous();
        var person = await Read<ParticipantResponse>(await client.PostJson($"{root}/participants",
            new { name = "Nguyễn Văn An", phone = "0912345678", birthYear = 1990, committeeCode = contest.CellA, consent = true }), HttpStatusCode.OK);
        client.DefaultRequestHeaders.Add(QuizEndpoints.KeyHeader, person.ParticipantKey);
        var attempt = await Read<AttemptResponse>(await client.PostJson($"{root}/attempts", new { attemptId = "an-1", phone = "0912345678" }), HttpStatusCode.Created);
        var events = await database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s", ("s", $"quiz/{contest.ContestId}"));

        Assert.Equal(HttpStatusCode.OK, (await node.Http.PostJson($"/api/contests/{contest.ContestId}/cancellation", new { reason = "Hoãn tổ chức" })).StatusCode);

        await AssertProblem(await client.PutJson($"{root}/attempts/an-1/submission",
            new { phone = "0912345678", answers = new[] { new { question = attempt.Questions[0].Number, chosen = new[] { 0 } } }, prediction = 1L }),
            HttpStatusCode.UnprocessableEntity, "contestId");
        await AssertProblem(await client.PostJson($"{root}/attempts", new { attemptId = "an-2", phone = "0912345678" }), HttpStatusCode.UnprocessableEntity, "contestId");
        await AssertProblem(await client.PostJson($"{root}/participants",
            new { name = "Trần Thị Bình", phone = "0987654321", birthYear = 1991, committeeCode = contest.CellA, consent = true }), HttpStatusCode.UnprocessableEntity, "contestId");
        Assert.Equal(events, await database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s", ("s", $"quiz/{contest.ContestId}")));
    }
}

using System.Net;
using TuyenGiao.Access;
using TuyenGiao.Api.Quizzes;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Quizzes;

/// <summary>
/// The online quiz over HTTP on a real silo and PostgreSQL, on a node whose clock the test moves: the organiser sets it
/// up; people register and take part through the public endpoints with their key alone; the key stays sealed until the
/// round closes.
/// </summary>
public class QuizApiTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset Opens = new(2023, 6, 1, 0, 0, 0, Vietnam);
    private static readonly DateTimeOffset Closes = new(2023, 7, 1, 0, 0, 0, Vietnam);
    private static readonly DateTimeOffset Week1 = new(2023, 6, 5, 0, 0, 0, Vietnam);
    private static readonly DateTimeOffset Week1Ends = new(2023, 6, 12, 0, 0, 0, Vietnam);

    /// <summary>Question n's right option is n mod 4; its options are named so that no option's text says which is right.</summary>
    private static object Question(int n) => new
    {
        text = $"Câu {n}: Đảng bộ tỉnh Trà Vinh tổ chức Đại hội lần thứ mấy vào năm {1930 + n}?",
        options = new[] { $"Lần thứ {n}", $"Lần thứ {n + 1}", $"Lần thứ {n + 2}", $"Lần thứ {n + 3}" },
        correct = new[] { n % 4 },
    };

    private static int RightOptionOf(int number) => number % 4;

    private static async Task<string> ReadText(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        return body;
    }

    [Fact]
    public async Task Given_a_set_up_quiz_When_people_take_it_through_the_public_endpoints_Then_graded_late_answers_refused_and_the_key_sealed_until_the_close()
    {
        var clock = new FixedClock(Opens.AddDays(1));
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"quiz-{Guid.NewGuid():N}"[..16], clock);
        var contest = await ContestScenario.CreateAsync(node.Http, Opens, Closes, kind: "Quiz");
        var root = $"/api/quizzes/{contest.ContestId}";
        using var anonymous = node.Anonymous();

        // The organiser sets it up; anybody else may not.
        var rules = new
        {
            questionsPerAttempt = 5, timeLimitMinutes = 15, attemptsPerRound = 2, counting = "Best",
            rounds = new[] { new { opensAt = Week1, closesAt = Week1Ends }, new { opensAt = Week1Ends, closesAt = Week1Ends.AddDays(7) } },
            predictionQuestion = "Dự đoán có bao nhiêu người trả lời đúng tất cả các câu hỏi của tuần?",
        };
        using (var officer = node.ClientAs("officer-quiz", Role.Officer, contest.Bloc))
            await AssertProblem(await officer.PutJson($"{root}/rules", rules), HttpStatusCode.Forbidden, "role");
        await AssertProblem(await node.Http.PutJson($"{root}/rules", rules with { questionsPerAttempt = 0 }), HttpStatusCode.BadRequest, "questionsPerAttempt");
        await Read<QuizResponse>(await node.Http.PutJson($"{root}/rules", rules), HttpStatusCode.OK);
        var bank = Enumerable.Range(1, 12).Select(Question).ToArray();
        await AssertProblem(await node.Http.PutJson($"{root}/bank", new { questions = new[] { new { text = "Câu hỏi", options = new[] { "A", "B" }, correct = new[] { 0 } } } }),
            HttpStatusCode.BadRequest, "questions");
        var loaded = await ReadText(await node.Http.PutJson($"{root}/bank", new { questions = bank }), HttpStatusCode.OK);
        Assert.DoesNotContain("correct", loaded, StringComparison.OrdinalIgnoreCase);
        await AssertProblem(await node.Http.PutJson("/api/quizzes/NO-SUCH/rules", rules), HttpStatusCode.NotFound, "contestId");

        // A writing contest has no online quiz.
        var writing = await ContestScenario.CreateAsync(node.Http, Opens, Closes);
        await AssertProblem(await node.Http.PutJson($"/api/quizzes/{writing.ContestId}/rules", rules), HttpStatusCode.UnprocessableEntity, "contestId");

        var quiz = await Read<QuizResponse>(await anonymous.GetAsync(root), HttpStatusCode.OK);
        Assert.Equal((12, 5, 15, (int?)null), (quiz.BankSize, quiz.QuestionsPerAttempt, quiz.TimeLimitMinutes, quiz.OpenRound));

        // People register once, without a staff account: +84 and 0 are one person.
        var register = new { name = "Nguyễn Văn An", phone = "0912 345 678", birthYear = 1985, committeeCode = contest.CellA, consent = true };
        await AssertProblem(await anonymous.PostJson($"{root}/participants", register with { consent = false }), HttpStatusCode.BadRequest, "consent");
        await AssertProblem(await anonymous.PostJson($"{root}/participants", register with { phone = "12345" }), HttpStatusCode.BadRequest, "phone");
        var an = await Read<ParticipantResponse>(await anonymous.PostJson($"{root}/participants", register), HttpStatusCode.OK);
        Assert.Equal("+84912345678", an.Phone);
        await AssertProblem(await anonymous.PostJson($"{root}/participants", register with { phone = "+84 912 345 678", name = "Người khác" }),
            HttpStatusCode.Conflict, "phone");
        var binh = await Read<ParticipantResponse>(await anonymous.PostJson($"{root}/participants",
            new { name = "Trần Thị Bình", phone = "0987654321", birthYear = 1990, committeeCode = contest.CellB, consent = true }), HttpStatusCode.OK);
        Assert.Equal(2, (await Read<QuizResponse>(await anonymous.GetAsync(root), HttpStatusCode.OK)).Participants);

        // Before the round: nothing to start.
        using var asAn = node.Anonymous();
        asAn.DefaultRequestHeaders.Add(QuizEndpoints.KeyHeader, an.ParticipantKey);
        await AssertProblem(await asAn.PostJson($"{root}/attempts", new { attemptId = "an-1", phone = "0912345678" }), HttpStatusCode.UnprocessableEntity, "round");

        clock.Now = Week1.AddHours(20);
        // Without the key, or with another person's, nobody starts an attempt in An's name.
        await AssertProblem(await anonymous.PostJson($"{root}/attempts", new { attemptId = "an-1", phone = "0912345678" }), HttpStatusCode.Forbidden, "participantKey");
        using (var asBinhClaimingAn = node.Anonymous())
        {
            asBinhClaimingAn.DefaultRequestHeaders.Add(QuizEndpoints.KeyHeader, binh.ParticipantKey);
            await AssertProblem(await asBinhClaimingAn.PostJson($"{root}/attempts", new { attemptId = "an-1", phone = "0912345678" }), HttpStatusCode.Forbidden, "participantKey");
        }
        var startedText = await ReadText(await asAn.PostJson($"{root}/attempts", new { attemptId = "an-1", phone = "+84912345678" }), HttpStatusCode.Created);
        // Each question comes as its number, text and options: nothing that says which option is right.
        using (var started = System.Text.Json.JsonDocument.Parse(startedText))
            Assert.All(started.RootElement.GetProperty("questions").EnumerateArray(),
                q => Assert.Equal(["number", "options", "text"], q.EnumerateObject().Select(p => p.Name).Order()));
        var attempt = System.Text.Json.JsonSerializer.Deserialize<AttemptResponse>(startedText, Json)!;
        Assert.Null(attempt.Correct);
        Assert.Equal((1, 5, clock.Now.AddMinutes(15)), (attempt.Round, attempt.Questions.Count, attempt.Deadline));
        Assert.Equivalent(attempt, await Read<AttemptResponse>(await asAn.PostJson($"{root}/attempts", new { attemptId = "an-1", phone = "0912345678" }), HttpStatusCode.Created));

        // The key stays sealed while the round is open: the results say when they come.
        await AssertProblem(await anonymous.GetAsync($"{root}/rounds/1/results"), HttpStatusCode.Forbidden, "round");
        await AssertProblem(await anonymous.GetAsync($"{root}/rounds/3/results"), HttpStatusCode.NotFound, "round");

        // An answers four right and one wrong, and sees the score at once; the same submission again gets the same answer.
        var answers = attempt.Questions.Select((q, i) => new { question = q.Number, chosen = new[] { i == 0 ? (RightOptionOf(q.Number) + 1) % 4 : RightOptionOf(q.Number) } }).ToArray();
        clock.Now = clock.Now.AddMinutes(10);
        var submission = new { phone = "0912345678", answers, prediction = 0L };
        var scored = await Read<AttemptResponse>(await asAn.PutJson($"{root}/attempts/an-1/submission", submission), HttpStatusCode.OK);
        Assert.Equal(4, scored.Correct);
        Assert.Equivalent(scored, await Read<AttemptResponse>(await asAn.PutJson($"{root}/attempts/an-1/submission", submission), HttpStatusCode.OK));
        await AssertProblem(await asAn.PutJson($"{root}/attempts/an-1/submission", submission with { prediction = 3L }), HttpStatusCode.Conflict, "attemptId");

        // Bình starts, lets the time run out, and is refused after the deadline: the attempt is closed as it stood.
        using var asBinh = node.Anonymous();
        asBinh.DefaultRequestHeaders.Add(QuizEndpoints.KeyHeader, binh.ParticipantKey);
        var binhAttempt = await Read<AttemptResponse>(await asBinh.PostJson($"{root}/attempts", new { attemptId = "binh-1", phone = "0987654321" }), HttpStatusCode.Created);
        clock.Now = binhAttempt.Deadline;
        var late = binhAttempt.Questions.Select(q => new { question = q.Number, chosen = new[] { RightOptionOf(q.Number) } }).ToArray();
        await AssertProblem(await asBinh.PutJson($"{root}/attempts/binh-1/submission", new { phone = "0987654321", answers = late, prediction = 1L }),
            HttpStatusCode.UnprocessableEntity, "attemptId");

        // After the close: the ranking and the key of the questions drawn in the round, for everyone.
        clock.Now = Week1Ends;
        var results = await Read<RoundResultsResponse>(await anonymous.GetAsync($"{root}/rounds/1/results"), HttpStatusCode.OK);
        Assert.Equal(0, results.AllCorrect);
        Assert.Equal([(1, "Nguyễn Văn An", contest.CellA, 4), (2, "Trần Thị Bình", contest.CellB, 0)],
            results.Ranking.Select(r => (r.Rank, r.Name, r.CommitteeCode, r.Correct)));
        Assert.Equal(600, results.Ranking[0].TookSeconds);
        var drawn = attempt.Questions.Select(q => q.Number).Union(binhAttempt.Questions.Select(q => q.Number)).Order();
        Assert.Equal(drawn, results.Key.Select(q => q.Number));
        Assert.All(results.Key, q => Assert.Equal([RightOptionOf(q.Number)], q.Correct));
        Assert.DoesNotContain("912345678", await ReadText(await anonymous.GetAsync($"{root}/rounds/1/results"), HttpStatusCode.OK));

        // Prizes of the round from its ranking (the contest's tiers), public once published, without phones.
        Assert.False(results.Published);
        Assert.Empty(results.Prizes);
        using (var officer = node.ClientAs("officer-prizes", Role.Officer, contest.Bloc))
            await AssertProblem(await officer.PostAsync($"{root}/rounds/1/prizes/from-ranking", null), HttpStatusCode.Forbidden, "role");
        var prizes = await Read<List<RoundPrizeResponse>>(await node.Http.PostAsync($"{root}/rounds/1/prizes/from-ranking", null), HttpStatusCode.OK);
        Assert.Equal([new RoundPrizeResponse("Giải nhất", "Nguyễn Văn An", contest.CellA, "+84912345678"), new RoundPrizeResponse("Giải nhì", "Trần Thị Bình", contest.CellB, "+84987654321")],
            prizes);
        await AssertProblem(await node.Http.PostJson($"{root}/rounds/1/prizes/corrections",
            new { tier = "Giải nhất", fromPhone = "0912345678", toPhone = "0987654321", reason = "Phúc khảo" }), HttpStatusCode.UnprocessableEntity, "tier");
        Assert.Empty((await Read<QuizResponse>(await anonymous.GetAsync(root), HttpStatusCode.OK)).PublishedRounds);
        await Read<List<RoundPrizeResponse>>(await node.Http.PostAsync($"{root}/rounds/1/publication", null), HttpStatusCode.OK);
        Assert.Equal([1], (await Read<QuizResponse>(await anonymous.GetAsync(root), HttpStatusCode.OK)).PublishedRounds);
        await AssertProblem(await node.Http.PostJson($"{root}/rounds/1/prizes/corrections",
            new { tier = "Giải nhất", fromPhone = "0912345678", toPhone = "0987654321", reason = "Phúc khảo" }), HttpStatusCode.Conflict, "toPhone");
        var publishedText = await ReadText(await anonymous.GetAsync($"{root}/rounds/1/results"), HttpStatusCode.OK);
        var published = System.Text.Json.JsonSerializer.Deserialize<RoundResultsResponse>(publishedText, Json)!;
        Assert.True(published.Published);
        Assert.Equal([new PublishedPrizeResponse("Giải nhất", "Nguyễn Văn An", contest.CellA), new PublishedPrizeResponse("Giải nhì", "Trần Thị Bình", contest.CellB)],
            published.Prizes);
        Assert.DoesNotContain("+84", publishedText);

        // Participation per committee against its members, now and as of before anybody started.
        var participation = (await Read<List<TuyenGiao.Quizzes.CommitteeParticipation>>(await anonymous.GetAsync($"{root}/participation"), HttpStatusCode.OK))
            .ToDictionary(c => c.Code);
        Assert.Equal([contest.Bloc, contest.CellA, contest.CellB], participation.Keys);
        Assert.Equal((0, 2, 100, 2.0m, 5L, 4L, 80.0m), (participation[contest.Bloc].Own, participation[contest.Bloc].People, participation[contest.Bloc].Members,
            participation[contest.Bloc].Percent, participation[contest.Bloc].AnswersGiven, participation[contest.Bloc].AnswersRight, participation[contest.Bloc].CorrectPercent));
        Assert.Equal((1, 1, (decimal?)null), (participation[contest.CellB].Own, participation[contest.CellB].People, participation[contest.CellB].CorrectPercent));
        var before = await Read<List<TuyenGiao.Quizzes.CommitteeParticipation>>(
            await anonymous.GetAsync($"{root}/participation?asOf={Uri.EscapeDataString(Week1.ToString("O"))}"), HttpStatusCode.OK);
        Assert.All(before, c => Assert.Equal(0, c.People));

        // The overall ranking (round 0), over both weeks: sealed until the last week closes, then from the totals, with its own prizes.
        var overallTooSoon = await anonymous.GetAsync($"{root}/rounds/0/results");
        await AssertProblem(overallTooSoon, HttpStatusCode.Forbidden, "round");
        await AssertProblem(await node.Http.PostAsync($"{root}/rounds/0/prizes/from-ranking", null), HttpStatusCode.UnprocessableEntity, "round");
        clock.Now = Week1Ends.AddDays(7);
        var overall = await Read<RoundResultsResponse>(await anonymous.GetAsync($"{root}/rounds/0/results"), HttpStatusCode.OK);
        Assert.Equal((0, 0), (overall.Round, overall.AllCorrect));
        Assert.Equal(results.Ranking.Select(r => (r.Rank, r.Name, r.Correct)), overall.Ranking.Select(r => (r.Rank, r.Name, r.Correct)));
        var overallPrizes = await Read<List<RoundPrizeResponse>>(await node.Http.PostAsync($"{root}/rounds/0/prizes/from-ranking", null), HttpStatusCode.OK);
        Assert.Equal(["Giải nhất", "Giải nhì"], overallPrizes.Select(p => p.Tier));
        Assert.Equal(2, (await Read<List<RoundPrizeResponse>>(await node.Http.GetAsync($"{root}/rounds/1/prizes"), HttpStatusCode.OK)).Count);

        // And it was all recorded in the quiz's own stream: 1 rules, 1 bank, 2 people, 2 attempts started, 1 submitted,
        // 2 prizes of week 1, 1 publication, 2 overall prizes.
        Assert.Equal(12, await database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s", ("s", $"quiz/{contest.ContestId}")));
    }
}

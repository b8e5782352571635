using System.Net;
using TuyenGiao.Api.Quizzes;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Quizzes;

/// <summary>
/// A quiz contest of June 2023 on a node of its own whose clock stands in its first round's week: one question an
/// attempt, one attempt a round, one round (the week of 5 June), a one-question bank (the right option A). The caller
/// disposes the node and database, and may move the node's clock.
/// </summary>
internal static class QuizScenario
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    public static readonly DateTimeOffset Opens = new(2023, 6, 1, 0, 0, 0, Vietnam);
    public static readonly DateTimeOffset Week1 = new(2023, 6, 5, 0, 0, 0, Vietnam);

    public static async Task<(TestDatabase Database, TuyenGiaoNode Node, string Root, ContestScenario Contest, FixedClock Clock)> InOpenRoundAsync(
        IDictionary<string, string?>? settings = null, int? personalDataRetentionMonths = null)
    {
        var clock = new FixedClock(Opens.AddDays(1));
        var database = await TestDatabase.CreateAsync();
        var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"quiz-{Guid.NewGuid():N}"[..16], clock, settings);
        var contest = await ContestScenario.CreateAsync(node.Http, Opens, Opens.AddDays(30), kind: "Quiz", personalDataRetentionMonths: personalDataRetentionMonths);
        var root = $"/api/quizzes/{contest.ContestId}";
        await Read<QuizResponse>(await node.Http.PutJson($"{root}/rules", new
        {
            questionsPerAttempt = 1, timeLimitMinutes = 15, attemptsPerRound = 1, counting = "First",
            rounds = new[] { new { opensAt = Week1, closesAt = Week1.AddDays(7) } }, predictionQuestion = "Bao nhiêu người đúng hết?",
        }), HttpStatusCode.OK);
        await Read<QuizResponse>(await node.Http.PutJson($"{root}/bank", new { questions = new[] { new { text = "Câu 1?", options = new[] { "A", "B", "C", "D" }, correct = new[] { 0 } } } }),
            HttpStatusCode.OK);
        clock.Now = Week1.AddHours(1);
        return (database, node, root, contest, clock);
    }

    /// <summary>Each person registers for <paramref name="committee"/>, starts an attempt and answers its one question with the option given (0 is right), predicting 1.</summary>
    public static async Task AnswerAsync(TuyenGiaoNode node, string root, string committee, params (string Name, string Phone, int Chosen)[] people)
    {
        using var client = node.Anonymous();
        foreach (var (name, phone, chosen) in people)
        {
            var person = await Read<ParticipantResponse>(await client.PostJson($"{root}/participants",
                new { name, phone, birthYear = 1990, committeeCode = committee, consent = true }), HttpStatusCode.OK);
            client.DefaultRequestHeaders.Remove(QuizEndpoints.KeyHeader);
            client.DefaultRequestHeaders.Add(QuizEndpoints.KeyHeader, person.ParticipantKey);
            var attempt = await Read<AttemptResponse>(await client.PostJson($"{root}/attempts", new { attemptId = $"a-{phone}", phone }), HttpStatusCode.Created);
            await Read<AttemptResponse>(await client.PutJson($"{root}/attempts/a-{phone}/submission",
                new { phone, answers = new[] { new { question = attempt.Questions[0].Number, chosen = new[] { chosen } } }, prediction = 1L }), HttpStatusCode.OK);
        }
    }
}

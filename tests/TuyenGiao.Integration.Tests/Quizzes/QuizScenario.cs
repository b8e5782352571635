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
        IDictionary<string, string?>? settings = null)
    {
        var clock = new FixedClock(Opens.AddDays(1));
        var database = await TestDatabase.CreateAsync();
        var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"quiz-{Guid.NewGuid():N}"[..16], clock, settings);
        var contest = await ContestScenario.CreateAsync(node.Http, Opens, Opens.AddDays(30), kind: "Quiz");
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
}

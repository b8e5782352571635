using System.Net;
using System.Text.Json;
using TuyenGiao.Api.Quizzes;
using TuyenGiao.Quizzes;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Quizzes;

/// <summary>A national quiz is millions of events: its state is snapshotted periodically and activation starts from the snapshot.</summary>
public class QuizSnapshotTests
{
    [Fact]
    public async Task Given_a_quiz_past_its_snapshot_interval_When_reactivated_Then_it_starts_from_the_snapshot_with_the_same_participation_and_attempt_limits()
    {
        var (database, node, root, contest, _) = await QuizScenario.InOpenRoundAsync(new Dictionary<string, string?> { ["EventStore:SnapshotEvery"] = "50" });
        await using var _database = database;
        await using var _node = node;
        // 20 people: 60 events (registration, attempt, submission each) after the quiz's setup.
        var people = Enumerable.Range(1, 20).Select(i => ($"Người dự thi {i}", $"09120000{i:D2}", i % 4)).ToArray();
        await QuizScenario.AnswerAsync(node, root, contest.CellA, people);
        var before = await node.Http.GetStringAsync($"{root}/participation");
        var streamId = Quiz.StreamIdFor(contest.ContestId);
        Assert.True(await database.SnapshotVersionAsync(streamId) >= 50, "no periodic snapshot was taken");

        await node.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var version = await database.ScalarAsync("SELECT version FROM tuyengiao.mt_streams WHERE id = @s", ("s", streamId));
        Assert.Equal(version, await database.SnapshotVersionAsync(streamId)); // taken again at deactivation
        using var replayed = new ReplayedEvents("quiz");
        var after = await node.Http.GetStringAsync($"{root}/participation");

        Assert.Equal(before, after);
        Assert.Equal(0, replayed.Total);
        var bloc = JsonSerializer.Deserialize<List<CommitteeParticipation>>(after, Json)!.Single(c => c.Code == contest.Bloc);
        Assert.Equal((20, 20L, 5L), (bloc.People, bloc.AnswersGiven, bloc.AnswersRight));
        // Each person's attempts came back with the snapshot: the one attempt of the round is spent.
        using var first = node.Anonymous();
        var again = await Read<ParticipantResponse>(await first.PostJson($"{root}/participants",
            new { name = "Người dự thi 1", phone = "0912000001", birthYear = 1990, committeeCode = contest.CellA, consent = true }), HttpStatusCode.OK);
        first.DefaultRequestHeaders.Add(QuizEndpoints.KeyHeader, again.ParticipantKey);
        await AssertProblem(await first.PostJson($"{root}/attempts", new { attemptId = "a-second", phone = "0912000001" }), HttpStatusCode.UnprocessableEntity, "attemptId");
    }
}

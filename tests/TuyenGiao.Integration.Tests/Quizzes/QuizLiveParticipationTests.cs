using System.Net;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using TuyenGiao.Quizzes;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Quizzes;

/// <summary>A quiz's participation followed live over server-sent events, as the entry tally is.</summary>
[Collection(NodeCollection.Name)]
public class QuizLiveParticipationTests(NodeFixture fixture)
{
    [Fact]
    public async Task Given_a_follower_of_a_quizs_participation_When_people_take_part_Then_it_gets_the_figures_now_and_then_each_change_with_a_newer_version()
    {
        var (database, node, root, contest, _) = await QuizScenario.InOpenRoundAsync();
        await using var _ = database;
        await using var __ = node;
        using var anonymous = node.Anonymous();
        using var live = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{root}/participation/live"), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("text/event-stream", live.Content.Headers.ContentType?.MediaType);
        var follower = new SseReader(await live.Content.ReadAsStreamAsync());

        var now = await follower.Next<QuizParticipationView>(TimeSpan.FromSeconds(10));
        Assert.Equal(0, now.Committees.Single(c => c.Code == contest.Bloc).People);
        Assert.Equal(now.Version.ToString(), follower.LastEventId);

        await QuizScenario.AnswerAsync(node, root, contest.CellA, ("Nguyễn Văn An", "0912345678", 0), ("Trần Thị Bình", "0987654321", 1));
        var later = now;
        while (later.Committees.Single(c => c.Code == contest.Bloc).People < 2 || later.Committees.Single(c => c.Code == contest.Bloc).AnswersGiven < 2)
            later = await follower.Next<QuizParticipationView>(TimeSpan.FromSeconds(10));

        Assert.True(later.Version > now.Version);
        var cell = later.Committees.Single(c => c.Code == contest.CellA);
        Assert.Equal((2, 2, 2L, 1L), (cell.Own, cell.People, cell.AnswersGiven, cell.AnswersRight));
        // The same figures as the endpoint answers.
        var answered = await Read<List<CommitteeParticipation>>(await anonymous.GetAsync($"{root}/participation"), HttpStatusCode.OK);
        Assert.Equal(answered, later.Committees);
    }

    [Fact]
    public async Task Given_a_contest_that_is_not_a_quiz_When_its_participation_is_followed_Then_422_and_no_stream()
    {
        var writing = await ContestScenario.OpenNowAsync(fixture.Node.Http);
        using var anonymous = fixture.Node.Anonymous();

        await AssertProblem(await anonymous.GetAsync($"/api/quizzes/{writing.ContestId}/participation/live"), HttpStatusCode.UnprocessableEntity, "contestId");
    }
}

using System.Net;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Security;

/// <summary>A permission check whose lookup finds nothing refuses: it never passes the command on unchecked.</summary>
[Collection(NodeCollection.Name)]
public class FailClosedTests(NodeFixture fixture)
{
    [Fact]
    public async Task Given_a_contest_that_does_not_exist_When_an_organiser_or_officer_acts_on_it_Then_the_check_answers_404_and_nothing_is_stored()
    {
        var scenario = await ContestScenario.OpenNowAsync(fixture.Node.Http);
        using var organiser = fixture.Node.ClientAs("organiser-fc", Role.Organiser, scenario.Bloc);
        using var officer = fixture.Node.ClientAs("officer-fc", Role.Officer, scenario.CellA);
        var missing = $"NONE-{scenario.ContestId}";
        var before = await fixture.Database.EventCountAsync();

        await AssertProblem(await organiser.PostJson($"/api/contests/{missing}/judges", new { judgeId = "j1", name = "Giám khảo", committeeCode = scenario.Province }),
            HttpStatusCode.NotFound, "contestId");
        await AssertProblem(await organiser.PostJson($"/api/contests/{missing}/entries/1/disqualification", new { reason = "Đạo văn" }),
            HttpStatusCode.NotFound, "contestId");
        await AssertProblem(await officer.PostJson($"/api/contests/{missing}/entries", scenario.Entry("fc-1")), HttpStatusCode.NotFound, "contestId");

        Assert.Equal(before, await fixture.Database.EventCountAsync());
    }

    [Fact]
    public async Task Given_a_submission_id_nobody_submitted_When_an_officer_withdraws_it_Then_the_check_answers_404_naming_it()
    {
        var scenario = await ContestScenario.OpenNowAsync(fixture.Node.Http);
        using var officer = fixture.Node.ClientAs("officer-fc2", Role.Officer, scenario.CellA);
        var before = await fixture.Database.EventCountAsync();

        await AssertProblem(await officer.PostAsync($"/api/contests/{scenario.ContestId}/entries/never-sent/withdrawal", null), HttpStatusCode.NotFound, "submissionId");

        Assert.Equal(before, await fixture.Database.EventCountAsync());
    }
}

using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using TuyenGiao.Api.Security;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Security;

/// <summary>
/// A permission check whose lookup finds nothing refuses: it never passes the command on unchecked (which a contest
/// announced a moment later would then run without any check). Over HTTP the answer is the same 404 the grain would give,
/// so the check itself is also asked directly, with a signed-in caller's claims and the node's own lookups.
/// </summary>
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

    [Fact]
    public async Task Given_no_contest_or_entry_behind_an_id_When_the_permission_checks_look_it_up_Then_they_refuse_instead_of_passing_the_command_on()
    {
        var scenario = await ContestScenario.OpenNowAsync(fixture.Node.Http);
        var http = new DefaultHttpContext
        {
            RequestServices = fixture.Node.Services,
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(TokenClaims.Subject, "organiser-fc"), new Claim(TokenClaims.Role, "organiser"), new Claim(TokenClaims.Committee, scenario.Bloc)],
                authenticationType: "Bearer")),
        };

        Assert.NotNull(await http.OrganiseContest($"NONE-{scenario.ContestId}"));
        Assert.NotNull(await http.SubmitEntryFor($"NONE-{scenario.ContestId}", scenario.CellA));
        // The same caller on the contest that exists passes both checks.
        Assert.Null(await http.OrganiseContest(scenario.ContestId));
        Assert.Null(await http.SubmitEntryFor(scenario.ContestId, scenario.CellA));
    }
}

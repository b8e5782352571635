using System.Net;
using TuyenGiao.Access;
using TuyenGiao.Api.Contests;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Contests;

/// <summary>
/// A judge's panels come from the panel seats read model, so a judge whose grant names no contest finds the contests
/// they were put on without being told their ids.
/// </summary>
[Collection(NodeCollection.Name)]
public class JudgePanelsApiTests(NodeFixture fixture)
{
    private TuyenGiaoNode Node => fixture.Node;

    private async Task Assign(ContestScenario contest, string judgeId, string name) =>
        await Read<ContestTally>(await Node.Http.PostJson($"/api/contests/{contest.ContestId}/judges",
            new { judgeId, name, committeeCode = contest.Province }), HttpStatusCode.OK);

    [Fact]
    public async Task Given_a_judge_on_two_panels_When_they_ask_for_their_panels_Then_both_contests_come_once_and_no_other()
    {
        var judge = $"gk-{Guid.NewGuid():N}"[..16];
        var first = await ContestScenario.OpenNowAsync(Node.Http);
        var second = await ContestScenario.OpenNowAsync(Node.Http);
        var someoneElses = await ContestScenario.OpenNowAsync(Node.Http);
        await Assign(first, judge, "Giám khảo Lâm");
        await Assign(second, judge, "Giám khảo Lâm");
        // Assigned again with the name corrected: still one seat.
        await Assign(first, judge, "Giám khảo Lâm Văn");
        await Assign(someoneElses, $"gk-{Guid.NewGuid():N}"[..16], "Giám khảo khác");
        using var asJudge = Node.ClientAs(judge, Role.Judge);

        var panels = await Read<List<JudgePanelResponse>>(await asJudge.GetAsync($"/api/judges/{judge}/panels"), HttpStatusCode.OK);

        Assert.Equal(new[] { first.ContestId, second.ContestId }.Order(), panels.Select(p => p.ContestId).Order());
        foreach (var contest in new[] { first, second })
            Assert.Equal((contest.Title, ContestPhase.Open, contest.Bloc),
                panels.Where(p => p.ContestId == contest.ContestId).Select(p => (p.Title, p.Status, p.OrganiserCode)).Single());
        // Newest announcement first, as the list of contests orders them.
        Assert.Equal(second.ContestId, panels[0].ContestId);
        // The judge may open each one they were given.
        foreach (var panel in panels)
            Assert.Equal(HttpStatusCode.OK, (await asJudge.GetAsync($"/api/contests/{panel.ContestId}/judges/{judge}/progress")).StatusCode);
    }

    [Fact]
    public async Task Given_a_judge_on_no_panel_When_they_ask_Then_the_list_is_empty()
    {
        var judge = $"gk-{Guid.NewGuid():N}"[..16];
        using var asJudge = Node.ClientAs(judge, Role.Judge);

        Assert.Empty(await Read<List<JudgePanelResponse>>(await asJudge.GetAsync($"/api/judges/{judge}/panels"), HttpStatusCode.OK));
    }

    [Fact]
    public async Task Given_a_judges_panels_When_someone_else_asks_Then_only_admins_and_auditors_are_answered()
    {
        var judge = $"gk-{Guid.NewGuid():N}"[..16];
        var contest = await ContestScenario.OpenNowAsync(Node.Http);
        await Assign(contest, judge, "Giám khảo Lâm");
        var address = $"/api/judges/{judge}/panels";
        using var anotherJudge = Node.ClientAs($"gk-{Guid.NewGuid():N}"[..16], Role.Judge);
        using var organiser = Node.ClientAs(judge, Role.Organiser, contest.Bloc);
        using var auditor = Node.ClientAs("auditor-panels", Role.Auditor);
        using var anonymous = Node.Anonymous();

        await AssertProblem(await anotherJudge.GetAsync(address), HttpStatusCode.Forbidden, "judgeId");
        // The same username with another role is not the judge.
        await AssertProblem(await organiser.GetAsync(address), HttpStatusCode.Forbidden, "role");
        await AssertProblem(await anonymous.GetAsync(address), HttpStatusCode.Unauthorized, "Authorization");
        Assert.Equal([contest.ContestId], (await Read<List<JudgePanelResponse>>(await auditor.GetAsync(address), HttpStatusCode.OK)).Select(p => p.ContestId));
        Assert.Equal([contest.ContestId], (await Read<List<JudgePanelResponse>>(await Node.Http.GetAsync(address), HttpStatusCode.OK)).Select(p => p.ContestId));
        await AssertProblem(await Node.Http.GetAsync("/api/judges/not%20an%20id/panels"), HttpStatusCode.BadRequest, "judgeId");
    }
}

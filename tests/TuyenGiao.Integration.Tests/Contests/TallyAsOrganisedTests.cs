using System.Net;
using System.Text.Json;
using TuyenGiao.Api.Committees;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Contests;

/// <summary>A contest's tally by committee as recorded, and as organised on a day after a committee moved.</summary>
[Collection(NodeCollection.Name)]
public class TallyAsOrganisedTests(NodeFixture fixture)
{
    [Fact]
    public async Task Given_a_cell_moved_out_of_the_bloc_after_its_entries_When_tallied_as_organised_today_Then_they_count_under_its_new_parent_and_the_total_stays()
    {
        var http = fixture.Node.Http;
        var contest = await ContestScenario.OpenNowAsync(http);
        foreach (var (id, cell) in new[] { ("o-1", contest.CellA), ("o-2", contest.CellA), ("o-3", contest.CellB) })
            await Read<JsonElement>(await contest.Submit(contest.Entry(id, committee: cell)), HttpStatusCode.Created);
        await Read<CommitteeResponse>(await http.PutJson($"/api/committees/{contest.CellA}/parent", new { parentCode = contest.Province }), HttpStatusCode.OK);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

        var recorded = await Tally(contest, "");
        var yesterday = await Tally(contest, $"?organisedAsOf={today.AddDays(-1):yyyy-MM-dd}");
        var now = await Tally(contest, $"?organisedAsOf={today:yyyy-MM-dd}");

        Assert.Null(recorded.OrganisedAsOf);
        Assert.Equal(3, recorded.ByCommittee.Single(c => c.Code == contest.Bloc).Accepted);
        Assert.Equal(3, yesterday.ByCommittee.Single(c => c.Code == contest.Bloc).Accepted);
        Assert.Equal(today, now.OrganisedAsOf);
        Assert.Equal(1, now.ByCommittee.Single(c => c.Code == contest.Bloc).Accepted);
        Assert.Equal((2, contest.Province), (now.ByCommittee.Single(c => c.Code == contest.CellA).Accepted, now.ByCommittee.Single(c => c.Code == contest.CellA).ParentCode));
        // Both views hold every entry once at the top.
        Assert.All(new[] { recorded, yesterday, now }, t => Assert.Equal(3, t.ByCommittee.Single(c => c.Code == contest.Province).Accepted));
    }

    [Fact]
    public async Task Given_a_day_that_is_no_date_When_tallied_as_organised_Then_400_naming_organisedAsOf()
    {
        var contest = await ContestScenario.OpenNowAsync(fixture.Node.Http);
        using var anonymous = fixture.Node.Anonymous();

        await AssertProblem(await anonymous.GetAsync($"/api/contests/{contest.ContestId}/tally?organisedAsOf=2026-02-30"),
            HttpStatusCode.BadRequest, "organisedAsOf");
    }

    private async Task<ContestTally> Tally(ContestScenario contest, string query) =>
        await Read<ContestTally>(await fixture.Node.Http.GetAsync($"/api/contests/{contest.ContestId}/tally{query}"), HttpStatusCode.OK);
}

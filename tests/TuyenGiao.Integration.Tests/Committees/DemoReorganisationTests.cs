using System.Net;
using TuyenGiao.Api.Committees;
using TuyenGiao.Campaigns;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using TuyenGiao.Reporting;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Committees;

/// <summary>
/// The Trà Vinh demo reorganised as in 2025: its middle tier (the bloc of agencies and enterprises) dissolved, its
/// member organisations moved under the province. The 2023 figures must read as they did in 2023 when asked as
/// organised then, and add up under the successors when asked as organised today.
/// </summary>
public class DemoReorganisationTests
{
    private const string Writing = "KHAT-VONG-TRA-VINH-2023";
    private const string Quiz = "TRAC-NGHIEM-NQ-XI-2023";
    private static readonly DateOnly Reform = new(2025, 7, 1);
    private static readonly DateOnly EndOf2023 = new(2023, 12, 31);

    [Fact]
    public async Task Given_the_demo_with_its_bloc_dissolved_in_2025_When_the_2023_figures_are_read_as_of_2023_and_as_of_today_Then_2023_is_unchanged_and_today_sums_under_the_province()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"reorg-{Guid.NewGuid():N}"[..16]);
        await DemoLoader.RunAsync(node.BaseAddress);
        var http = node.Http;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var before = await Tallies(http, "");
        var participationBefore = await Participation(http);

        var history = await Read<CommitteeHistoryResponse>(await http.PostJson("/api/committees/TV-KHOI/reorganisations/dissolution",
            new { successorCode = "TV", effectiveOn = Reform, legalReference = "Nghị quyết số 60-NQ/TW ngày 12/4/2025" }), HttpStatusCode.OK);
        Assert.Equal(new CeasedResponse(Reform, "TV", "dissolved"), history.Ceased);

        var recorded = await Tallies(http, "");
        var asOf2023 = await Tallies(http, $"?organisedAsOf={EndOf2023:yyyy-MM-dd}");
        var asOfToday = await Tallies(http, $"?organisedAsOf={today:yyyy-MM-dd}");
        foreach (var contest in new[] { Writing })
        {
            // As organised in 2023: line for line what the tally said before the reorganisation was recorded.
            Assert.Equal(Lines(before[contest]), Lines(recorded[contest]));
            Assert.Equal(Lines(before[contest]), Lines(asOf2023[contest]));

            // As organised today: no bloc; its member organisations under the province with the same figures; the bloc's
            // own entries now the province's own; every entry counted once at the top.
            var then = before[contest].ByCommittee.ToDictionary(c => c.Code);
            var now = asOfToday[contest].ByCommittee.ToDictionary(c => c.Code);
            Assert.DoesNotContain("TV-KHOI", now.Keys);
            var cells = then.Values.Where(c => c.ParentCode == "TV-KHOI").ToList();
            Assert.NotEmpty(cells);
            Assert.All(cells, c => Assert.Equal((c.Accepted, "TV"), (now[c.Code].Accepted, now[c.Code].ParentCode)));
            Assert.Equal(then["TV"].OwnAccepted + then["TV-KHOI"].OwnAccepted, now["TV"].OwnAccepted);
            Assert.Equal(then["TV"].Accepted, now["TV"].Accepted);
            Assert.Equal(now["TV"].Accepted, now["TV"].OwnAccepted + now.Values.Where(c => c.ParentCode == "TV").Sum(c => c.Accepted));
            Assert.Equal(before[contest].Accepted, asOfToday[contest].Accepted);
        }
        Assert.Equal(1_650, asOfToday[Writing].ByCommittee.Single(c => c.Code == "TV").Accepted);

        // The quiz's participation is the people's own record of 2023, as they registered: the reorganisation changes none of it.
        Assert.Equal(participationBefore, await Participation(http));
        Assert.Contains("\"code\":\"TV-KHOI\"", participationBefore);

        // The bloc's 2023 campaign and period report: the same totals in both views, the view named.
        var campaign = await Read<CampaignFigures>(await http.GetAsync("/api/campaigns/TV-KHOI-CD-2023"), HttpStatusCode.OK);
        var campaignToday = await Read<CampaignFigures>(await http.GetAsync($"/api/campaigns/TV-KHOI-CD-2023?organisedAsOf={today:yyyy-MM-dd}"), HttpStatusCode.OK);
        Assert.Equal(campaign.Total.Subtree, campaignToday.Total.Subtree);
        Assert.Equal(today, campaignToday.OrganisedAsOf);
        var report2023 = await Period(http, "TV-KHOI", $"&organisedAsOf={EndOf2023:yyyy-MM-dd}");
        var reportRecorded = await Period(http, "TV-KHOI", "");
        Assert.Equal(reportRecorded.Activities.Total, report2023.Activities.Total);
        Assert.Equal(EndOf2023, report2023.OrganisedAsOf);
        await AssertProblem(await http.GetAsync($"/api/committees/TV-KHOI/reports/period?from=2023-01-01&to=2023-12-31&organisedAsOf={today:yyyy-MM-dd}"),
            HttpStatusCode.NotFound, "code");
        var provinceToday = await Period(http, "TV", $"&organisedAsOf={today:yyyy-MM-dd}");
        Assert.Equal((await Period(http, "TV", "")).Activities.Total.Subtree, provinceToday.Activities.Total.Subtree);
        Assert.Contains(provinceToday.Subtree, c => c.Code == "TV-KHOI-SGD" && c.ParentCode == "TV" && c.Depth == 1);
    }

    private static async Task<Dictionary<string, ContestTally>> Tallies(HttpClient http, string query) => new()
    {
        [Writing] = await Read<ContestTally>(await http.GetAsync($"/api/contests/{Writing}/tally{query}"), HttpStatusCode.OK),
    };

    /// <summary>The quiz's participation, by the committees its people registered for (in 2023, the bloc's tree).</summary>
    private static async Task<string> Participation(HttpClient http) =>
        await (await http.GetAsync($"/api/quizzes/{Quiz}/participation")).Content.ReadAsStringAsync();

    private static List<(string, int, int, string?)> Lines(ContestTally tally) =>
        tally.ByCommittee.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => (c.Code, c.OwnAccepted, c.Accepted, c.ParentCode)).ToList();

    private static async Task<PeriodReport> Period(HttpClient http, string code, string query) =>
        await Read<PeriodReport>(await http.GetAsync($"/api/committees/{code}/reports/period?from=2023-01-01&to=2023-12-31{query}"), HttpStatusCode.OK);
}

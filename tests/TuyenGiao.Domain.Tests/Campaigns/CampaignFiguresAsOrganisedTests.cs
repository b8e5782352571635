using TuyenGiao.Campaigns;
using TuyenGiao.Committees;
using TuyenGiao.Committees.Organisation;
using static TuyenGiao.Domain.Tests.Campaigns.CampaignSpec;

namespace TuyenGiao.Domain.Tests.Campaigns;

/// <summary>Campaign figures of 2020 as organised then, and after Thốt Nốt's district was dissolved into the city.</summary>
public class CampaignFiguresAsOrganisedTests
{
    private static readonly DateOnly Recorded = new(2026, 1, 5);

    private static readonly CommitteeTimeline[] Timelines =
    [
        Timeline(new CommitteeRegistered("CT", "Thành ủy Cần Thơ", CommitteeLevel.Province, null, 1)),
        Timeline(new CommitteeRegistered("CT-TN", "Quận ủy Thốt Nốt", CommitteeLevel.District, "CT", 1),
            new CommitteeDissolved("CT-TN", "CT", new DateOnly(2025, 7, 1), "Nghị quyết 1/NQ-TU")),
        Timeline(new CommitteeRegistered("CT-TN-01", "Đảng bộ phường Thốt Nốt", CommitteeLevel.Grassroots, "CT-TN", 1)),
        Timeline(new CommitteeRegistered("CT-CD", "Huyện ủy Cờ Đỏ", CommitteeLevel.District, "CT", 1)),
    ];

    private static CommitteeTimeline Timeline(params object[] events) =>
        events.Aggregate((CommitteeTimeline?)null, (t, e) => CommitteeTimeline.Evolve(t, e, Recorded))!;

    private static readonly Campaign State = Given(Launched(),
        Reported("cell", ThotNotCell, Figures(members: 10, studied: 10)),
        Reported("tn", ThotNot, Figures(members: 290, studied: 260)),
        Reported("cd", CoDo, Figures(members: 400, studied: 396)));

    [Fact]
    public void Given_reports_of_2020_When_built_as_organised_in_2020_Then_the_same_as_recorded_and_the_view_is_named()
    {
        var recorded = CampaignFigureBuilder.Build(State, 4);
        var then = CampaignFigureBuilder.Build(State, 4, new OrganisationChart(Timelines, new DateOnly(2020, 12, 31)));

        Assert.Equal(recorded.ByCommittee.Select(c => (c.Code, c.Reports, c.Subtree.MembersStudied)), then.ByCommittee.Select(c => (c.Code, c.Reports, c.Subtree.MembersStudied)));
        Assert.Null(recorded.OrganisedAsOf);
        Assert.Equal(new DateOnly(2020, 12, 31), then.OrganisedAsOf);
    }

    [Fact]
    public void Given_the_district_dissolved_When_built_as_organised_today_Then_its_report_and_its_cell_count_under_the_city_with_the_same_total()
    {
        var today = CampaignFigureBuilder.Build(State, 4, new OrganisationChart(Timelines, new DateOnly(2026, 11, 23)));
        var byCode = today.ByCommittee.ToDictionary(c => c.Code);

        Assert.False(byCode.ContainsKey("CT-TN"));
        Assert.Equal((1, 3, 666), (byCode["CT"].OwnReports, byCode["CT"].Reports, byCode["CT"].Subtree.MembersStudied));
        Assert.Equal(666, today.Total.Subtree.MembersStudied);
        Assert.Equal(CampaignFigureBuilder.Build(State, 4).Total.ParticipationPercent, today.Total.ParticipationPercent);
    }
}

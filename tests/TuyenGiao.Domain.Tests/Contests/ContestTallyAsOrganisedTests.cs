using TuyenGiao.Committees;
using TuyenGiao.Committees.Organisation;
using TuyenGiao.Contests;
using static TuyenGiao.Domain.Tests.Contests.ContestSpec;

namespace TuyenGiao.Domain.Tests.Contests;

/// <summary>A contest's committees rolled up as organised then and as organised after its bloc was dissolved.</summary>
public class ContestTallyAsOrganisedTests
{
    private static readonly DateOnly Recorded = new(2026, 1, 5);
    private static readonly DateOnly Dissolution = new(2025, 7, 1);

    private static readonly CommitteeTimeline[] Timelines =
    [
        Timeline(new CommitteeRegistered("TV", "Ban Tuyên giáo Tỉnh ủy Trà Vinh", CommitteeLevel.Province, null, 1)),
        Timeline(new CommitteeRegistered("TV-KHOI", "Đảng ủy Khối", CommitteeLevel.Bloc, "TV", 1), new CommitteeDissolved("TV-KHOI", "TV", Dissolution, "Nghị quyết 1/NQ-TU")),
        Timeline(new CommitteeRegistered("TV-KHOI-SGD", "Đảng bộ Sở Giáo dục", CommitteeLevel.Grassroots, "TV-KHOI", 1)),
    ];

    private static CommitteeTimeline Timeline(params object[] events) =>
        events.Aggregate((CommitteeTimeline?)null, (t, e) => CommitteeTimeline.Evolve(t, e, Recorded))!;

    private static Contest TwoEntries()
    {
        var state = Given(Announced());
        state = Submitted(state, Entry("a", author: "A"));
        return Submitted(state, Entry("b", author: "B", committee: "TV-KHOI"), BlocPath);
    }

    [Fact]
    public void Given_entries_of_2023_When_tallied_as_organised_in_2023_Then_the_bloc_sums_its_organisation_as_recorded()
    {
        var contest = TwoEntries();
        var recorded = ContestTallies.Build(contest, 3, During);

        var then = ContestTallies.AsOrganised(recorded, contest, new OrganisationChart(Timelines, new DateOnly(2023, 12, 31)));

        Assert.Equal(recorded.ByCommittee, then.ByCommittee);
        Assert.Null(recorded.OrganisedAsOf);
        Assert.Equal(new DateOnly(2023, 12, 31), then.OrganisedAsOf);
    }

    [Fact]
    public void Given_the_bloc_dissolved_into_the_province_When_tallied_as_organised_today_Then_its_entries_count_under_the_province_and_the_total_stays()
    {
        var contest = TwoEntries();

        var today = ContestTallies.AsOrganised(ContestTallies.Build(contest, 3, During), contest, new OrganisationChart(Timelines, new DateOnly(2026, 11, 23)));
        var byCode = today.ByCommittee.ToDictionary(c => c.Code);

        Assert.False(byCode.ContainsKey("TV-KHOI"));
        Assert.Equal(new CommitteeTally("TV", 1, 2, 0, 0, null), byCode["TV"]);
        Assert.Equal(new CommitteeTally("TV-KHOI-SGD", 1, 1, 0, 0, "TV"), byCode["TV-KHOI-SGD"]);
        Assert.Equal(2, today.Accepted);
    }
}

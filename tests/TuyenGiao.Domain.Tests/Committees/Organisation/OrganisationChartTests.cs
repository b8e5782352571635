using TuyenGiao.Committees;
using TuyenGiao.Committees.Organisation;
using static TuyenGiao.Domain.Tests.Committees.Organisation.Reorganised;

namespace TuyenGiao.Domain.Tests.Committees.Organisation;

/// <summary>The hierarchy as of a day, from the committees' timelines, without I/O.</summary>
public class OrganisationChartTests
{
    [Fact]
    public void Given_the_districts_dissolved_in_2025_When_asked_for_2023_Then_the_old_tree_and_for_today_the_cells_under_the_province()
    {
        var timelines = WithoutDistricts();

        var then = timelines.On(In2023);
        var now = timelines.On(Today);

        Assert.Equal(["D1", "D2"], then.ChildrenOf("P"));
        Assert.Equal(["C11", "D1", "P"], then.PathToRoot("C11"));
        Assert.Equal(["C11", "C12", "C21"], now.ChildrenOf("P"));
        Assert.Equal(["C11", "P"], now.PathToRoot("C11"));
        Assert.False(now.Stands("D1"));
        Assert.Equal("P", now.Successor("D1"));
        Assert.Equal([("P", 0), ("C11", 1), ("C12", 1), ("C21", 1)], now.Subtree("P"));
        Assert.Equal(6, then.Subtree("P").Count);
    }

    [Fact]
    public void Given_a_change_scheduled_ahead_When_asked_before_and_on_its_day_Then_it_applies_from_that_day_only()
    {
        var timelines = After(ThreeLevels(), new CommitteeReparented("C21", "D2", "D1", new DateOnly(2027, 1, 1), "Quyết định 9-QĐ/TU"));

        Assert.Equal("D2", timelines.On(Today).ParentOf("C21"));
        Assert.Equal("D2", timelines.On(new DateOnly(2026, 12, 31)).ParentOf("C21"));
        Assert.Equal("D1", timelines.On(new DateOnly(2027, 1, 1)).ParentOf("C21"));
    }

    [Fact]
    public void Given_a_merge_into_a_committee_later_dissolved_When_the_successor_is_asked_Then_the_chain_is_followed_to_the_one_that_stands()
    {
        var timelines = After(ThreeLevels(),
            new CommitteeMerged("C12", "C11", new DateOnly(2024, 1, 1), "Quyết định 3-QĐ/HU"),
            new CommitteeDissolved("C11", "D1", new DateOnly(2025, 1, 1), "Quyết định 4-QĐ/HU"));

        Assert.Equal("C12", timelines.On(In2023).Successor("C12"));
        Assert.Equal("C11", timelines.On(new DateOnly(2024, 6, 1)).Successor("C12"));
        Assert.Equal("D1", timelines.On(Today).Successor("C12"));
        Assert.Equal(["D1", "P"], timelines.On(Today).PathToRoot("C12"));
    }

    [Fact]
    public void Given_two_districts_merged_into_a_new_one_When_charts_before_and_after_are_asked_Then_it_stands_from_its_day_and_stands_for_both()
    {
        var timelines = After(ThreeLevels(),
            new CommitteeRegistered("D3", "Ban D3", CommitteeLevel.District, "P", 0, Reform),
            new CommitteeMerged("D1", "D3", Reform, "Nghị quyết 2/NQ-TU"),
            new CommitteeMerged("D2", "D3", Reform, "Nghị quyết 2/NQ-TU"));

        Assert.Equal(["D1", "D2"], timelines.On(In2023).ChildrenOf("P"));
        Assert.Empty(timelines.On(In2023).Subtree("D3"));
        Assert.Equal(["D3"], timelines.On(Today).ChildrenOf("P"));
        Assert.Equal(["C11", "C12", "C21"], timelines.On(Today).ChildrenOf("D3"));
        Assert.Equal(new Dictionary<string, string> { ["D1"] = "D3", ["D2"] = "D3" }, Successors.Of(["D1", "D2", "P"], timelines.On(Today)));
        Assert.Empty(Successors.Of(["D1", "D2"], timelines.On(In2023)));
    }

    [Fact]
    public void Given_a_cell_registered_under_a_committee_established_later_When_an_earlier_day_is_asked_Then_the_committee_does_not_stand_and_nothing_fails()
    {
        var timelines = After(ThreeLevels(),
            new CommitteeRegistered("D3", "Ban D3", CommitteeLevel.District, "P", 0, Reform),
            new CommitteeRegistered("C31", "Ban C31", CommitteeLevel.Grassroots, "D3", 10));

        var before = timelines.On(In2023);
        Assert.False(before.Stands("D3"));
        Assert.Null(before.Successor("D3"));
        Assert.Null(before.ParentOf("C31"));
        Assert.Equal(["D1", "D2"], before.ChildrenOf("P"));
        Assert.Equal(["C31", "D3", "P"], timelines.On(Today).PathToRoot("C31"));
    }

    [Fact]
    public void Given_a_rename_from_a_day_When_the_name_is_asked_Then_each_day_has_the_name_in_force()
    {
        var timelines = After(ThreeLevels(), new CommitteeRenamedOn("D1", "Ban Tuyên giáo Thị ủy", Reform, "Nghị quyết 2/NQ-TU"));

        Assert.Equal("Ban D1", timelines.On(In2023).NameOf("D1"));
        Assert.Equal("Ban Tuyên giáo Thị ủy", timelines.On(Reform).NameOf("D1"));
    }

    [Fact]
    public void Given_a_plain_move_recorded_before_dates_were_kept_When_folded_Then_it_applies_from_the_day_it_was_recorded()
    {
        var moved = CommitteeTimeline.Evolve(ThreeLevels()["C21"], new CommitteeMoved("C21", "D2", "D1"), new DateOnly(2026, 3, 1))!;

        Assert.Equal("D2", moved.ParentOn(new DateOnly(2026, 2, 28)));
        Assert.Equal("D1", moved.ParentOn(new DateOnly(2026, 3, 1)));
    }
}

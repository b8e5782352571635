using TuyenGiao.Committees;
using TuyenGiao.Committees.Organisation;
using TuyenGiao.Common;
using static TuyenGiao.Domain.Tests.Committees.Organisation.Reorganised;
using static TuyenGiao.Domain.Tests.Common.DecisionAssertions;

namespace TuyenGiao.Domain.Tests.Committees.Organisation;

/// <summary>Given the timelines, when a reorganisation is decided, then its event or a typed refusal.</summary>
public class ReorganisationDecisionsTests
{
    private const string Decree = "Nghị quyết 1/NQ-TU";
    private static readonly Dictionary<string, CommitteeTimeline> Tree = ThreeLevels();

    private static Decision Dissolve(Dictionary<string, CommitteeTimeline> t, string code, string successor, DateOnly on, string legal = Decree) =>
        ReorganisationDecisions.Dissolve(t.GetValueOrDefault(code), new DissolveCommittee(successor, on, legal), t.On(on), Today);

    [Fact]
    public void Given_a_district_When_dissolved_in_favour_of_its_province_from_a_day_Then_dissolved_with_its_decree()
    {
        var decision = Dissolve(Tree, "D1", "p", Reform);

        Assert.Equal(new CommitteeDissolved("D1", "P", Reform, Decree), Assert.Single(decision.Events));
    }

    [Fact]
    public void Given_a_change_decided_ahead_When_its_day_is_next_year_Then_it_is_accepted_as_scheduled()
    {
        var decision = ReorganisationDecisions.Reparent(Tree["C21"], new ReparentCommittee("D1", new DateOnly(2027, 1, 1), Decree), Tree.On(new DateOnly(2027, 1, 1)), Today);

        Assert.Equal(new CommitteeReparented("C21", "D2", "D1", new DateOnly(2027, 1, 1), Decree), Assert.Single(decision.Events));
    }

    [Fact]
    public void Given_a_province_When_dissolved_in_favour_of_a_committee_its_districts_may_not_sit_under_Then_conflict_naming_the_child()
    {
        var tree = After(Tree, new CommitteeRegistered("TW", "Ban Tuyên giáo Trung ương", CommitteeLevel.Central, null, 1));
        var decision = Dissolve(tree, "P", "TW", Reform);

        ThenRejected(decision, RejectionKind.Conflict, "successorCode");
        Assert.Contains("'D1'", decision.Rejection!.Reason);
    }

    [Fact]
    public void Given_a_district_When_dissolved_in_favour_of_a_cell_below_it_Then_conflict() =>
        ThenRejected(Dissolve(Tree, "D1", "C11", Reform), RejectionKind.Conflict, "successorCode");

    [Fact]
    public void Given_a_district_When_merged_into_a_grassroots_organisation_Then_conflict_on_the_level() =>
        ThenRejected(ReorganisationDecisions.Merge(Tree["D1"], new MergeCommittee("C21", Reform, Decree), Tree.On(Reform), Today),
            RejectionKind.Conflict, "successorCode");

    [Fact]
    public void Given_two_districts_When_one_is_merged_into_the_other_Then_merged()
    {
        var decision = ReorganisationDecisions.Merge(Tree["D2"], new MergeCommittee("D1", Reform, Decree), Tree.On(Reform), Today);

        Assert.Equal(new CommitteeMerged("D2", "D1", Reform, Decree), Assert.Single(decision.Events));
    }

    [Fact]
    public void Given_a_merger_already_recorded_When_the_same_merger_comes_again_Then_nothing_to_record_but_another_successor_is_refused()
    {
        var tree = After(ThreeLevels(), new CommitteeMerged("D2", "D1", Reform, Decree));

        var again = ReorganisationDecisions.Merge(tree["D2"], new MergeCommittee("d1", Reform, Decree), tree.On(Reform), Today);
        Assert.Null(again.Rejection);
        Assert.Empty(again.Events);
        ThenRejected(ReorganisationDecisions.Merge(tree["D2"], new MergeCommittee("P", Reform, Decree), tree.On(Reform), Today),
            RejectionKind.RuleViolation, "code");
    }

    [Fact]
    public void Given_a_committee_established_by_a_merger_ahead_When_merging_into_it_before_and_on_its_day_Then_only_its_day_is_accepted()
    {
        var tree = After(ThreeLevels(), new CommitteeRegistered("D3", "Ban D3", CommitteeLevel.District, "P", 0, Reform));

        ThenRejected(ReorganisationDecisions.Merge(tree["D1"], new MergeCommittee("D3", Reform.AddDays(-1), Decree), tree.On(Reform.AddDays(-1)), Today),
            RejectionKind.NotFound, "successorCode");
        Assert.Single(ReorganisationDecisions.Merge(tree["D1"], new MergeCommittee("D3", Reform, Decree), tree.On(Reform), Today).Events);
    }

    [Fact]
    public void Given_a_dissolved_district_When_changed_after_its_dissolution_Then_rule_violation()
    {
        var tree = WithoutDistricts();

        ThenRejected(ReorganisationDecisions.Rename(tree["D1"], new RenameCommitteeOn("Ban mới", Today, Decree), tree.On(Today), Today),
            RejectionKind.RuleViolation, "code");
        ThenRejected(Dissolve(tree, "C11", "D1", Today), RejectionKind.NotFound, "successorCode");
    }

    [Fact]
    public void Given_a_cell_When_moved_under_a_committee_below_itself_or_one_that_no_longer_stands_Then_refused()
    {
        var tree = WithoutDistricts();

        ThenRejected(ReorganisationDecisions.Reparent(tree["D1"], new ReparentCommittee("C11", In2023, Decree), tree.On(In2023), Today),
            RejectionKind.Conflict, "parentCode");
        ThenRejected(ReorganisationDecisions.Reparent(tree["C11"], new ReparentCommittee("D2", Today, Decree), tree.On(Today), Today),
            RejectionKind.NotFound, "parentCode");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Nghị quyết\u0007")]
    public void Given_no_usable_legal_reference_When_dissolving_Then_invalid(string legal) =>
        ThenRejected(Dissolve(Tree, "D1", "P", Reform, legal), RejectionKind.Invalid, "legalReference");

    [Fact]
    public void Given_a_day_before_1930_or_beyond_ten_years_When_dissolving_Then_invalid()
    {
        ThenRejected(Dissolve(Tree, "D1", "P", new DateOnly(1929, 12, 31)), RejectionKind.Invalid, "effectiveOn");
        ThenRejected(Dissolve(Tree, "D1", "P", Today.AddYears(11)), RejectionKind.Invalid, "effectiveOn");
    }

    [Fact]
    public void Given_the_parent_it_already_has_on_that_day_When_reparented_Then_nothing_to_record() =>
        Assert.Empty(ReorganisationDecisions.Reparent(Tree["C11"], new ReparentCommittee("D1", Reform, Decree), Tree.On(Reform), Today).Events);

    [Fact]
    public void Given_an_unknown_committee_When_reorganised_Then_not_found() =>
        ThenRejected(Dissolve(Tree, "ZZ", "P", Reform), RejectionKind.NotFound, "code");
}

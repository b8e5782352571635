using TuyenGiao.Committees;
using TuyenGiao.Common;
using static TuyenGiao.Domain.Tests.Committees.CommitteeSpec;
using static TuyenGiao.Domain.Tests.Common.DecisionAssertions;

namespace TuyenGiao.Domain.Tests.Committees;

public class MoveCommitteeTests
{
    private static readonly Committee Province = Registered("TV", CommitteeLevel.Province);
    private static readonly Committee OtherProvince = Registered("CT", CommitteeLevel.Province);
    private static readonly Committee District = Registered("TV-CL", CommitteeLevel.District, "TV");
    private static readonly Committee Cell = Registered("TV-CL-01", CommitteeLevel.Grassroots, "TV-CL");

    [Fact]
    public void Given_a_district_When_moved_to_another_province_Then_moved_from_the_old_parent()
    {
        var decision = CommitteeDecisions.Move(District, new MoveCommittee("ct"), OtherProvince, ["CT"]);

        var moved = Assert.IsType<CommitteeMoved>(ThenSingleEvent(decision));
        Assert.Equal(new CommitteeMoved("TV-CL", "TV", "CT"), moved);
        Assert.Equal("CT", CommitteeEvolution.Evolve(District, moved).ParentCode);
    }

    [Fact]
    public void Given_a_committee_When_moved_under_itself_Then_conflict() =>
        ThenRejected(CommitteeDecisions.Move(District, new MoveCommittee("TV-CL"), District, ["TV-CL", "TV"]), RejectionKind.Conflict, "parentCode");

    [Fact]
    public void Given_a_province_When_moved_under_a_committee_below_it_Then_conflict_and_nothing_recorded()
    {
        var decision = CommitteeDecisions.Move(Province, new MoveCommittee("TV-CL-01"), Cell, ["TV-CL-01", "TV-CL", "TV"]);

        var rejection = ThenRejected(decision, RejectionKind.Conflict, "parentCode");
        Assert.Contains("cycle", rejection.Reason);
    }

    [Fact]
    public void Given_a_district_When_moved_under_a_grassroots_cell_Then_conflict_on_levels() =>
        ThenRejected(CommitteeDecisions.Move(District, new MoveCommittee("X-01"), Registered("X-01", CommitteeLevel.Grassroots, "X"), ["X-01", "X"]),
            RejectionKind.Conflict, "parentCode");

    [Fact]
    public void Given_a_district_When_moved_under_an_unknown_committee_Then_not_found() =>
        ThenRejected(CommitteeDecisions.Move(District, new MoveCommittee("NOPE"), null, []), RejectionKind.NotFound, "parentCode");

    [Fact]
    public void Given_a_district_When_moved_under_its_current_parent_Then_nothing_is_recorded() =>
        ThenNothing(CommitteeDecisions.Move(District, new MoveCommittee("TV"), Province, ["TV"]));

    [Fact]
    public void Given_no_committee_When_moved_Then_not_found() =>
        ThenRejected(CommitteeDecisions.Move(Given("NOPE"), new MoveCommittee("TV"), Province, ["TV"]), RejectionKind.NotFound, "code");
}

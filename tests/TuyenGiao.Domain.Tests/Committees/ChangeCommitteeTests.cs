using TuyenGiao.Committees;
using TuyenGiao.Common;
using static TuyenGiao.Domain.Tests.Committees.CommitteeSpec;
using static TuyenGiao.Domain.Tests.Common.DecisionAssertions;

namespace TuyenGiao.Domain.Tests.Committees;

public class ChangeCommitteeTests
{
    private static readonly Committee Bloc = Registered("TV-KHOI", CommitteeLevel.Bloc, "TV");

    [Fact]
    public void Given_a_committee_When_renamed_Then_renamed_and_the_state_follows()
    {
        var decision = CommitteeDecisions.Rename(Bloc, new RenameCommittee("Đảng ủy Khối Trà Vinh"));

        var renamed = Assert.IsType<CommitteeRenamed>(ThenSingleEvent(decision));
        Assert.Equal("Đảng ủy Khối Trà Vinh", CommitteeEvolution.Evolve(Bloc, renamed).Name);
    }

    [Fact]
    public void Given_a_committee_When_renamed_to_its_own_name_Then_nothing_is_recorded() =>
        ThenNothing(CommitteeDecisions.Rename(Bloc, new RenameCommittee(Bloc.Name)));

    [Fact]
    public void Given_no_committee_When_renamed_Then_not_found() =>
        ThenRejected(CommitteeDecisions.Rename(Given("NOPE"), new RenameCommittee("Tên")), RejectionKind.NotFound, "code");

    [Fact]
    public void Given_a_committee_When_renamed_to_an_empty_name_Then_invalid() =>
        ThenRejected(CommitteeDecisions.Rename(Bloc, new RenameCommittee(" ")), RejectionKind.Invalid, "name");

    [Fact]
    public void Given_a_committee_When_its_member_count_changes_Then_the_new_count_is_recorded()
    {
        var decision = CommitteeDecisions.ChangeMemberCount(Bloc, new ChangeMemberCount(6_110));

        var changed = Assert.IsType<CommitteeMemberCountChanged>(ThenSingleEvent(decision));
        Assert.Equal(6_110, CommitteeEvolution.Evolve(Bloc, changed).MemberCount);
    }

    [Fact]
    public void Given_a_committee_When_the_member_count_is_negative_Then_invalid() =>
        ThenRejected(CommitteeDecisions.ChangeMemberCount(Bloc, new ChangeMemberCount(-5)), RejectionKind.Invalid, "memberCount");

    [Fact]
    public void Given_a_committee_When_the_member_count_is_unchanged_Then_nothing_is_recorded() =>
        ThenNothing(CommitteeDecisions.ChangeMemberCount(Bloc, new ChangeMemberCount(Bloc.MemberCount)));
}

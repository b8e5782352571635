using TuyenGiao.Committees;

namespace TuyenGiao.Domain.Tests.Committees;

public class CommitteeRulesTests
{
    [Theory]
    [InlineData(CommitteeLevel.Province, CommitteeLevel.Central, true)]
    [InlineData(CommitteeLevel.District, CommitteeLevel.Province, true)]
    [InlineData(CommitteeLevel.Bloc, CommitteeLevel.Province, true)]
    [InlineData(CommitteeLevel.Bloc, CommitteeLevel.Central, true)]
    [InlineData(CommitteeLevel.Grassroots, CommitteeLevel.District, true)]
    [InlineData(CommitteeLevel.Grassroots, CommitteeLevel.Bloc, true)]
    [InlineData(CommitteeLevel.Grassroots, CommitteeLevel.Province, true)]
    [InlineData(CommitteeLevel.Central, CommitteeLevel.Province, false)]
    [InlineData(CommitteeLevel.Province, CommitteeLevel.Province, false)]
    [InlineData(CommitteeLevel.District, CommitteeLevel.Bloc, false)]
    [InlineData(CommitteeLevel.District, CommitteeLevel.Grassroots, false)]
    [InlineData(CommitteeLevel.Grassroots, CommitteeLevel.Grassroots, false)]
    public void Given_two_levels_When_placing_one_under_the_other_Then_only_the_real_hierarchy_is_allowed(CommitteeLevel child, CommitteeLevel parent, bool allowed) =>
        Assert.Equal(allowed, CommitteePlacement.CanSitUnder(child, parent));

    [Theory]
    [InlineData("TV", true)]
    [InlineData("tv-khoi", true)]
    [InlineData("CT_TN_01", true)]
    [InlineData("T", false)]
    [InlineData("-TV", false)]
    [InlineData("TV/KHOI", false)]
    [InlineData("TV KHOI", false)]
    [InlineData("../etc", false)]
    [InlineData("TRÀVINH", false)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", false)] // 33 characters
    public void Given_a_code_When_validated_Then_only_short_safe_tokens_pass(string code, bool valid) =>
        Assert.Equal(valid, CommitteeCode.Validate("code", code) is null);

    [Fact]
    public void Given_events_out_of_the_committee_vocabulary_When_folded_Then_the_state_is_unchanged()
    {
        var state = CommitteeSpec.Registered("TV", CommitteeLevel.Province);

        Assert.Same(state, CommitteeEvolution.Evolve(state, new object()));
    }
}

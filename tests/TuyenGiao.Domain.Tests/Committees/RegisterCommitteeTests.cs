using System.Text;
using TuyenGiao.Committees;
using TuyenGiao.Common;
using static TuyenGiao.Domain.Tests.Committees.CommitteeSpec;
using static TuyenGiao.Domain.Tests.Common.DecisionAssertions;

namespace TuyenGiao.Domain.Tests.Committees;

public class RegisterCommitteeTests
{
    private static readonly Committee TraVinh = Registered("TV", CommitteeLevel.Province);
    private static readonly Committee Bloc = Registered("TV-KHOI", CommitteeLevel.Bloc, "TV");

    [Fact]
    public void Given_no_committee_When_a_province_registers_as_root_Then_it_is_registered()
    {
        var decision = CommitteeDecisions.Register(Given("TV"), new RegisterCommittee("Ban Tuyên giáo Tỉnh ủy Trà Vinh", CommitteeLevel.Province, null, 50_000), null, Today);

        var registered = Assert.IsType<CommitteeRegistered>(ThenSingleEvent(decision));
        Assert.Equal(new CommitteeRegistered("TV", "Ban Tuyên giáo Tỉnh ủy Trà Vinh", CommitteeLevel.Province, null, 50_000), registered);
    }

    [Fact]
    public void Given_a_bloc_When_a_grassroots_organisation_registers_under_it_Then_the_parent_is_recorded()
    {
        var decision = CommitteeDecisions.Register(Given("SGD"), new RegisterCommittee("Đảng bộ Sở Giáo dục", CommitteeLevel.Grassroots, "tv-khoi", 120), Bloc, Today);

        var registered = Assert.IsType<CommitteeRegistered>(ThenSingleEvent(decision));
        Assert.Equal("TV-KHOI", registered.ParentCode);
    }

    [Fact]
    public void Given_a_merger_ahead_When_the_committee_it_creates_is_registered_with_its_day_Then_the_day_is_recorded()
    {
        var decision = CommitteeDecisions.Register(Given("TV-M"), new RegisterCommittee("Ban Tuyên giáo Đảng ủy hợp nhất", CommitteeLevel.Bloc, "TV", 10,
            EstablishedOn: Today.AddMonths(2)), TraVinh, Today);

        Assert.Equal(Today.AddMonths(2), Assert.IsType<CommitteeRegistered>(ThenSingleEvent(decision)).EstablishedOn);
    }

    [Theory]
    [InlineData(1929, 12, 31)]
    [InlineData(2036, 11, 24)]
    public void Given_an_establishment_day_out_of_range_When_registering_Then_the_day_is_refused(int year, int month, int day)
    {
        var decision = CommitteeDecisions.Register(Given("TV-M"), new RegisterCommittee("Ban hợp nhất", CommitteeLevel.Bloc, "TV", 10,
            EstablishedOn: new DateOnly(year, month, day)), TraVinh, Today);

        ThenRejected(decision, RejectionKind.Invalid, "establishedOn");
    }

    [Fact]
    public void Given_a_registered_code_When_registering_it_again_Then_conflict()
    {
        var decision = CommitteeDecisions.Register(TraVinh, new RegisterCommittee("Khác", CommitteeLevel.Province, null, 1), null, Today);

        ThenRejected(decision, RejectionKind.Conflict, "code");
    }

    [Fact]
    public void Given_no_parent_When_registering_under_an_unknown_code_Then_not_found()
    {
        var decision = CommitteeDecisions.Register(Given("XH"), new RegisterCommittee("Huyện X", CommitteeLevel.District, "NOPE", 1), null, Today);

        ThenRejected(decision, RejectionKind.NotFound, "parentCode");
    }

    [Theory]
    [InlineData(CommitteeLevel.District)]
    [InlineData(CommitteeLevel.Bloc)]
    [InlineData(CommitteeLevel.Grassroots)]
    public void Given_a_level_that_needs_a_parent_When_registering_without_one_Then_invalid(CommitteeLevel level)
    {
        var decision = CommitteeDecisions.Register(Given("XX"), new RegisterCommittee("Ban", level, null, 1), null, Today);

        ThenRejected(decision, RejectionKind.Invalid, "parentCode");
    }

    [Fact]
    public void Given_a_bloc_When_a_district_registers_under_it_Then_conflict_naming_the_allowed_level()
    {
        var decision = CommitteeDecisions.Register(Given("CN"), new RegisterCommittee("Huyện Càng Long", CommitteeLevel.District, "TV-KHOI", 1), Bloc, Today);

        var rejection = ThenRejected(decision, RejectionKind.Conflict, "parentCode");
        Assert.Contains("province", rejection.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Ban\u200BTuyên giáo")] // zero-width space
    [InlineData("Ban\u0007Tuyên giáo")] // control character
    public void Given_no_committee_When_registering_with_a_bad_name_Then_invalid(string name)
    {
        var decision = CommitteeDecisions.Register(Given("TV"), new RegisterCommittee(name, CommitteeLevel.Province, null, 1), null, Today);

        ThenRejected(decision, RejectionKind.Invalid, "name");
    }

    [Fact]
    public void Given_no_committee_When_the_name_has_an_unpaired_surrogate_Then_invalid_rather_than_a_crash()
    {
        var name = "Ban " + '\uD800' + " lỗi"; // built here: test-case serialisation would replace the lone surrogate

        var decision = CommitteeDecisions.Register(Given("TV"), new RegisterCommittee(name, CommitteeLevel.Province, null, 1), null, Today);

        ThenRejected(decision, RejectionKind.Invalid, "name");
    }

    [Fact]
    public void Given_no_committee_When_the_name_is_longer_than_allowed_Then_invalid()
    {
        var name = new string('ă', CommitteeDecisions.MaxNameLength + 1);

        var decision = CommitteeDecisions.Register(Given("TV"), new RegisterCommittee(name, CommitteeLevel.Province, null, 1), null, Today);

        ThenRejected(decision, RejectionKind.Invalid, "name");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(CommitteeDecisions.MaxMemberCount + 1)]
    public void Given_no_committee_When_the_member_count_is_out_of_range_Then_invalid(int members)
    {
        var decision = CommitteeDecisions.Register(Given("TV"), new RegisterCommittee("Ban", CommitteeLevel.Province, null, members), null, Today);

        ThenRejected(decision, RejectionKind.Invalid, "memberCount");
    }

    [Fact]
    public void Given_a_name_typed_with_combining_marks_When_registering_Then_it_is_stored_in_NFC()
    {
        var decomposed = "Khát vọng Trà Vinh".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Khát vọng Trà Vinh", decomposed);

        var decision = CommitteeDecisions.Register(Given("TV"), new RegisterCommittee("  " + decomposed + " ", CommitteeLevel.Province, null, 1), null, Today);

        var registered = Assert.IsType<CommitteeRegistered>(ThenSingleEvent(decision));
        Assert.Equal("Khát vọng Trà Vinh", registered.Name);
        Assert.True(registered.Name.IsNormalized(NormalizationForm.FormC));
    }
}

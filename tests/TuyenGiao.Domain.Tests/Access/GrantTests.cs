using TuyenGiao.Access;

namespace TuyenGiao.Domain.Tests.Access;

/// <summary>A grant as a claim: what a cookie or a token carries, read back to the same grant or to none.</summary>
public class GrantTests
{
    public static TheoryData<string, Grant> Claims => new()
    {
        { "admin", Grant.Admin },
        { "auditor", Grant.Auditor },
        { "officer@TV-KHOI", Grant.OfficerOf("TV-KHOI") },
        { "organiser@TV", Grant.OrganiserOf("TV") },
        { "judge", Grant.JudgeIn(null) },
        { "judge#KV-2025", Grant.JudgeIn("KV-2025") },
    };

    [Theory]
    [MemberData(nameof(Claims))]
    public void Given_a_grant_When_written_as_a_claim_and_read_back_Then_it_is_the_same_grant(string claim, Grant grant)
    {
        Assert.Equal(claim, grant.ToClaim());
        Assert.Equal(grant, Grant.FromClaim(claim));
    }

    [Theory]
    [InlineData("officer@tv-khoi", "TV-KHOI")]
    [InlineData("Officer@ tv-khoi ", "TV-KHOI")]
    public void Given_a_committee_in_another_case_When_read_Then_its_code_is_normalised(string claim, string code) =>
        Assert.Equal(Grant.OfficerOf(code), Grant.FromClaim(claim));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("superuser")]
    [InlineData("1")]
    [InlineData("officer")]
    [InlineData("officer@")]
    [InlineData("officer#KV-1")]
    [InlineData("admin@TV")]
    [InlineData("auditor#KV-1")]
    [InlineData("organiser")]
    [InlineData("judge@TV")]
    [InlineData("judge#")]
    public void Given_a_claim_that_names_no_grant_When_read_Then_none(string? claim) => Assert.Null(Grant.FromClaim(claim));

    [Fact]
    public void Given_a_path_When_a_committee_grant_is_asked_Then_it_covers_its_committee_and_those_below_it()
    {
        Assert.True(Grant.OfficerOf("TV-KHOI").Covers(["TV-KHOI-SYT", "TV-KHOI", "TV"]));
        Assert.True(Grant.OfficerOf("TV-KHOI").Covers(["TV-KHOI", "TV"]));
        Assert.False(Grant.OfficerOf("TV-KHOI").Covers(["TV"]));
        Assert.False(Grant.Admin.Covers(["TV"]));
    }

    [Theory]
    [InlineData(Role.Officer, " tv-khoi ", null, "officer@TV-KHOI")]
    [InlineData(Role.Organiser, "TV", "", "organiser@TV")]
    [InlineData(Role.Judge, null, "kv-2025", "judge#KV-2025")]
    [InlineData(Role.Judge, " ", null, "judge")]
    [InlineData(Role.Admin, null, null, "admin")]
    public void Given_a_role_and_its_scope_When_a_grant_is_named_Then_it_is_that_grant_normalised(Role role, string? committee, string? contest, string claim)
    {
        Assert.Null(Grant.TryCreate(role, committee, contest, out var grant));
        Assert.Equal(claim, grant!.ToClaim());
    }

    [Theory]
    [InlineData(Role.Officer, null, null, "committeeCode")]
    [InlineData(Role.Officer, "TV", "KV-1", "contestId")]
    [InlineData(Role.Organiser, "TV KHOI", null, "committeeCode")]
    [InlineData(Role.Auditor, "TV", null, "committeeCode")]
    [InlineData(Role.Judge, "TV", null, "committeeCode")]
    [InlineData(Role.Admin, null, "KV-1", "contestId")]
    [InlineData(Role.Judge, null, "KV 1", "contestId")]
    public void Given_a_scope_the_role_does_not_take_When_a_grant_is_named_Then_refused_naming_the_field(Role role, string? committee, string? contest, string field)
    {
        var refused = Grant.TryCreate(role, committee, contest, out var grant);

        Assert.Equal((TuyenGiao.Common.RejectionKind.Invalid, field), (refused!.Kind, refused.Field));
        Assert.Null(grant);
    }
}

using TuyenGiao.Access;
using TuyenGiao.Common;

namespace TuyenGiao.Domain.Tests.Access;

/// <summary>Who may create accounts, give and take grants, and disable or reset an account: without I/O.</summary>
public class AccountAccessRulesTests
{
    private static readonly string[] Province = ["TV"];
    private static readonly string[] Bloc = ["TV-KHOI", "TV"];
    private static readonly string[] Department = ["TV-KHOI-SYT", "TV-KHOI", "TV"];
    private static readonly string[] District = ["TV-CL", "TV"];
    private static readonly string[] None = [];

    private static readonly Caller Admin = new("admin-1", Role.Admin);
    private static readonly Caller BlocOfficer = new("officer-bloc", Role.Officer, "TV-KHOI");
    private static readonly Caller BlocOrganiser = new("organiser-bloc", Role.Organiser, "TV-KHOI");
    private static readonly Caller Auditor = new("auditor-1", Role.Auditor);

    private static void ThenForbidden(Rejection? rejection, string field)
    {
        var refused = Assert.IsType<Rejection>(rejection);
        Assert.Equal((RejectionKind.Forbidden, field), (refused.Kind, refused.Field));
    }

    [Fact]
    public void Given_each_role_When_creating_accounts_Then_admins_and_officers_may()
    {
        Assert.Null(AccessRules.MayCreateAccounts(Admin));
        Assert.Null(AccessRules.MayCreateAccounts(BlocOfficer));
        ThenForbidden(AccessRules.MayCreateAccounts(BlocOrganiser), "username");
        ThenForbidden(AccessRules.MayCreateAccounts(Auditor), "username");
        ThenForbidden(AccessRules.MayCreateAccounts(Caller.Anonymous), "username");
    }

    [Fact]
    public void Given_an_officer_When_granting_committee_roles_Then_only_strictly_below_their_own()
    {
        Assert.Null(AccessRules.MayChangeGrant(BlocOfficer, Grant.OfficerOf("TV-KHOI-SYT"), Department, null));
        Assert.Null(AccessRules.MayChangeGrant(BlocOfficer, Grant.OrganiserOf("TV-KHOI-SYT"), Department, null));
        ThenForbidden(AccessRules.MayChangeGrant(BlocOfficer, Grant.OfficerOf("TV-KHOI"), Bloc, null), "role");
        ThenForbidden(AccessRules.MayChangeGrant(BlocOfficer, Grant.OfficerOf("TV-CL"), District, null), "role");
        ThenForbidden(AccessRules.MayChangeGrant(BlocOfficer, Grant.OfficerOf("TV"), Province, null), "role");
        ThenForbidden(AccessRules.MayChangeGrant(BlocOfficer, Grant.OfficerOf("NOPE"), None, null), "role");
    }

    [Fact]
    public void Given_roles_everywhere_When_granted_Then_only_by_admins()
    {
        Assert.Null(AccessRules.MayChangeGrant(Admin, Grant.Admin, None, null));
        Assert.Null(AccessRules.MayChangeGrant(Admin, Grant.OfficerOf("TV"), Province, null));
        ThenForbidden(AccessRules.MayChangeGrant(BlocOfficer, Grant.Auditor, None, null), "role");
        ThenForbidden(AccessRules.MayChangeGrant(BlocOfficer, Grant.Admin, None, null), "role");
        ThenForbidden(AccessRules.MayChangeGrant(BlocOrganiser, Grant.JudgeIn(null), None, "TV-KHOI"), "role");
    }

    [Fact]
    public void Given_a_refused_grant_When_told_why_Then_the_reason_names_who_may_give_that_role()
    {
        Assert.Contains("organisers", AccessRules.MayChangeGrant(BlocOfficer, Grant.JudgeIn("KV-1"), None, "TV")!.Reason);
        Assert.Contains("only an admin may", AccessRules.MayChangeGrant(BlocOfficer, Grant.JudgeIn(null), None, null)!.Reason);
        Assert.Contains("officer of a committee above", AccessRules.MayChangeGrant(BlocOfficer, Grant.OfficerOf("TV"), Province, null)!.Reason);
    }

    [Fact]
    public void Given_a_contest_When_a_judge_is_granted_in_it_Then_its_organisers_may_and_others_not()
    {
        Assert.Null(AccessRules.MayChangeGrant(BlocOrganiser, Grant.JudgeIn("KV-1"), None, "TV-KHOI"));
        ThenForbidden(AccessRules.MayChangeGrant(BlocOrganiser, Grant.JudgeIn("KV-2"), None, "TV"), "role");
        ThenForbidden(AccessRules.MayChangeGrant(BlocOrganiser, Grant.JudgeIn("KV-3"), None, null), "role");
        ThenForbidden(AccessRules.MayChangeGrant(BlocOfficer, Grant.JudgeIn("KV-1"), None, "TV-KHOI"), "role");
    }

    [Fact]
    public void Given_an_account_When_managed_Then_an_officer_only_if_every_grant_lies_strictly_below_them()
    {
        (Grant, IReadOnlyList<string>)[] belowBloc = [(Grant.OfficerOf("TV-KHOI-SYT"), Department)];
        (Grant, IReadOnlyList<string>)[] alsoBeside = [(Grant.OfficerOf("TV-KHOI-SYT"), Department), (Grant.OfficerOf("TV-CL"), District)];
        (Grant, IReadOnlyList<string>)[] alsoAJudge = [(Grant.OfficerOf("TV-KHOI-SYT"), Department), (Grant.JudgeIn(null), None)];
        (Grant, IReadOnlyList<string>)[] peer = [(Grant.OfficerOf("TV-KHOI"), Bloc)];

        Assert.Null(AccessRules.MayManageAccount(BlocOfficer, belowBloc));
        ThenForbidden(AccessRules.MayManageAccount(BlocOfficer, alsoBeside), "username");
        ThenForbidden(AccessRules.MayManageAccount(BlocOfficer, alsoAJudge), "username");
        ThenForbidden(AccessRules.MayManageAccount(BlocOfficer, peer), "username");
        ThenForbidden(AccessRules.MayManageAccount(BlocOfficer, []), "username");
        ThenForbidden(AccessRules.MayManageAccount(BlocOrganiser, belowBloc), "username");
        Assert.Null(AccessRules.MayManageAccount(Admin, alsoAJudge));
    }
}

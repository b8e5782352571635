using TuyenGiao.Access;
using TuyenGiao.Common;

namespace TuyenGiao.Domain.Tests.Access;

/// <summary>
/// Who may do what, without I/O. The hierarchy: province TV, the bloc TV-KHOI under it, the department
/// TV-KHOI-SYT under the bloc, and a district TV-CL beside the bloc.
/// </summary>
public class AccessRulesTests
{
    private static readonly string[] Province = ["TV"];
    private static readonly string[] Bloc = ["TV-KHOI", "TV"];
    private static readonly string[] Department = ["TV-KHOI-SYT", "TV-KHOI", "TV"];
    private static readonly string[] District = ["TV-CL", "TV"];
    private static readonly string[] Unknown = [];

    private static readonly Caller Admin = new("admin-1", Role.Admin, null);
    private static readonly Caller Auditor = new("auditor-1", Role.Auditor, null);
    private static readonly Caller BlocOfficer = new("officer-bloc", Role.Officer, "TV-KHOI");
    private static readonly Caller BlocOrganiser = new("organiser-bloc", Role.Organiser, "TV-KHOI");
    private static readonly Caller Judge = new("gk-1", Role.Judge, null);

    private static void ThenForbidden(Rejection? rejection, string field)
    {
        var refused = Assert.IsType<Rejection>(rejection);
        Assert.Equal((RejectionKind.Forbidden, field), (refused.Kind, refused.Field));
    }

    [Fact]
    public void Given_an_officer_of_the_bloc_When_recording_for_the_bloc_or_below_Then_allowed_and_beside_or_above_Then_forbidden()
    {
        Assert.Null(AccessRules.MayRecordFor(BlocOfficer, "code", Bloc));
        Assert.Null(AccessRules.MayRecordFor(BlocOfficer, "code", Department));
        ThenForbidden(AccessRules.MayRecordFor(BlocOfficer, "code", District), "code");
        ThenForbidden(AccessRules.MayRecordFor(BlocOfficer, "code", Province), "code");
        ThenForbidden(AccessRules.MayRecordFor(BlocOfficer, "committeeCode", Unknown), "committeeCode");
    }

    [Fact]
    public void Given_roles_other_than_officer_When_recording_Then_only_the_admin_may()
    {
        Assert.Null(AccessRules.MayRecordFor(Admin, "code", District));
        Assert.Null(AccessRules.MayRecordFor(Admin, "code", Unknown));
        ThenForbidden(AccessRules.MayRecordFor(Auditor, "code", Bloc), "code");
        ThenForbidden(AccessRules.MayRecordFor(BlocOrganiser, "code", Bloc), "code");
        ThenForbidden(AccessRules.MayRecordFor(Judge, "code", Bloc), "code");
        ThenForbidden(AccessRules.MayRecordFor(Caller.Anonymous, "code", Bloc), "code");
    }

    [Fact]
    public void Given_an_officer_without_a_committee_claim_When_recording_Then_forbidden()
    {
        ThenForbidden(AccessRules.MayRecordFor(new Caller("x", Role.Officer, null), "code", Bloc), "code");
    }

    [Fact]
    public void Given_records_When_read_Then_auditors_everywhere_and_officers_and_organisers_within_their_subtree()
    {
        Assert.Null(AccessRules.MayReadRecordsOf(Auditor, "code", District));
        Assert.Null(AccessRules.MayReadRecordsOf(BlocOrganiser, "code", Department));
        Assert.Null(AccessRules.MayReadRecordsOf(BlocOfficer, "code", Bloc));
        ThenForbidden(AccessRules.MayReadRecordsOf(BlocOfficer, "code", District), "code");
        ThenForbidden(AccessRules.MayReadRecordsOf(Judge, "code", Bloc), "code");
        ThenForbidden(AccessRules.MayReadRecordsOf(Caller.Anonymous, "code", Bloc), "code");
    }

    [Fact]
    public void Given_a_new_committee_When_registered_Then_a_root_is_for_admins_and_a_child_for_officers_above_it()
    {
        Assert.Null(AccessRules.MayRegisterUnder(Admin, null));
        ThenForbidden(AccessRules.MayRegisterUnder(BlocOfficer, null), "parentCode");
        Assert.Null(AccessRules.MayRegisterUnder(BlocOfficer, Bloc));
        ThenForbidden(AccessRules.MayRegisterUnder(BlocOfficer, District), "parentCode");
    }

    [Fact]
    public void Given_an_officer_When_moving_committees_Then_only_below_their_own_and_to_a_parent_within_it()
    {
        Assert.Null(AccessRules.MayMove(BlocOfficer, Department, Bloc));
        ThenForbidden(AccessRules.MayMove(BlocOfficer, Bloc, Province), "code");
        ThenForbidden(AccessRules.MayMove(BlocOfficer, Department, District), "parentCode");
        ThenForbidden(AccessRules.MayMove(BlocOfficer, District, Bloc), "code");
        Assert.Null(AccessRules.MayMove(Admin, District, Bloc));
    }

    [Fact]
    public void Given_a_contest_of_the_bloc_When_run_Then_only_its_organisers_and_admins_may()
    {
        Assert.Null(AccessRules.MayOrganise(BlocOrganiser, "TV-KHOI"));
        Assert.Null(AccessRules.MayOrganise(Admin, "TV-KHOI"));
        ThenForbidden(AccessRules.MayOrganise(BlocOrganiser, "TV"), "organiserCode");
        ThenForbidden(AccessRules.MayOrganise(BlocOfficer, "TV-KHOI"), "organiserCode");
        ThenForbidden(AccessRules.MayOrganise(Auditor, "TV-KHOI"), "organiserCode");
    }

    [Fact]
    public void Given_an_entry_When_recorded_Then_the_organisers_and_the_officers_of_its_committee_or_above_may()
    {
        Assert.Null(AccessRules.MaySubmitFor(BlocOrganiser, "TV-KHOI", District));
        Assert.Null(AccessRules.MaySubmitFor(BlocOfficer, "TV", Department));
        ThenForbidden(AccessRules.MaySubmitFor(BlocOfficer, "TV", District), "committeeCode");
        ThenForbidden(AccessRules.MaySubmitFor(Judge, "TV-KHOI", Bloc), "committeeCode");
        ThenForbidden(AccessRules.MaySubmitFor(Auditor, "TV-KHOI", Bloc), "committeeCode");
    }

    [Fact]
    public void Given_a_judge_When_acting_Then_only_as_themselves()
    {
        Assert.Null(AccessRules.MayJudgeAs(Judge, "gk-1", "KV-1"));
        ThenForbidden(AccessRules.MayJudgeAs(Judge, "gk-2", "KV-1"), "judgeId");
        ThenForbidden(AccessRules.MayJudgeAs(Judge, "GK-1", "KV-1"), "judgeId");
        ThenForbidden(AccessRules.MayJudgeAs(BlocOrganiser, "gk-1", "KV-1"), "judgeId");
        Assert.Null(AccessRules.MayJudgeAs(Admin, "gk-1", "KV-1"));
    }

    [Fact]
    public void Given_a_judge_granted_for_one_contest_When_acting_Then_in_that_contest_only()
    {
        var judgeOfOne = new Caller("gk-1", [Grant.JudgeIn("KV-1")]);
        var judgeOfTwo = new Caller("gk-1", [Grant.JudgeIn("KV-1"), Grant.JudgeIn("KV-2")]);

        Assert.Null(AccessRules.MayJudgeAs(judgeOfOne, "gk-1", "KV-1"));
        ThenForbidden(AccessRules.MayJudgeAs(judgeOfOne, "gk-1", "KV-2"), "judgeId");
        Assert.Null(AccessRules.MayJudgeAs(judgeOfTwo, "gk-1", "KV-2"));
        ThenForbidden(AccessRules.MayJudgeAs(judgeOfTwo, "gk-1", "KV-3"), "judgeId");
    }

    [Fact]
    public void Given_a_judge_When_listing_panels_Then_only_their_own_and_admins_and_auditors_any()
    {
        Assert.Null(AccessRules.MaySeePanelsOf(Judge, "gk-1"));
        Assert.Null(AccessRules.MaySeePanelsOf(new Caller("gk-1", [Grant.JudgeIn("KV-1")]), "gk-1"));
        ThenForbidden(AccessRules.MaySeePanelsOf(Judge, "gk-2"), "judgeId");
        ThenForbidden(AccessRules.MaySeePanelsOf(Judge, "GK-1"), "judgeId");
        Assert.Null(AccessRules.MaySeePanelsOf(Admin, "gk-1"));
        Assert.Null(AccessRules.MaySeePanelsOf(Auditor, "gk-1"));
        // The username alone is not enough: the panels are a judge's work list, not an officer's.
        ThenForbidden(AccessRules.MaySeePanelsOf(new Caller("gk-1", Role.Officer, "TV-KHOI"), "gk-1"), "judgeId");
        ThenForbidden(AccessRules.MaySeePanelsOf(BlocOrganiser, "gk-1"), "judgeId");
        ThenForbidden(AccessRules.MaySeePanelsOf(Caller.Anonymous, "gk-1"), "judgeId");
    }

    [Fact]
    public void Given_unpublished_results_When_asked_Then_organisers_of_the_contest_admins_and_auditors_see_them()
    {
        Assert.True(AccessRules.MaySeeUnpublishedResults(BlocOrganiser, "TV-KHOI"));
        Assert.True(AccessRules.MaySeeUnpublishedResults(Auditor, "TV-KHOI"));
        Assert.True(AccessRules.MaySeeUnpublishedResults(Admin, "TV-KHOI"));
        Assert.False(AccessRules.MaySeeUnpublishedResults(BlocOrganiser, "TV"));
        Assert.False(AccessRules.MaySeeUnpublishedResults(Judge, "TV-KHOI"));
        Assert.False(AccessRules.MaySeeUnpublishedResults(BlocOfficer, "TV-KHOI"));
        Assert.False(AccessRules.MaySeeUnpublishedResults(Caller.Anonymous, "TV-KHOI"));
    }

    [Fact]
    public void Given_each_role_When_the_campaign_list_is_scoped_Then_admins_and_auditors_see_all_officers_their_branch_and_others_nothing()
    {
        var branch = AccessRules.CampaignLaunchersVisibleTo(BlocOfficer, Surroundings);

        Assert.Null(AccessRules.CampaignLaunchersVisibleTo(Admin, Surroundings));
        Assert.Null(AccessRules.CampaignLaunchersVisibleTo(Auditor, Surroundings));
        Assert.Equal(["TV", "TV-KHOI", "TV-KHOI-SYT"], branch!.Order());
        Assert.Equal(["TV", "TV-KHOI", "TV-KHOI-SYT"], AccessRules.CampaignLaunchersVisibleTo(BlocOrganiser, Surroundings)!.Order());
        Assert.Empty(AccessRules.CampaignLaunchersVisibleTo(Judge, Surroundings)!);
        Assert.Empty(AccessRules.CampaignLaunchersVisibleTo(Caller.Anonymous, Surroundings)!);
        Assert.Empty(AccessRules.CampaignLaunchersVisibleTo(new Caller("officer-none", Role.Officer, null), Surroundings)!);
    }

    [Fact]
    public void Given_an_officer_of_two_committees_When_the_campaign_list_is_scoped_Then_both_branches_are_seen()
    {
        var twoBranches = new Caller("officer-two", [Grant.OfficerOf("TV-KHOI"), Grant.OrganiserOf("TV-CL")]);

        Assert.Equal(["TV", "TV-CL", "TV-KHOI", "TV-KHOI-SYT"], AccessRules.CampaignLaunchersVisibleTo(twoBranches, Surroundings)!.Order());
    }

    // Several grants: a rule allows what any one of them allows, and the same for every rule.
    private static readonly Caller JudgeAndAdmin = new("gk-1", [Grant.JudgeIn(null), Grant.Admin]);
    private static readonly Caller OfficerOfBlocAndDistrict = new("officer-two", [Grant.OfficerOf("TV-KHOI"), Grant.OfficerOf("TV-CL")]);
    private static readonly Caller OfficerAndOrganiser = new("officer-organiser", [Grant.OfficerOf("TV-CL"), Grant.OrganiserOf("TV-KHOI")]);

    [Fact]
    public void Given_a_judge_who_is_also_an_admin_When_any_rule_is_asked_Then_the_admin_grant_allows_it()
    {
        Assert.Null(AccessRules.MayRegisterUnder(JudgeAndAdmin, null));
        Assert.Null(AccessRules.MayRecordFor(JudgeAndAdmin, "code", District));
        Assert.Null(AccessRules.MayOrganise(JudgeAndAdmin, "TV"));
        Assert.Null(AccessRules.MayMove(JudgeAndAdmin, District, Bloc));
        Assert.True(AccessRules.MaySeeUnpublishedResults(JudgeAndAdmin, "TV"));
        Assert.Null(AccessRules.MayJudgeAs(JudgeAndAdmin, "gk-2", "KV-1"));
    }

    [Fact]
    public void Given_an_officer_of_two_committees_When_recording_Then_for_either_subtree_and_not_beside_them()
    {
        Assert.Null(AccessRules.MayRecordFor(OfficerOfBlocAndDistrict, "code", Department));
        Assert.Null(AccessRules.MayRecordFor(OfficerOfBlocAndDistrict, "code", District));
        ThenForbidden(AccessRules.MayRecordFor(OfficerOfBlocAndDistrict, "code", Province), "code");
        Assert.Contains("TV-KHOI, TV-CL", AccessRules.MayRecordFor(OfficerOfBlocAndDistrict, "code", Province)!.Reason);
        Assert.Null(AccessRules.MaySubmitFor(OfficerOfBlocAndDistrict, "TV", District));
        Assert.Null(AccessRules.MayReadRecordsOf(OfficerOfBlocAndDistrict, "code", Department));
    }

    [Fact]
    public void Given_an_officer_of_one_committee_and_organiser_of_another_When_asked_Then_each_grant_acts_in_its_own_scope()
    {
        Assert.Null(AccessRules.MayOrganise(OfficerAndOrganiser, "TV-KHOI"));
        ThenForbidden(AccessRules.MayOrganise(OfficerAndOrganiser, "TV-CL"), "organiserCode");
        Assert.Null(AccessRules.MayRecordFor(OfficerAndOrganiser, "code", District));
        ThenForbidden(AccessRules.MayRecordFor(OfficerAndOrganiser, "code", Bloc), "code");
        Assert.Null(AccessRules.MayReadRecordsOf(OfficerAndOrganiser, "code", Department));
        Assert.Null(AccessRules.MaySubmitFor(OfficerAndOrganiser, "TV-KHOI", Province));
    }

    [Fact]
    public void Given_an_officer_of_a_committee_and_of_the_one_above_it_When_moving_the_lower_one_Then_the_upper_grant_allows_it()
    {
        var officerOfProvinceAndBloc = new Caller("officer-two", [Grant.OfficerOf("TV-KHOI"), Grant.OfficerOf("TV")]);

        Assert.Null(AccessRules.MayMove(officerOfProvinceAndBloc, Bloc, Province));
        ThenForbidden(AccessRules.MayMove(officerOfProvinceAndBloc, Province, Province), "code");
        ThenForbidden(AccessRules.MayMove(OfficerOfBlocAndDistrict, District, Bloc), "code");
        Assert.Null(AccessRules.MayMove(OfficerOfBlocAndDistrict, Department, Bloc));
        ThenForbidden(AccessRules.MayMove(OfficerOfBlocAndDistrict, Department, Province), "parentCode");
    }

    [Fact]
    public void Given_an_officer_When_moving_an_unknown_committee_or_one_beside_them_to_a_parent_beside_them_Then_the_committee_is_named()
    {
        ThenForbidden(AccessRules.MayMove(BlocOfficer, Unknown, Bloc), "code");
        ThenForbidden(AccessRules.MayMove(BlocOfficer, District, Province), "code");
    }

    private static readonly Dictionary<string, (IReadOnlyList<string> Path, IReadOnlyList<string> Subtree)> Surroundings = new()
    {
        ["TV-KHOI"] = (Bloc, ["TV-KHOI", "TV-KHOI-SYT"]),
        ["TV-CL"] = (District, ["TV-CL"]),
    };
}

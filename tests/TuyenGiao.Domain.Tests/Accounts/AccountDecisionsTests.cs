using TuyenGiao.Access;
using TuyenGiao.Accounts;
using TuyenGiao.Common;
using static TuyenGiao.Domain.Tests.Common.DecisionAssertions;

namespace TuyenGiao.Domain.Tests.Accounts;

/// <summary>Accounts, grants, sign-in and passwords: given events, when a command, then events or a rejection.</summary>
public class AccountDecisionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 12, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid FirstPassword = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid NewPassword = Guid.Parse("22222222-2222-2222-2222-222222222222");

    private static Account Given(params object[] events) => events.Aggregate(Account.NotCreated("lan.nguyen"), AccountEvolution.Evolve);

    private static readonly AccountCreated Created = new("lan.nguyen", "Nguyễn Thị Lan", "lan@travinh.gov.vn", null, AccountKind.Person, FirstPassword);

    private static Account Fold(Account state, Decision decision) => decision.Events.Aggregate(state, AccountEvolution.Evolve);

    private static CreateAccount Person(string? email = "lan@travinh.gov.vn", string? phone = null) =>
        new("Nguyễn Thị Lan", email, phone, AccountKind.Person, "mật-khẩu-đầu-tiên");

    [Fact]
    public void Given_no_account_When_a_person_is_created_Then_created_with_a_first_password_that_must_be_changed()
    {
        var decision = AccountDecisions.Create(Given(), Person(), FirstPassword);

        var created = Assert.IsType<AccountCreated>(ThenSingleEvent(decision));
        var state = Fold(Given(), decision);
        Assert.Equal(("Nguyễn Thị Lan", FirstPassword, true), (created.FullName, state.CredentialId, state.MustChangePassword));
        Assert.Empty(state.Grants);
    }

    [Fact]
    public void Given_an_account_When_created_again_Then_conflict_before_any_password_is_stored()
    {
        ThenRejected(AccountDecisions.Create(Given(Created), Person(), NewPassword), RejectionKind.Conflict, "username");
        Assert.Equal(RejectionKind.Conflict, AccountDecisions.MayCreate(Given(Created), Person())!.Kind);
        Assert.Null(AccountDecisions.MayCreate(Given(), Person()));
    }

    [Theory]
    [InlineData(null, null, "email")]
    [InlineData("không-phải-email", null, "email")]
    [InlineData(null, "12ab", "phone")]
    [InlineData(null, "0123", "phone")]
    public void Given_a_person_without_a_way_to_reach_them_When_created_Then_invalid(string? email, string? phone, string field) =>
        ThenRejected(AccountDecisions.Create(Given(), Person(email, phone), FirstPassword), RejectionKind.Invalid, field);

    [Fact]
    public void Given_a_person_with_a_phone_only_When_created_Then_created() =>
        Assert.IsType<AccountCreated>(ThenSingleEvent(AccountDecisions.Create(Given(), Person(null, "+84912345678"), FirstPassword)));

    [Fact]
    public void Given_a_bad_username_When_created_Then_invalid() =>
        ThenRejected(AccountDecisions.Create(Account.NotCreated("1x"), Person(), FirstPassword), RejectionKind.Invalid, "username");

    [Fact]
    public void Given_a_service_account_When_created_Then_it_has_no_password_and_a_password_is_refused()
    {
        var service = new CreateAccount("Máy chủ báo cáo", null, null, AccountKind.Service, null);
        var state = Fold(Given(), AccountDecisions.Create(Given(), service, null));

        Assert.Equal((AccountKind.Service, (Guid?)null, false), (state.Kind, state.CredentialId, state.MustChangePassword));
        ThenRejected(AccountDecisions.Create(Given(), service with { FirstPassword = "mật-khẩu-của-máy" }, null), RejectionKind.Invalid, "firstPassword");
        ThenRejected(AccountDecisions.Create(Given(), Person() with { FirstPassword = null }, null), RejectionKind.Invalid, "firstPassword");
        ThenRejected(AccountDecisions.Create(Given(), Person() with { FirstPassword = "ngắn" }, null), RejectionKind.Invalid, "firstPassword");
    }

    [Fact]
    public void Given_an_account_When_granted_two_roles_and_one_revoked_Then_it_holds_the_other_and_its_sessions_end()
    {
        var officer = Grant.OfficerOf("TV-KHOI");
        var judge = Grant.JudgeIn("KV-1");
        var granted = Given(Created, new RoleGranted("lan.nguyen", officer), new RoleGranted("lan.nguyen", judge));

        var decision = AccountDecisions.Revoke(granted, officer);

        Assert.Equal(new RoleRevoked("lan.nguyen", officer), ThenSingleEvent(decision));
        var after = Fold(granted, decision);
        Assert.Equal([judge], after.Grants);
        Assert.Equal(granted.SessionStamp + 1, after.SessionStamp);
    }

    [Fact]
    public void Given_an_account_When_granted_two_roles_Then_each_is_recorded_and_held_in_the_order_given()
    {
        var first = AccountDecisions.Grant(Given(Created), Grant.OfficerOf("TV-KHOI"));
        Assert.Equal(new RoleGranted("lan.nguyen", Grant.OfficerOf("TV-KHOI")), ThenSingleEvent(first));
        var one = Fold(Given(Created), first);

        var both = Fold(one, AccountDecisions.Grant(one, Grant.Auditor));

        Assert.Equal([Grant.OfficerOf("TV-KHOI"), Grant.Auditor], both.Grants);
    }

    [Fact]
    public void Given_an_e_mail_at_the_length_limit_When_created_Then_254_characters_pass_and_255_do_not()
    {
        var at254 = new string('a', 254 - "@travinh.vn".Length) + "@travinh.vn";
        Assert.IsType<AccountCreated>(ThenSingleEvent(AccountDecisions.Create(Given(), Person(at254), FirstPassword)));
        ThenRejected(AccountDecisions.Create(Given(), Person("a" + at254), FirstPassword), RejectionKind.Invalid, "email");
    }

    [Fact]
    public void Given_a_valid_reset_link_When_the_account_is_disabled_or_missing_Then_refused()
    {
        var link = new PasswordResetLinkIssued("lan.nguyen", "hash-1", Now.AddHours(24));
        ThenRejected(AccountDecisions.ResetPassword(Given(Created, link, new AccountDisabled("lan.nguyen", "x")), "hash-1", NewPassword, Now),
            RejectionKind.RuleViolation, "token");
        ThenRejected(AccountDecisions.ResetPassword(Given(link), "hash-1", NewPassword, Now), RejectionKind.RuleViolation, "token");
    }

    [Fact]
    public void Given_a_grant_held_When_granted_again_or_revoked_twice_Then_nothing_more_is_recorded()
    {
        var officer = Grant.OfficerOf("TV-KHOI");
        ThenNothing(AccountDecisions.Grant(Given(Created, new RoleGranted("lan.nguyen", officer)), officer));
        ThenNothing(AccountDecisions.Revoke(Given(Created), officer));
    }

    [Fact]
    public void Given_no_account_When_granted_Then_not_found_and_a_disabled_one_Then_refused()
    {
        ThenRejected(AccountDecisions.Grant(Given(), Grant.Admin), RejectionKind.NotFound, "username");
        ThenRejected(AccountDecisions.Grant(Given(Created, new AccountDisabled("lan.nguyen", "nghỉ hưu")), Grant.Admin), RejectionKind.RuleViolation, "username");
    }

    [Fact]
    public void Given_an_account_When_disabled_Then_its_sessions_end_and_it_may_not_sign_in()
    {
        var decision = AccountDecisions.Disable(Given(Created), "Chuyển công tác");

        var disabled = Fold(Given(Created), decision);
        Assert.True(disabled.IsDisabled);
        Assert.Equal(1, disabled.SessionStamp);
        Assert.Null(AccountAccess.Of(disabled));
        ThenRejected(AccountDecisions.SignIn(disabled, passwordMatches: true, Now), RejectionKind.Forbidden, "username");
        ThenRejected(AccountDecisions.Disable(Given(Created), " "), RejectionKind.Invalid, "reason");
        ThenNothing(AccountDecisions.Disable(disabled, "lại"));
    }

    [Fact]
    public void Given_a_disabled_account_When_enabled_Then_it_may_sign_in_again()
    {
        var enabled = Fold(Given(Created, new AccountDisabled("lan.nguyen", "x")), AccountDecisions.Enable(Given(Created, new AccountDisabled("lan.nguyen", "x"))));

        Assert.False(enabled.IsDisabled);
        Assert.IsType<SignedIn>(ThenSingleEvent(AccountDecisions.SignIn(enabled, passwordMatches: true, Now)));
        ThenNothing(AccountDecisions.Enable(enabled));
    }

    [Fact]
    public void Given_four_failed_sign_ins_When_the_fifth_fails_Then_the_account_is_locked_for_fifteen_minutes()
    {
        var state = Given(Created);
        for (var i = 1; i < AccountDecisions.MaxFailuresInARow; i++)
            state = Fold(state, AccountDecisions.SignIn(state, passwordMatches: false, Now));
        Assert.Equal((4, false), (state.FailuresInARow, state.IsLockedAt(Now)));

        var fifth = AccountDecisions.SignIn(state, passwordMatches: false, Now);

        Assert.Equal([new SignInFailed("lan.nguyen", 5), new AccountLockedOut("lan.nguyen", Now.AddMinutes(15))], fifth.Events);
        var locked = Fold(state, fifth);
        Assert.True(locked.IsLockedAt(Now.AddMinutes(15).AddTicks(-1)));
        Assert.False(locked.IsLockedAt(Now.AddMinutes(15)));
        ThenRejected(AccountDecisions.SignIn(locked, passwordMatches: true, Now.AddMinutes(14)), RejectionKind.RuleViolation, "username");
        Assert.IsType<SignedIn>(ThenSingleEvent(AccountDecisions.SignIn(locked, passwordMatches: true, Now.AddMinutes(15))));
    }

    [Fact]
    public void Given_failures_When_a_sign_in_succeeds_Then_the_count_starts_again()
    {
        var state = Given(Created, new SignInFailed("lan.nguyen", 1), new SignInFailed("lan.nguyen", 2), new SignInFailed("lan.nguyen", 3));

        var after = Fold(state, AccountDecisions.SignIn(state, passwordMatches: true, Now));

        Assert.Equal(0, after.FailuresInARow);
        Assert.Equal([new SignInFailed("lan.nguyen", 1)], AccountDecisions.SignIn(after, passwordMatches: false, Now).Events);
    }

    [Fact]
    public void Given_a_service_account_When_signing_in_with_a_password_Then_refused()
    {
        var service = Given(new AccountCreated("lan.nguyen", "Máy", null, null, AccountKind.Service, null));
        ThenRejected(AccountDecisions.SignIn(service, passwordMatches: true, Now), RejectionKind.Forbidden, "username");
    }

    [Fact]
    public void Given_a_person_with_failures_and_a_lockout_When_signed_on_through_the_provider_Then_recorded_and_the_password_count_untouched()
    {
        // The lockout guards the password against guessing; the provider proved who this is by its own means.
        var locked = Given(Created, new SignInFailed("lan.nguyen", 4), new SignInFailed("lan.nguyen", 5), new AccountLockedOut("lan.nguyen", Now.AddMinutes(15)));

        var decision = AccountDecisions.SignOnThroughProvider(locked, "https://sso.travinh.gov.vn/realms/tg", "kc-7f3a");

        Assert.Equal(new SignedOnThroughProvider("lan.nguyen", "https://sso.travinh.gov.vn/realms/tg", "kc-7f3a"), ThenSingleEvent(decision));
        var after = Fold(locked, decision);
        Assert.Equal((Now.AddMinutes(15), 0, 0, true), (after.LockedUntil!.Value, after.FailuresInARow, after.SessionStamp, after.MustChangePassword));
    }

    [Fact]
    public void Given_no_account_a_disabled_one_or_a_service_When_signed_on_through_the_provider_Then_refused()
    {
        ThenRejected(AccountDecisions.SignOnThroughProvider(Given(), "https://sso", "kc-1"), RejectionKind.NotFound, "username");
        ThenRejected(AccountDecisions.SignOnThroughProvider(Given(Created, new AccountDisabled("lan.nguyen", "nghỉ hưu")), "https://sso", "kc-1"),
            RejectionKind.Forbidden, "username");
        ThenRejected(AccountDecisions.SignOnThroughProvider(Given(new AccountCreated("lan.nguyen", "Máy", null, null, AccountKind.Service, null)), "https://sso", "kc-1"),
            RejectionKind.Forbidden, "username");
    }

    [Fact]
    public void Given_the_first_password_When_changed_knowing_it_Then_changed_and_no_longer_required_and_sessions_end()
    {
        var decision = AccountDecisions.ChangePassword(Given(Created), currentMatches: true, NewPassword, Now);

        Assert.Equal(new PasswordChanged("lan.nguyen", NewPassword, PasswordChange.ByUser), ThenSingleEvent(decision));
        var after = Fold(Given(Created), decision);
        Assert.Equal((NewPassword, false, 1), (after.CredentialId!.Value, after.MustChangePassword, after.SessionStamp));
        ThenRejected(AccountDecisions.ChangePassword(Given(Created), currentMatches: false, NewPassword, Now), RejectionKind.RuleViolation, "currentPassword");
    }

    [Fact]
    public void Given_a_reset_link_When_used_in_time_Then_the_password_is_reset_the_account_unlocked_and_the_link_spent()
    {
        var locked = Given(Created, new AccountLockedOut("lan.nguyen", Now.AddMinutes(10)));
        var issued = Fold(locked, AccountDecisions.IssueResetLink(locked, "hash-1", Now));
        Assert.Equal(Now.AddHours(24), issued.ResetExpiresAt);

        var reset = AccountDecisions.ResetPassword(issued, "hash-1", NewPassword, Now.AddHours(23));

        Assert.Equal(new PasswordChanged("lan.nguyen", NewPassword, PasswordChange.ByResetLink), ThenSingleEvent(reset));
        var after = Fold(issued, reset);
        Assert.Equal((false, (string?)null), (after.IsLockedAt(Now), after.ResetTokenHash));
        ThenRejected(AccountDecisions.ResetPassword(after, "hash-1", Guid.NewGuid(), Now.AddHours(23)), RejectionKind.RuleViolation, "token");
    }

    [Theory]
    [InlineData("hash-2", 1)]
    [InlineData("hash-1", 24)]
    [InlineData("hash-1", 25)]
    public void Given_a_reset_link_When_another_secret_or_too_late_Then_refused(string hash, int hoursLater)
    {
        var issued = Given(Created, new PasswordResetLinkIssued("lan.nguyen", "hash-1", Now.AddHours(24)));
        ThenRejected(AccountDecisions.ResetPassword(issued, hash, NewPassword, Now.AddHours(hoursLater)), RejectionKind.RuleViolation, "token");
    }

    [Fact]
    public void Given_a_second_reset_link_When_the_first_is_used_Then_refused()
    {
        var twice = Given(Created, new PasswordResetLinkIssued("lan.nguyen", "hash-1", Now.AddHours(24)),
            new PasswordResetLinkIssued("lan.nguyen", "hash-2", Now.AddHours(25)));
        ThenRejected(AccountDecisions.ResetPassword(twice, "hash-1", NewPassword, Now), RejectionKind.RuleViolation, "token");
        Assert.IsType<PasswordChanged>(ThenSingleEvent(AccountDecisions.ResetPassword(twice, "hash-2", NewPassword, Now)));
    }

    [Theory]
    [InlineData("ngắn", "at least")]
    [InlineData("aaaaaaaaaaaa", "repeated")]
    [InlineData("xx-lan.nguyen-xx", "username")]
    public void Given_a_weak_password_When_checked_Then_refused_with_why(string password, string why) =>
        Assert.Contains(why, PasswordPolicy.Check("newPassword", password, "lan.nguyen")!.Reason);

    [Fact]
    public void Given_a_password_at_the_limits_When_checked_Then_ten_to_128_characters_pass()
    {
        Assert.Null(PasswordPolicy.Check("p", new string('a', 9) + "b", "lan.nguyen"));
        Assert.NotNull(PasswordPolicy.Check("p", new string('a', 8) + "b", "lan.nguyen"));
        Assert.Null(PasswordPolicy.Check("p", new string('a', 127) + "b", "lan.nguyen"));
        Assert.NotNull(PasswordPolicy.Check("p", new string('a', 128) + "b", "lan.nguyen"));
    }
}

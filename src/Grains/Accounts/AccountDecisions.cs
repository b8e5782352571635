using System.Text.RegularExpressions;
using TuyenGiao.Access;
using TuyenGiao.Common;

namespace TuyenGiao.Accounts;

/// <summary>
/// The account rules as pure functions: the state, the command, what the grain worked out (whether a password
/// matched, the id of a new credential) and the time in; events or a typed rejection out.
/// </summary>
public static partial class AccountDecisions
{
    /// <summary>Failed sign-ins in a row that lock the account.</summary>
    public const int MaxFailuresInARow = 5;

    public const int MaxNameLength = 200;
    public const int MaxReasonLength = 500;

    public static readonly TimeSpan LockoutLasts = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan ResetLinkLasts = TimeSpan.FromHours(24);

    /// <summary>
    /// Why the account may not be created as the command says, or null: checked by the grain before it hashes and stores a
    /// first password, and again by <see cref="Create"/> on the state it appends to.
    /// </summary>
    public static Rejection? MayCreate(Account state, CreateAccount command)
    {
        if (Usernames.Validate("username", state.Username) is { } badUsername)
            return badUsername;
        if (VietnameseText.ValidateName("fullName", VietnameseText.Normalize(command.FullName), MaxNameLength) is { } badName)
            return badName;
        var email = Blank(command.Email);
        var phone = Blank(command.Phone);
        if (email is not null && (email.Length > 254 || !EmailShape().IsMatch(email)))
            return Rejection.Invalid("email", "is not an e-mail address");
        if (phone is not null && !PhoneShape().IsMatch(phone))
            return Rejection.Invalid("phone", "must be 9 to 15 digits, with an optional leading +");
        if (command.Kind == AccountKind.Person && email is null && phone is null)
            return Rejection.Invalid("email", "a person's account needs an e-mail address or a phone number");
        if (command.Kind == AccountKind.Service && command.FirstPassword is not null)
            return Rejection.Invalid("firstPassword", "a service account has no password: it is issued tokens");
        if (command.Kind == AccountKind.Person && PasswordPolicy.Check("firstPassword", command.FirstPassword, state.Username) is { } weak)
            return weak;
        return state.IsCreated ? Rejection.Conflict("username", $"an account named '{state.Username}' already exists") : null;
    }

    /// <param name="firstCredentialId">The stored first password of a person (null for a service account).</param>
    public static Decision Create(Account state, CreateAccount command, Guid? firstCredentialId) =>
        MayCreate(state, command) is { } refused
            ? refused
            : Decision.Accept(new AccountCreated(state.Username, VietnameseText.Normalize(command.FullName)!, Blank(command.Email), Blank(command.Phone),
                command.Kind, firstCredentialId));

    public static Decision Grant(Account state, Grant grant)
    {
        if (NotCreated(state) is { } missing)
            return missing;
        if (state.IsDisabled)
            return Rejection.RuleViolation("username", $"'{state.Username}' is disabled: enable it before granting it anything");
        return state.Grants.Contains(grant) ? Decision.NothingToDo : Decision.Accept(new RoleGranted(state.Username, grant));
    }

    /// <summary>Revoking what the account does not hold changes nothing (a retried revocation is not an error).</summary>
    public static Decision Revoke(Account state, Grant grant)
    {
        if (NotCreated(state) is { } missing)
            return missing;
        return state.Grants.Contains(grant) ? Decision.Accept(new RoleRevoked(state.Username, grant)) : Decision.NothingToDo;
    }

    public static Decision Disable(Account state, string? reason)
    {
        if (NotCreated(state) is { } missing)
            return missing;
        var normalized = VietnameseText.Normalize(reason);
        if (VietnameseText.ValidateName("reason", normalized, MaxReasonLength) is { } badReason)
            return badReason;
        return state.IsDisabled ? Decision.NothingToDo : Decision.Accept(new AccountDisabled(state.Username, normalized!));
    }

    public static Decision Enable(Account state)
    {
        if (NotCreated(state) is { } missing)
            return missing;
        return state.IsDisabled ? Decision.Accept(new AccountEnabled(state.Username)) : Decision.NothingToDo;
    }

    /// <summary>
    /// A sign-in with a password: the grain checked the password against the account's credential; this decides what it
    /// comes to. Every failure is recorded; the <see cref="MaxFailuresInARow"/>th locks the account for
    /// <see cref="LockoutLasts"/>, during which no password is even checked.
    /// </summary>
    public static Decision SignIn(Account state, bool passwordMatches, DateTimeOffset now)
    {
        if (MayNotSignIn(state, now) is { } refused)
            return refused;
        if (passwordMatches)
            return Decision.Accept(new SignedIn(state.Username));
        var failures = state.FailuresInARow + 1;
        return failures >= MaxFailuresInARow
            ? Decision.Accept(new SignInFailed(state.Username, failures), new AccountLockedOut(state.Username, now + LockoutLasts))
            : Decision.Accept(new SignInFailed(state.Username, failures));
    }

    /// <summary>
    /// A sign-in through the single sign-on provider, which proved who the person is: an enabled person's account may,
    /// even while its password is locked (the lockout guards the password against guessing, which played no part here).
    /// </summary>
    public static Decision SignOnThroughProvider(Account state, string provider, string subject)
    {
        if (NotCreated(state) is { } missing)
            return missing;
        if (state.IsDisabled || state.Kind != AccountKind.Person)
            return Rejection.Forbidden("username", "this account may not sign in");
        return Decision.Accept(new SignedOnThroughProvider(state.Username, provider, subject));
    }

    /// <summary>Why the account may not sign in with a password at all now, or null when it may try.</summary>
    public static Rejection? MayNotSignIn(Account state, DateTimeOffset now)
    {
        if (!state.IsCreated || state.IsDisabled || state.Kind != AccountKind.Person || state.CredentialId is null)
            return Rejection.Forbidden("username", "this account may not sign in with a password");
        if (state.IsLockedAt(now))
            return Rejection.RuleViolation("username", $"locked after {MaxFailuresInARow} failed sign-ins until {state.LockedUntil:O}");
        return null;
    }

    /// <param name="currentMatches">Whether the current password given matched the account's credential.</param>
    public static Decision ChangePassword(Account state, bool currentMatches, Guid newCredentialId, DateTimeOffset now)
    {
        if (MayNotSignIn(state, now) is { } refused)
            return refused;
        if (!currentMatches)
            return Rejection.RuleViolation("currentPassword", "is not the account's current password");
        return Decision.Accept(new PasswordChanged(state.Username, newCredentialId, PasswordChange.ByUser));
    }

    public static Decision IssueResetLink(Account state, string tokenHash, DateTimeOffset now)
    {
        if (NotCreated(state) is { } missing)
            return missing;
        if (state.Kind != AccountKind.Person)
            return Rejection.RuleViolation("username", "a service account has no password to reset");
        return Decision.Accept(new PasswordResetLinkIssued(state.Username, tokenHash, now + ResetLinkLasts));
    }

    /// <summary>A link works once, until it expires, and only the latest one issued; it unlocks the account too.</summary>
    public static Decision ResetPassword(Account state, string tokenHash, Guid newCredentialId, DateTimeOffset now) =>
        MayResetWith(state, tokenHash, now) is { } refused
            ? refused
            : Decision.Accept(new PasswordChanged(state.Username, newCredentialId, PasswordChange.ByResetLink));

    /// <summary>Why the link cannot set a password now, or null: checked by the grain before it hashes and stores one.</summary>
    public static Rejection? MayResetWith(Account state, string tokenHash, DateTimeOffset now) =>
        !state.IsCreated || state.IsDisabled || state.ResetTokenHash is null || state.ResetTokenHash != tokenHash ||
        state.ResetExpiresAt is not { } expires || expires <= now
            ? Rejection.RuleViolation("token", "this link has expired or been used: ask an admin for a new one")
            : null;

    private static Rejection? NotCreated(Account state) =>
        state.IsCreated ? null : Rejection.NotFound("username", $"no account is named '{state.Username}'");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : VietnameseText.Normalize(text.Trim());

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^\+?[0-9]{9,15}$", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneShape();
}

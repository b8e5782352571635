using System.ComponentModel.DataAnnotations;
using TuyenGiao.Access;
using TuyenGiao.Accounts;

namespace TuyenGiao.Api.Accounts;

// The JSON shapes of the session and account endpoints. Request fields are nullable so that a missing field is reported
// by name. No response ever carries a password or its hash.

public sealed record SignInRequest([property: Required] string? Username, [property: Required] string? Password);

public sealed record ChangePasswordRequest([property: Required] string? CurrentPassword, [property: Required] string? NewPassword);

/// <param name="Token">The whole token of the one-time link (after "#token=").</param>
public sealed record ResetPasswordRequest([property: Required] string? Token, [property: Required] string? NewPassword);

public sealed record AntiforgeryResponse(string Token, string HeaderName);

/// <param name="MustChangePassword">True until the first (or reset) password is changed: until then the account is granted nothing.</param>
/// <param name="MustChangePassword">The first (or reset) password is still to be changed: nothing is granted until then.
/// Never so for a session the single sign-on provider proved, which uses no password of the account.</param>
/// <param name="SignedOnElsewhere">Signed in through the single sign-on provider.</param>
public sealed record SessionResponse(string Username, string FullName, IReadOnlyList<GrantResponse> Grants, bool MustChangePassword, bool SignedOnElsewhere)
{
    public static SessionResponse From(AccountAccess access, bool signedOnElsewhere = false) =>
        new(access.Username, access.FullName, access.Grants.Select(GrantResponse.From).ToList(),
            Security.AccountSessions.MustChangePasswordFirst(access, signedOnElsewhere), signedOnElsewhere);
}

/// <param name="SingleSignOn">The province's provider, when one is set up: the login page offers to sign in through it.</param>
public sealed record SignInOptionsResponse(SingleSignOnOption? SingleSignOn);

/// <param name="Name">What the login page's button names it.</param>
/// <param name="Start">Where the browser goes to sign in through it (add ?next=#/page to come back to a page).</param>
public sealed record SingleSignOnOption(string Name, string Start);

public sealed record AccountTokenResponse(string Token, DateTimeOffset ExpiresAt);

/// <param name="Kind">Person (signs in with a password; the default) or Service (a program, issued tokens by an admin).</param>
/// <param name="FirstPassword">A person's first password, which they must change at their first sign-in.</param>
public sealed record CreateAccountRequest(
    [property: Required] string? Username,
    [property: Required] string? FullName,
    string? Email,
    string? Phone,
    AccountKind? Kind,
    string? FirstPassword);

/// <param name="CommitteeCode">For an officer or organiser: the committee they act for.</param>
/// <param name="ContestId">For a judge: the contest whose panel they sit on (none: any panel they are assigned to).</param>
public sealed record GrantRequest([property: Required] Role? Role, string? CommitteeCode, string? ContestId);

public sealed record DisableAccountRequest([property: Required] string? Reason);

public sealed record GrantResponse(Role Role, string? CommitteeCode, string? ContestId)
{
    public static GrantResponse From(Grant g) => new(g.Role, g.CommitteeCode, g.ContestId);
}

public sealed record AccountResponse(
    string Username, string FullName, string? Email, string? Phone, AccountKind Kind, IReadOnlyList<GrantResponse> Grants,
    bool Disabled, bool MustChangePassword, DateTimeOffset? LockedUntil, long Version)
{
    public static AccountResponse From(Account a) =>
        new(a.Username, a.FullName, a.Email, a.Phone, a.Kind, a.Grants.Select(GrantResponse.From).ToList(), a.IsDisabled, a.MustChangePassword,
            a.LockedUntil, a.Version);
}

/// <param name="Link">The page that sets a new password, with the one-time token after '#': give it to the person, once.</param>
public sealed record ResetLinkResponse(string Link, DateTimeOffset ExpiresAt);

/// <summary>A grant that was in force at the moment asked about, and who gave it when.</summary>
public sealed record GrantInForceResponse(string Username, GrantResponse Grant, DateTimeOffset GrantedAt, string GrantedBy);

using TuyenGiao.Access;

namespace TuyenGiao.Accounts;

// The facts of an account's life, each recorded with its actor (who created, granted, revoked, disabled) and time, so
// that an auditor can answer who could do what on a day and who gave them that right. No password, hashed or not, is
// ever in an event: a password is a credential row (AccountCredentials) that the events name by its id.

/// <param name="FirstCredentialId">A person's first password, which they must change at their first sign-in; a service
/// account signs in with tokens only and has none.</param>
public sealed record AccountCreated(string Username, string FullName, string? Email, string? Phone, AccountKind Kind, Guid? FirstCredentialId);

public sealed record RoleGranted(string Username, Grant Grant);

public sealed record RoleRevoked(string Username, Grant Grant);

public sealed record AccountDisabled(string Username, string Reason);

public sealed record AccountEnabled(string Username);

public sealed record PasswordChanged(string Username, Guid CredentialId, PasswordChange How);

/// <param name="TokenHash">SHA-256 of the one-time link's secret, never the secret itself.</param>
public sealed record PasswordResetLinkIssued(string Username, string TokenHash, DateTimeOffset ExpiresAt);

public sealed record SignedIn(string Username);

/// <summary>A person signed in on the web UI through the province's single sign-on provider (no password of theirs was used).</summary>
/// <param name="Provider">The provider's issuer.</param>
/// <param name="Subject">Who the provider said it was: its subject for the person.</param>
public sealed record SignedOnThroughProvider(string Username, string Provider, string Subject);

public sealed record SignInFailed(string Username, int FailuresInARow);

public sealed record AccountLockedOut(string Username, DateTimeOffset Until);

public enum AccountKind
{
    /// <summary>A person, who signs in on the login page with a password.</summary>
    Person,
    /// <summary>A program: no password; an admin issues it bearer tokens, which stop working when it is disabled.</summary>
    Service,
}

public enum PasswordChange
{
    /// <summary>The user changed it, knowing the one before.</summary>
    ByUser,
    /// <summary>Through a one-time link an admin issued.</summary>
    ByResetLink,
}

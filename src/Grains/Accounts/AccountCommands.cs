namespace TuyenGiao.Accounts;

/// <param name="FirstPassword">A person's first password, given by whoever creates the account and changed by the person
/// at their first sign-in. Null for a service account.</param>
[GenerateSerializer, Immutable]
public sealed record CreateAccount(
    [property: Id(0)] string FullName,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? Phone,
    [property: Id(3)] AccountKind Kind,
    [property: Id(4)] string? FirstPassword);

/// <summary>What a sign-in came to. <see cref="LockedUntil"/> is set when the account is locked, by this attempt or before it.</summary>
[GenerateSerializer, Immutable]
public sealed record SignInResult(
    [property: Id(0)] SignInOutcome Outcome,
    [property: Id(1)] DateTimeOffset? LockedUntil = null,
    [property: Id(2)] AccountAccess? Access = null);

public enum SignInOutcome
{
    SignedIn,
    /// <summary>Unknown user, wrong password, disabled or service account: one answer for all, so none can be told apart.</summary>
    Refused,
    LockedOut,
}

/// <summary>What a session or a token of this account may do now; null (no access) for an account disabled or not created.</summary>
[GenerateSerializer, Immutable]
public sealed record AccountAccess(
    [property: Id(0)] string Username,
    [property: Id(1)] string FullName,
    [property: Id(2)] IReadOnlyList<Access.Grant> Grants,
    [property: Id(3)] int SessionStamp,
    [property: Id(4)] bool MustChangePassword)
{
    public static AccountAccess? Of(Account account) => account is { IsCreated: true, IsDisabled: false }
        ? new AccountAccess(account.Username, account.FullName, account.Grants, account.SessionStamp, account.MustChangePassword)
        : null;
}

/// <summary>A one-time link's secret, shown once to the admin who asked for it; the account keeps only its hash.</summary>
[GenerateSerializer, Immutable]
public sealed record ResetLink(
    [property: Id(0)] string Token,
    [property: Id(1)] DateTimeOffset ExpiresAt);

[GenerateSerializer, Immutable]
public sealed record ResetLinkResult(
    [property: Id(0)] ResetLink? Link,
    [property: Id(1)] Common.Rejection? Rejection);

using TuyenGiao.Access;
using TuyenGiao.EventStore;

namespace TuyenGiao.Accounts;

/// <summary>
/// An account as its events made it: the grain's state and Marten's inline snapshot (the read model the user list and
/// the sign-in checks read). <see cref="SessionStamp"/> moves on whenever sessions and tokens issued before must stop
/// working: the account disabled, a grant revoked, the password changed.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Account(
    [property: Id(0)] string Id,
    [property: Id(1)] string Username,
    [property: Id(2)] string FullName,
    [property: Id(3)] string? Email,
    [property: Id(4)] string? Phone,
    [property: Id(5)] AccountKind Kind,
    [property: Id(6)] IReadOnlyList<Grant> Grants,
    [property: Id(7)] bool IsCreated,
    [property: Id(8)] bool IsDisabled,
    [property: Id(9)] Guid? CredentialId,
    [property: Id(10)] bool MustChangePassword,
    [property: Id(11)] int FailuresInARow,
    [property: Id(12)] DateTimeOffset? LockedUntil,
    [property: Id(13)] string? ResetTokenHash,
    [property: Id(14)] DateTimeOffset? ResetExpiresAt,
    [property: Id(15)] int SessionStamp) : IVersionedSnapshot
{
    /// <inheritdoc />
    [Id(16)]
    public long Version { get; init; }

    public static string StreamIdFor(string username) => $"account/{username}";

    public static Account NotCreated(string username) =>
        new(StreamIdFor(username), username, "", null, null, AccountKind.Person, [], false, false, null, false, 0, null, null, null, 0);

    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

using Marten;

namespace TuyenGiao.Accounts;

/// <summary>A password hash, kept out of the event log: written once, never changed, named by the events by its id.</summary>
public sealed record AccountCredential(Guid Id, string Username, string Hash, DateTimeOffset CreatedAt);

/// <summary>
/// The credential rows. A new password is stored as a new row before the event that names it is appended: should the
/// append fail, the row is named by no event and never used, so a password changes exactly when its event is stored.
/// </summary>
public sealed class AccountCredentials(IDocumentStore store, IPasswordHasher hasher, TimeProvider time)
{
    public async Task<Guid> StoreAsync(string username, string password, CancellationToken ct = default)
    {
        var credential = new AccountCredential(Guid.NewGuid(), username, hasher.Hash(password), time.GetUtcNow());
        await using var session = store.LightweightSession();
        session.Insert(credential);
        await session.SaveChangesAsync(ct);
        return credential.Id;
    }

    /// <summary>Whether <paramref name="password"/> is the one of the credential the account names (false when there is none).</summary>
    public async Task<bool> MatchesAsync(string username, Guid? credentialId, string password, CancellationToken ct = default)
    {
        if (credentialId is not { } id)
            return false;
        await using var session = store.QuerySession();
        var credential = await session.LoadAsync<AccountCredential>(id, ct);
        return credential is not null && credential.Username == username && hasher.Verify(credential.Hash, password);
    }
}

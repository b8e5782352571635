using Marten;

namespace TuyenGiao.Accounts;

/// <summary>The accounts as their inline snapshots stand: the list an admin or officer manages from.</summary>
public sealed class AccountDirectory(IDocumentStore store)
{
    public async Task<IReadOnlyList<Account>> AllAsync(CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<Account>().Where(a => a.IsCreated).OrderBy(a => a.Username).ToListAsync(ct);
    }

    /// <summary>The account with this e-mail (compared without case), or null; the first by username if several share it.</summary>
    public async Task<Account?> FindByEmailAsync(string email, CancellationToken ct = default)
    {
        var wanted = email.Trim().ToLowerInvariant();
        await using var session = store.QuerySession();
        return await session.Query<Account>().Where(a => a.IsCreated && a.Email != null && a.Email.ToLower() == wanted)
            .OrderBy(a => a.Username).FirstOrDefaultAsync(ct);
    }
}

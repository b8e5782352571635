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
}

using Marten;

namespace TuyenGiao.Committees;

/// <summary>
/// Hierarchy queries over the committee snapshots, which Marten updates in the same transaction as the
/// events, so they are never behind what was acknowledged.
/// </summary>
public sealed class CommitteeDirectory(IDocumentStore store)
{
    /// <summary>Deeper than any real hierarchy (central, province, district or bloc, grassroots): a guard against bad data.</summary>
    private const int MaxDepth = 32;

    public async Task<Committee?> FindAsync(string code, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var committee = await session.LoadAsync<Committee>(Committee.StreamIdFor(code), ct);
        return committee is { IsRegistered: true } ? committee : null;
    }

    /// <summary>The registered committees among <paramref name="codes"/>, by code.</summary>
    public async Task<IReadOnlyDictionary<string, Committee>> FindManyAsync(IEnumerable<string> codes, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var found = await session.LoadManyAsync<Committee>(ct, codes.Select(Committee.StreamIdFor).ToArray());
        return found.Where(c => c.IsRegistered).ToDictionary(c => c.Code, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<Committee>> RootsAsync(CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<Committee>()
            .Where(c => c.IsRegistered && c.ParentCode == null)
            .OrderBy(c => c.Code)
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<Committee>> ChildrenAsync(string code, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<Committee>()
            .Where(c => c.IsRegistered && c.ParentCode == code)
            .OrderBy(c => c.Code)
            .ToListAsync(ct);
    }

    /// <summary>The committee and everything below it, breadth first, each with its depth below the top (0 for the top).</summary>
    public async Task<IReadOnlyList<(Committee Committee, int Depth)>> SubtreeAsync(string code, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var top = await session.LoadAsync<Committee>(Committee.StreamIdFor(code), ct);
        if (top is not { IsRegistered: true })
            return [];
        var result = new List<(Committee, int)> { (top, 0) };
        var seen = new HashSet<string> { top.Code };
        string[] frontier = [top.Code];
        for (var depth = 1; frontier.Length > 0 && depth <= MaxDepth; depth++)
        {
            var level = await session.Query<Committee>()
                .Where(c => c.IsRegistered && c.ParentCode != null && frontier.Contains(c.ParentCode))
                .OrderBy(c => c.Code)
                .ToListAsync(ct);
            var fresh = level.Where(c => seen.Add(c.Code)).ToList();
            result.AddRange(fresh.Select(c => (c, depth)));
            frontier = fresh.Select(c => c.Code).ToArray();
        }
        return result;
    }

    /// <summary>The committee first, then its parent, up to the root; empty when no committee has this code.</summary>
    public async Task<IReadOnlyList<Committee>> PathToRootAsync(string code, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var path = new List<Committee>();
        var seen = new HashSet<string>();
        string? next = code;
        while (next is not null && path.Count < MaxDepth && seen.Add(next))
        {
            var committee = await session.LoadAsync<Committee>(Committee.StreamIdFor(next), ct);
            if (committee is not { IsRegistered: true })
                break;
            path.Add(committee);
            next = committee.ParentCode;
        }
        return path;
    }
}

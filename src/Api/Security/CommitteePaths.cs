using Microsoft.Extensions.Caching.Memory;
using TuyenGiao.Committees;

namespace TuyenGiao.Api.Security;

/// <summary>
/// A committee's path to the root (itself first), for the access rules. Paths are cached for a few seconds because
/// every submission asks; a committee that does not exist yet is not cached, so one registered a moment ago is found.
/// A move therefore reaches permissions within <see cref="Lifetime"/>.
/// </summary>
public sealed class CommitteePaths(CommitteeDirectory directory, IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    public async Task<IReadOnlyList<string>> OfAsync(string code, CancellationToken ct = default)
    {
        var normalized = CommitteeCode.Normalize(code);
        if (CommitteeCode.Validate("code", normalized) is not null)
            return [];
        var key = (nameof(CommitteePaths), normalized);
        if (cache.TryGetValue(key, out IReadOnlyList<string>? cached) && cached is not null)
            return cached;
        IReadOnlyList<string> path = (await directory.PathToRootAsync(normalized, ct: ct)).Select(c => c.Code).ToArray();
        if (path.Count > 0)
            cache.Set(key, path, Lifetime);
        return path;
    }
}

namespace TuyenGiao.Committees;

/// <summary>
/// A grain's short memory of committee paths, for the requests that each name a committee (entries, quiz registrations:
/// committees are few, requests many): a path is looked up again after <see cref="Lifetime"/>, so a reorganisation
/// taking effect reaches an active grain within it.
/// </summary>
public sealed class CommitteePathLookup(CommitteeDirectory directory, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, (IReadOnlyList<string> Path, DateTimeOffset Until)> _paths = new(StringComparer.Ordinal);

    /// <summary>The committee's code first, then each one above it, as they stand today; empty for a code that is none or does not stand.</summary>
    public async Task<IReadOnlyList<string>> OfAsync(string committeeCode)
    {
        var now = time.GetUtcNow();
        if (_paths.TryGetValue(committeeCode, out var known) && known.Until > now)
            return known.Path;
        if (CommitteeCode.Validate("committeeCode", committeeCode) is not null)
            return [];
        var path = (await directory.PathToRootAsync(committeeCode)).Select(c => c.Code).ToList();
        // A committee that does not stand is asked again next time: it may be registered a moment later.
        if (path.Count > 0)
            _paths[committeeCode] = (path, now + Lifetime);
        return path;
    }

    /// <summary>Looks the committee up again next time (a decision made again after a conflict reads the hierarchy afresh).</summary>
    public void Forget(string committeeCode) => _paths.Remove(committeeCode);
}

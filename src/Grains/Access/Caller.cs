namespace TuyenGiao.Access;

/// <summary>
/// Who is asking: the user (a token's subject, a judge's id on a panel) and every grant they hold. Every rule reads all
/// the grants, so a user with two (an officer of one committee and an organiser of another, or a judge who is also an
/// admin) is allowed what either allows, the same way at the endpoint and in the rule. Anonymous callers hold none.
/// </summary>
public sealed record Caller(string Id, IReadOnlyList<Grant> Grants)
{
    public static readonly Caller Anonymous = new("anonymous", []);

    /// <summary>A caller with one grant (or none, when <paramref name="role"/> is null), as a token with one role names it.</summary>
    public Caller(string id, Role? role, string? committeeCode = null)
        : this(id, role is { } r ? [new Grant(r, Grant.ActsForACommittee(r) ? committeeCode : null)] : [])
    {
    }

    public bool Is(Role role) => Grants.Any(g => g.Role == role);

    public bool IsSignedIn => Grants.Count > 0;

    /// <summary>The committees the caller acts for in <paramref name="role"/>, in the order the grants were given.</summary>
    public IReadOnlyList<string> CommitteesAs(Role role) =>
        Grants.Where(g => g.Role == role && g.CommitteeCode is not null).Select(g => g.CommitteeCode!).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Whether a grant in <paramref name="role"/> acts for the committee of <paramref name="path"/>.</summary>
    public bool CoversAs(Role role, IReadOnlyList<string> path) => Grants.Any(g => g.Role == role && g.Covers(path));
}

namespace TuyenGiao.Committees.Organisation;

/// <summary>
/// Lists of committees named before a reorganisation (a contest's eligible committees, a campaign's participants)
/// read as they stand today: a committee that was merged or dissolved is represented by its successor, so what it was
/// entitled to passes to the committee that took it over.
/// </summary>
public static class Successors
{
    public static IReadOnlyList<string> StandingFor(IReadOnlyList<string> codes, IReadOnlyDictionary<string, string>? standingFor) =>
        standingFor is null or { Count: 0 } ? codes : codes.Select(c => standingFor.GetValueOrDefault(c, c)).Distinct().ToList();

    /// <summary>The committees among <paramref name="codes"/> that no longer stand on the chart's day, each with who stands for it.</summary>
    public static IReadOnlyDictionary<string, string> Of(IEnumerable<string> codes, OrganisationChart chart) =>
        codes.Distinct()
            .Select(c => (Code: c, Successor: chart.Successor(c)))
            .Where(s => s.Successor is not null && s.Successor != s.Code)
            .ToDictionary(s => s.Code, s => s.Successor!, StringComparer.Ordinal);
}

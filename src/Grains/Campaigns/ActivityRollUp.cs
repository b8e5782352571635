namespace TuyenGiao.Campaigns;

/// <summary>A committee's own reported figures and those of its whole subtree, with the rates recomputed from the sums.</summary>
[GenerateSerializer, Immutable]
public sealed record CommitteeFigures(
    [property: Id(0)] string Code,
    [property: Id(1)] int OwnReports,
    [property: Id(2)] ActivityFigures Own,
    [property: Id(3)] int Reports,
    [property: Id(4)] ActivityFigures Subtree,
    [property: Id(5)] decimal? ParticipationPercent,
    [property: Id(6)] decimal? PledgePercent);

/// <summary>
/// Rolls reports up the hierarchy: each report counts for its committee and for every ancestor on the path it was
/// recorded with. A pure function of the reports, shared by campaign figures and period reports.
/// </summary>
public static class ActivityRollUp
{
    public static IReadOnlyList<CommitteeFigures> ByCommittee(IEnumerable<(string CommitteeCode, IReadOnlyList<string> Path, ActivityFigures Figures)> reports)
    {
        var own = new Dictionary<string, (int Reports, ActivityFigures Figures)>(StringComparer.Ordinal);
        var subtree = new Dictionary<string, (int Reports, ActivityFigures Figures)>(StringComparer.Ordinal);
        foreach (var (code, path, figures) in reports)
        {
            Add(own, code, figures);
            foreach (var ancestor in path)
                Add(subtree, ancestor, figures);
        }
        return subtree.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s =>
        {
            var mine = own.TryGetValue(s.Key, out var found) ? found : (Reports: 0, Figures: ActivityFigures.Zero);
            return new CommitteeFigures(s.Key, mine.Reports, mine.Figures, s.Value.Reports, s.Value.Figures,
                ActivityRates.ParticipationPercent(s.Value.Figures), ActivityRates.PledgePercent(s.Value.Figures));
        }).ToList();
    }

    private static void Add(Dictionary<string, (int Reports, ActivityFigures Figures)> sums, string code, ActivityFigures figures)
    {
        var sum = sums.TryGetValue(code, out var found) ? found : (Reports: 0, Figures: ActivityFigures.Zero);
        sums[code] = (sum.Reports + 1, sum.Figures.Add(figures));
    }
}

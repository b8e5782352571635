namespace TuyenGiao.Committees.Organisation;

/// <summary>
/// Figures recorded for committees, summed up the hierarchy as it was organised on a chosen day: each figure counts
/// for the committee standing for its own committee on that day (itself, or its successor once it ceased) and for
/// every committee above that one. Asked for the day the figures were recorded, it gives the roll-up of the time;
/// asked for today, the history of merged and dissolved committees counts under their successors. The total at the
/// top is the same either way: figures move, none is lost or counted twice.
/// </summary>
public static class OrganisedRollUp
{
    public sealed record Line(string Code, long Own, long Total);

    public static IReadOnlyList<Line> Sum(IEnumerable<(string CommitteeCode, long Value)> figures, OrganisationChart chart)
    {
        var own = new Dictionary<string, long>(StringComparer.Ordinal);
        var total = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (code, value) in figures)
        {
            var path = chart.PathToRoot(code);
            // A committee the chart does not know still keeps its figure, under its own code.
            if (path.Count == 0)
                path = [code];
            own[path[0]] = own.GetValueOrDefault(path[0]) + value;
            foreach (var committee in path)
                total[committee] = total.GetValueOrDefault(committee) + value;
        }
        return total.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new Line(t.Key, own.GetValueOrDefault(t.Key), t.Value)).ToList();
    }
}

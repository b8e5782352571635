namespace TuyenGiao.Committees.Organisation;

/// <summary>
/// The hierarchy as it stood on one day, from every committee's timeline: who stood, under whom, by what name, and
/// where a committee that had ceased by then went. Pure: the same timelines and day give the same chart.
/// </summary>
public sealed class OrganisationChart
{
    /// <summary>Deeper than any real hierarchy: a guard against a cycle in bad data.</summary>
    private const int MaxDepth = 32;

    private readonly IReadOnlyDictionary<string, CommitteeTimeline> _timelines;

    public OrganisationChart(IEnumerable<CommitteeTimeline> timelines, DateOnly day)
    {
        _timelines = timelines.ToDictionary(t => t.Code, StringComparer.Ordinal);
        Day = day;
    }

    public DateOnly Day { get; }

    /// <summary>Every known committee that counts within <paramref name="top"/>'s subtree on this day, ceased ones under their successors included.</summary>
    public IReadOnlyList<string> CountingUnder(string top) => _timelines.Keys.Where(c => PathToRoot(c).Contains(top)).ToList();

    public CommitteeTimeline? TimelineOf(string code) => _timelines.GetValueOrDefault(code);

    public bool Stands(string code) => _timelines.TryGetValue(code, out var t) && t.StandsOn(Day);

    public string? NameOf(string code) => _timelines.TryGetValue(code, out var t) ? t.NameOn(Day) : null;

    public CommitteeLevel? LevelOf(string code) => _timelines.TryGetValue(code, out var t) ? t.Level : null;

    /// <summary>
    /// The committee that stands for <paramref name="code"/> on this day: itself while it stands, otherwise the
    /// successor it was merged into or dissolved in favour of (and that one's, if it ceased too). Null for an unknown code,
    /// and for one not yet established that day (nobody stands for it yet).
    /// </summary>
    public string? Successor(string code)
    {
        var current = code;
        for (var hops = 0; hops <= MaxDepth; hops++)
        {
            if (!_timelines.TryGetValue(current, out var t))
                return null;
            if (t.StandsOn(Day))
                return current;
            if (t.Ceased is not { } ceased || Day < (t.EstablishedOn ?? CommitteeTimeline.Always))
                return null;
            current = ceased.SuccessorCode;
        }
        return null;
    }

    /// <summary>The parent on this day; a parent that had ceased hands its children to its successor.</summary>
    public string? ParentOf(string code)
    {
        if (!_timelines.TryGetValue(code, out var t))
            return null;
        return t.ParentOn(Day) is { } parent ? Successor(parent) : null;
    }

    /// <summary>From the committee standing for <paramref name="code"/> up to the root, that committee first.</summary>
    public IReadOnlyList<string> PathToRoot(string code)
    {
        var path = new List<string>();
        for (var current = Successor(code); current is not null && path.Count <= MaxDepth && !path.Contains(current); current = ParentOf(current))
            path.Add(current);
        return path;
    }

    public IReadOnlyList<string> Roots() =>
        _timelines.Keys.Where(c => Stands(c) && ParentOf(c) is null).Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<string> ChildrenOf(string code) =>
        _timelines.Keys.Where(c => Stands(c) && ParentOf(c) == code).Order(StringComparer.Ordinal).ToList();

    /// <summary>The committee and everything below it on this day, breadth first, each with its depth below the top.</summary>
    public IReadOnlyList<(string Code, int Depth)> Subtree(string code)
    {
        if (!Stands(code))
            return [];
        var children = _timelines.Keys.Where(Stands).GroupBy(c => ParentOf(c) ?? "").ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToList());
        var result = new List<(string, int)> { (code, 0) };
        var frontier = new List<string> { code };
        for (var depth = 1; frontier.Count > 0 && depth <= MaxDepth; depth++)
        {
            frontier = frontier.SelectMany(c => children.GetValueOrDefault(c) ?? []).ToList();
            result.AddRange(frontier.Select(c => (c, depth)));
        }
        return result;
    }
}

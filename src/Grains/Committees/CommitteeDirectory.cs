using Marten;
using TuyenGiao.Committees.Organisation;

namespace TuyenGiao.Committees;

/// <summary>
/// The hierarchy as it stands today: who stands, under whom and by what name come from the chart of today
/// (<see cref="OrganisationHistory"/>), so a reorganisation scheduled ahead takes effect on its day without anyone
/// touching a document, and a merged or dissolved committee no longer stands. Level and member count come from the
/// committee snapshots, which Marten updates in the append's own transaction: neither is ever behind what was
/// acknowledged. Every query also answers for another day (<c>on</c>): the hierarchy as it stood, or will stand, then.
/// </summary>
public sealed class CommitteeDirectory(IDocumentStore store, OrganisationHistory history, TimeProvider time)
{
    /// <summary>The committee as it stands today; null when no committee has this code or it no longer (or not yet) stands.</summary>
    public async Task<Committee?> FindAsync(string code, CancellationToken ct = default)
    {
        var chart = await ChartAsync(null, ct);
        if (!chart.Stands(code))
            return null;
        await using var session = store.QuerySession();
        var committee = await session.LoadAsync<Committee>(Committee.StreamIdFor(code), ct);
        return committee is { IsRegistered: true } ? AsOrganised(committee, chart) : null;
    }

    /// <summary>The registered committees among <paramref name="codes"/>, by code, as recorded (callers restate them for their day).</summary>
    public async Task<IReadOnlyDictionary<string, Committee>> FindManyAsync(IEnumerable<string> codes, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var found = await session.LoadManyAsync<Committee>(ct, codes.Select(Committee.StreamIdFor).ToArray());
        return found.Where(c => c.IsRegistered).ToDictionary(c => c.Code, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<Committee>> RootsAsync(DateOnly? on = null, CancellationToken ct = default)
    {
        var chart = await ChartAsync(on, ct);
        return await LoadAsync(chart.Roots(), chart, ct);
    }

    /// <summary>Null when the committee does not stand that day.</summary>
    public async Task<IReadOnlyList<Committee>?> ChildrenAsync(string code, DateOnly? on = null, CancellationToken ct = default)
    {
        var chart = await ChartAsync(on, ct);
        if (!chart.Stands(code))
            return null;
        return await LoadAsync(chart.ChildrenOf(code), chart, ct);
    }

    /// <summary>The committee and everything below it today, breadth first, each with its depth below the top (0 for the top).</summary>
    public async Task<IReadOnlyList<(Committee Committee, int Depth)>> SubtreeAsync(string code, DateOnly? on = null, CancellationToken ct = default)
    {
        var chart = await ChartAsync(on, ct);
        var nodes = chart.Subtree(code);
        var committees = await FindManyAsync(nodes.Select(n => n.Code), ct);
        return nodes.Where(n => committees.ContainsKey(n.Code)).Select(n => (AsOrganised(committees[n.Code], chart), n.Depth)).ToList();
    }

    /// <summary>The committee first, then its parent, up to the root, as they stand today; empty when the committee does not stand.</summary>
    public async Task<IReadOnlyList<Committee>> PathToRootAsync(string code, DateOnly? on = null, CancellationToken ct = default)
    {
        var chart = await ChartAsync(on, ct);
        return chart.Stands(code) ? await LoadAsync(chart.PathToRoot(code), chart, ct) : [];
    }

    private Task<OrganisationChart> ChartAsync(DateOnly? on, CancellationToken ct) =>
        on is { } day ? history.ChartAsync(day, ct) : history.TodayAsync(time, ct);

    private async Task<IReadOnlyList<Committee>> LoadAsync(IReadOnlyList<string> codes, OrganisationChart chart, CancellationToken ct)
    {
        var committees = await FindManyAsync(codes, ct);
        return codes.Where(committees.ContainsKey).Select(c => AsOrganised(committees[c], chart)).ToList();
    }

    /// <summary>The snapshot with the name and parent the chart gives it.</summary>
    public static Committee AsOrganised(Committee committee, OrganisationChart chart) =>
        committee with { Name = chart.NameOf(committee.Code) ?? committee.Name, ParentCode = chart.ParentOf(committee.Code) };
}

using Marten;
using Marten.Events;
using TuyenGiao.Contests;

namespace TuyenGiao.Committees.Organisation;

/// <summary>
/// Every committee's timeline, folded from the committee events in store order: the hierarchy as it was on any day.
/// Read on demand: committees are counted in thousands, their events in a few times that.
/// </summary>
public sealed class OrganisationHistory(IDocumentStore store)
{
    private static readonly Type[] HierarchyEvents =
    [
        typeof(CommitteeRegistered), typeof(CommitteeMoved), typeof(CommitteeRenamed),
        typeof(CommitteeReparented), typeof(CommitteeRenamedOn), typeof(CommitteeMerged), typeof(CommitteeDissolved),
    ];

    public async Task<IReadOnlyList<CommitteeTimeline>> TimelinesAsync(CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.EventTypesAre(HierarchyEvents))
            .OrderBy(e => e.Sequence)
            .ToListAsync(ct);
        var timelines = new Dictionary<string, CommitteeTimeline>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (CodeOf(e.Data) is not { } code)
                continue;
            // A change without an effective day of its own took effect on the day it was recorded, in Vietnam.
            if (CommitteeTimeline.Evolve(timelines.GetValueOrDefault(code), e.Data, ContestClock.VietnamDay(e.Timestamp)) is { } timeline)
                timelines[code] = timeline;
        }
        return timelines.Values.ToList();
    }

    public async Task<OrganisationChart> ChartAsync(DateOnly day, CancellationToken ct = default) => new(await TimelinesAsync(ct), day);

    private static string? CodeOf(object data) => data switch
    {
        CommitteeRegistered e => e.Code,
        CommitteeMoved e => e.Code,
        CommitteeRenamed e => e.Code,
        CommitteeReparented e => e.Code,
        CommitteeRenamedOn e => e.Code,
        CommitteeMerged e => e.Code,
        CommitteeDissolved e => e.Code,
        _ => null,
    };
}

using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;

namespace TuyenGiao.Contests;

/// <summary>
/// What the contest feature needs from Marten. A contest's state is snapshotted periodically rather than rewritten on
/// every append; Marten folds it live from the events with the grain's own Evolve. The entries themselves go to the
/// <see cref="ContestEntryProjection"/> read model in the append's transaction.
/// </summary>
public static class ContestStorage
{
    public static void Configure(StoreOptions options)
    {
        options.Projections.Add(new ContestAggregation(), ProjectionLifecycle.Live);
        // The entries' read model, in the append's transaction: the grain keeps no per-entry records.
        options.Projections.Add(new ContestEntryProjection(), ProjectionLifecycle.Inline);
        // The list of contests: lifecycle events only, so a submission never writes it.
        options.Projections.Add(new ContestListingProjection(), ProjectionLifecycle.Inline);
        // The judges' seats, so that a judge finds their panels: judge assignments only, a few per contest.
        options.Projections.Add(new PanelSeatProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<PanelSeat>().Index(s => s.JudgeId);
        foreach (var type in ContestEventTypes.All)
            options.Events.AddEventType(type);
    }

    /// <summary>Folds a slice of events in one go (a replay, the events after a snapshot), with the grain's fold.</summary>
    private sealed class ContestAggregation : SingleStreamProjection<Contest, string>
    {
        public override (Contest?, ActionType) DetermineAction(Contest? snapshot, string id, IReadOnlyList<IEvent> events) =>
            (ContestEvolution.EvolveAll(snapshot ?? Contest.None(id[(id.IndexOf('/') + 1)..]), events.Select(e => e.Data)), ActionType.Store);
    }
}

using JasperFx.Events;
using Marten;
using TuyenGiao.PersonalData;

namespace TuyenGiao.EventStore;

/// <summary>
/// Appends to one or more streams in one Marten session, each with its expected version and our metadata (event id,
/// recording time from our TimeProvider, correlation id, actor) and its link in the stream's hash chain
/// (<see cref="EventChain"/>) over the events as stored (their personal texts sealed before, <see cref="IEventJournal.Seal"/>):
/// one transaction, all or nothing, their data keys included (<see cref="PersonalDataVault"/>).
/// </summary>
internal static class MartenAppend
{
    public static async Task CommitAsync(IDocumentStore store, EventChain chain, PersonalDataVault? vault, IReadOnlyList<PendingAppend> appends,
        CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var events = new IEvent[appends.Count][];
        for (var a = 0; a < appends.Count; a++)
        {
            events[a] = new IEvent[appends[a].Events.Count];
            for (var i = 0; i < events[a].Length; i++)
            {
                var recorded = appends[a].Events[i];
                var e = events[a][i] = session.Events.BuildEvent(recorded.Data);
                e.Id = recorded.EventId;
                // The precision PostgreSQL keeps, which is the precision the link covers.
                e.Timestamp = EventLink.ToStoredPrecision(recorded.RecordedAt);
                e.CorrelationId = recorded.CorrelationId;
                e.UserName = recorded.Actor;
            }
        }
        vault?.QueueKeyWrites(session, appends.SelectMany(a => a.Events));
        var links = await chain.LinkAsync(appends, events, ct);
        for (var a = 0; a < appends.Count; a++)
        {
            // Marten's expected version is the stream's version after this append.
            session.Events.Append(appends[a].StreamId, appends[a].ExpectedVersion + events[a].Length, events[a]);
        }
        try
        {
            await session.SaveChangesAsync(ct);
            chain.Committed(appends, links);
        }
        catch (Exception ex) when (appends.Count == 1 && StoreFailures.Classify(ex) == AppendFailure.Conflict)
        {
            throw new StreamConflictException(appends[0].StreamId, appends[0].ExpectedVersion, ex);
        }
    }
}

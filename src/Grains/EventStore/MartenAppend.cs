using Marten;

namespace TuyenGiao.EventStore;

/// <summary>
/// Appends to one or more streams in one Marten session, each with its expected version and our metadata (event id,
/// recording time from our TimeProvider, correlation id, actor): one transaction, all or nothing.
/// </summary>
internal static class MartenAppend
{
    public static async Task CommitAsync(IDocumentStore store, IReadOnlyList<PendingAppend> appends, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        foreach (var append in appends)
        {
            var wrapped = new object[append.Events.Count];
            for (var i = 0; i < append.Events.Count; i++)
            {
                var recorded = append.Events[i];
                var e = session.Events.BuildEvent(recorded.Data);
                e.Id = recorded.EventId;
                e.Timestamp = recorded.RecordedAt.ToUniversalTime();
                e.CorrelationId = recorded.CorrelationId;
                e.UserName = recorded.Actor;
                wrapped[i] = e;
            }
            // Marten's expected version is the stream's version after this append.
            session.Events.Append(append.StreamId, append.ExpectedVersion + append.Events.Count, wrapped);
        }
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (appends.Count == 1 && StoreFailures.Classify(ex) == AppendFailure.Conflict)
        {
            throw new StreamConflictException(appends[0].StreamId, appends[0].ExpectedVersion, ex);
        }
    }
}

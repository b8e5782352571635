using Microsoft.Extensions.Logging;

namespace TuyenGiao.EventStore;

/// <summary>
/// The write protocol between one grain activation and its stream. Orleans' custom-storage adaptor calls
/// <see cref="ReadAsync"/> and <see cref="WriteAsync"/>; when a write returns false it re-reads and writes the same
/// batch again, and it keeps every pending event until a write returns true. So:
/// <list type="bullet">
/// <item>a version conflict (another writer, such as a second activation after a failover) returns false: re-read, retry;</item>
/// <item>a write whose outcome is unknown (the connection dropped around the commit) is resolved by asking the store
/// which of the batch's event ids landed, never by writing again blindly;</item>
/// <item>a batch found stored after the adaptor's view already moved past it is excluded from the next read, so the
/// adaptor's retry lines up with it instead of applying it twice.</item>
/// </list>
/// </summary>
public sealed class JournaledStream<TState>(
    IEventJournal journal,
    string streamId,
    Func<TState> initialState,
    ILogger logger,
    TimeProvider time,
    ISnapshotStore? snapshots = null) where TState : class
{
    private static readonly TimeSpan[] VerifyBackoff =
        [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    /// <summary>When set, the next read stops just before this event: it is ours, stored, and about to be confirmed.</summary>
    private Guid? _readBefore;

    public string StreamId => streamId;

    /// <summary>The version of the snapshot the last read started from (0: none).</summary>
    public long LoadedFromSnapshotVersion { get; private set; }

    /// <summary>Stores a periodic snapshot (when this stream has a snapshot store); the events stay the truth.</summary>
    public async Task SnapshotAsync(TState state, long version, CancellationToken ct = default)
    {
        if (snapshots is null || version <= 0)
            return;
        await snapshots.SaveAsync(streamId, version, state, ct);
        EventStoreMetrics.SnapshotsTaken.Add(1, EventStoreMetrics.StreamKind(streamId));
    }

    public async Task<(int Version, TState State)> ReadAsync(CancellationToken ct = default)
    {
        if (_readBefore is { } eventId)
        {
            var stored = await journal.FindStoredVersionsAsync(streamId, [eventId], ct);
            if (stored.Count == 1)
            {
                var before = stored[0] - 1;
                var state = await journal.LoadAsOfVersionAsync<TState>(streamId, before, ct);
                return (checked((int)before), state ?? initialState());
            }
            _readBefore = null;
        }
        LoadedStream<TState> loaded;
        if (snapshots is not null && await snapshots.LoadAsync<TState>(streamId, ct) is { } snapshot)
        {
            LoadedFromSnapshotVersion = snapshot.Version;
            loaded = await journal.LoadAfterAsync(streamId, snapshot.State, snapshot.Version, ct);
        }
        else
        {
            loaded = await journal.LoadAsync<TState>(streamId, ct);
        }
        return (checked((int)loaded.Version), loaded.State ?? initialState());
    }

    public async Task<bool> WriteAsync(IReadOnlyList<Recorded> batch, int expectedVersion, CancellationToken ct = default)
    {
        try
        {
            await journal.AppendAsync(streamId, expectedVersion, batch, ct);
            _readBefore = null;
            return true;
        }
        catch (StreamConflictException)
        {
            var stored = await journal.FindStoredVersionsAsync(streamId, Ids(batch), ct);
            return await ReconcileAsync(batch, expectedVersion, stored, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Append of {Count} events to {Stream} ended with an unknown outcome; asking the store what landed", batch.Count, streamId);
            var stored = await FindStoredWithRetryAsync(batch, ct);
            return await ReconcileAsync(batch, expectedVersion, stored, ct);
        }
    }

    private async Task<bool> ReconcileAsync(IReadOnlyList<Recorded> batch, int expectedVersion, IReadOnlyList<long> stored, CancellationToken ct)
    {
        if (stored.Count == 0)
            return false; // nothing of ours landed: a plain conflict, or a failed write; re-read and retry

        if (stored[0] != expectedVersion + 1)
        {
            // Ours, but the adaptor's view already includes it or other events sit before it:
            // read up to just before it, and the retry will find it exactly where expected.
            _readBefore = batch[0].EventId;
            return false;
        }

        if (stored.Count == batch.Count)
        {
            _readBefore = null;
            return true; // the whole batch landed right after the adaptor's view: confirm it, write nothing
        }

        // A batch is written in one transaction, so what landed is a prefix: an earlier, smaller batch whose
        // acknowledgement was lost. Write the rest right after it.
        var rest = batch.Skip(stored.Count).ToList();
        try
        {
            await journal.AppendAsync(streamId, expectedVersion + stored.Count, rest, ct);
            _readBefore = null;
            return true;
        }
        catch (StreamConflictException)
        {
            logger.LogError("Events of {Stream} are split around another writer's events; re-reading the latest state", streamId);
            _readBefore = null;
            return false;
        }
    }

    private async Task<IReadOnlyList<long>> FindStoredWithRetryAsync(IReadOnlyList<Recorded> batch, CancellationToken ct)
    {
        var ids = Ids(batch);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await journal.FindStoredVersionsAsync(streamId, ids, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                var delay = VerifyBackoff[Math.Min(attempt, VerifyBackoff.Length - 1)];
                logger.LogWarning(ex, "Cannot yet tell whether {Stream} holds the batch; asking again in {Delay}", streamId, delay);
                await Task.Delay(delay, time, ct);
            }
        }
    }

    private static Guid[] Ids(IReadOnlyList<Recorded> batch) => batch.Select(e => e.EventId).ToArray();
}

using JasperFx.Events;
using Marten;
using Marten.Exceptions;
using Npgsql;

namespace TuyenGiao.EventStore;

/// <summary>
/// The journal on Marten: one stream per grain, appended with the expected version; the event id, actor,
/// correlation id and the recording time from our <see cref="TimeProvider"/> go into Marten's event metadata.
/// </summary>
/// A state with an <see cref="IStreamReplay"/> (a contest) is folded by it, from the rows, rather than through Marten.
public sealed class MartenEventJournal(IDocumentStore store, IEnumerable<IStreamReplay>? replays = null, AppendBatcher? batcher = null,
    EventChain? chain = null, PersonalData.PersonalDataVault? vault = null) : IEventJournal
{
    private readonly EventChain _chain = chain ?? new EventChain(store);
    private readonly IReadOnlyDictionary<Type, IStreamReplay> _replays = (replays ?? []).ToDictionary(r => r.State);

    public async Task<LoadedStream<TState>> LoadAsync<TState>(string streamId, CancellationToken ct = default)
        where TState : class
    {
        await using var session = store.QuerySession();
        if (typeof(IVersionedSnapshot).IsAssignableFrom(typeof(TState)) && await session.LoadAsync<TState>(streamId, ct) is { } snapshot)
            return new LoadedStream<TState>(snapshot, VersionOf(snapshot));
        // No inline snapshot (a new stream, or a state too large to rewrite on every append): fold the events.
        var state = await session.Events.FetchStreamStateAsync(streamId, ct);
        if (state is null)
            return new LoadedStream<TState>(null, 0);
        var folded = await FoldAsync<TState>(streamId, null, 0, state.Version, ct)
            ?? await session.Events.AggregateStreamAsync<TState>(streamId, version: state.Version, token: ct);
        Replayed(streamId, state.Version, fromSnapshot: false);
        return new LoadedStream<TState>(folded, state.Version);
    }

    public async Task<LoadedStream<TState>> LoadAfterAsync<TState>(string streamId, TState snapshot, long snapshotVersion, CancellationToken ct = default,
        long? upToVersion = null)
        where TState : class
    {
        await using var session = store.QuerySession();
        var current = (await session.Events.FetchStreamStateAsync(streamId, ct))?.Version ?? 0;
        if (upToVersion is { } upTo)
            current = Math.Min(current, upTo);
        if (current <= snapshotVersion)
            return new LoadedStream<TState>(snapshot, snapshotVersion);
        var folded = await FoldAsync(streamId, snapshot, snapshotVersion, current, ct)
            ?? await session.Events.AggregateStreamAsync(streamId, version: current, state: snapshot, fromVersion: snapshotVersion + 1, token: ct);
        Replayed(streamId, current - snapshotVersion, fromSnapshot: true);
        return new LoadedStream<TState>(folded ?? snapshot, current);
    }

    private static void Replayed(string streamId, long events, bool fromSnapshot) =>
        EventStoreMetrics.EventsReplayed.Add(events, EventStoreMetrics.StreamKind(streamId), new("snapshot", fromSnapshot));

    public async Task<TState?> LoadAsOfVersionAsync<TState>(string streamId, long version, CancellationToken ct = default)
        where TState : class
    {
        if (version <= 0)
            return null;
        if (await FoldAsync<TState>(streamId, null, 0, version, ct) is { } folded)
            return folded;
        await using var session = store.QuerySession();
        return await session.Events.AggregateStreamAsync<TState>(streamId, version: version, token: ct);
    }

    /// <summary>The events after one version up to another folded by the state's own replay; null when it has none or it declines.</summary>
    private async Task<TState?> FoldAsync<TState>(string streamId, TState? start, long afterVersion, long upToVersion, CancellationToken ct)
        where TState : class =>
        _replays.TryGetValue(typeof(TState), out var replay) ? (TState?)await replay.FoldAsync(streamId, start, afterVersion, upToVersion, ct) : null;

    public Recorded Seal(Recorded recorded) => vault?.Seal(recorded) ?? recorded;

    /// <summary>Through the silo's <see cref="AppendBatcher"/> when there is one, so that appends of many streams share transactions.</summary>
    public Task AppendAsync(string streamId, long expectedVersion, IReadOnlyList<Recorded> events, CancellationToken ct = default) =>
        batcher is not null
            ? batcher.AppendAsync(streamId, expectedVersion, events, ct)
            : MartenAppend.CommitAsync(store, _chain, vault, [new PendingAppend(streamId, expectedVersion, events)], ct);

    public async Task<IReadOnlyDictionary<Guid, object>> LoadEventsAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var ids = eventIds.ToArray();
        var events = await session.Events.QueryAllRawEvents().Where(e => ids.Contains(e.Id)).ToListAsync(ct);
        return events.ToDictionary(e => e.Id, e => e.Data);
    }

    public async Task<IReadOnlyList<long>> FindStoredVersionsAsync(string streamId, IReadOnlyList<Guid> eventIds, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var ids = eventIds.ToArray();
        var versions = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamKey == streamId && ids.Contains(e.Id))
            .OrderBy(e => e.Version)
            .Select(e => e.Version)
            .ToListAsync(ct);
        return versions;
    }

    private static long VersionOf<TState>(TState snapshot) where TState : class =>
        snapshot is IVersionedSnapshot versioned
            ? versioned.Version
            : throw new InvalidOperationException($"{typeof(TState).Name} must implement {nameof(IVersionedSnapshot)}.");
}

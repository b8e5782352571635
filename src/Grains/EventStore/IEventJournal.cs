namespace TuyenGiao.EventStore;

/// <summary>The latest snapshot of a stream and the version it reflects (0 and no state for a new stream).</summary>
public readonly record struct LoadedStream<TState>(TState? State, long Version) where TState : class;

/// <summary>Event streams with string ids, appended with an expected version. Backed by Marten.</summary>
public interface IEventJournal
{
    /// <summary>
    /// The stream's state and version: from the inline snapshot that Marten keeps current in the append's
    /// transaction when <typeparamref name="TState"/> is an <see cref="IVersionedSnapshot"/>, else folded from the events.
    /// </summary>
    Task<LoadedStream<TState>> LoadAsync<TState>(string streamId, CancellationToken ct = default) where TState : class;

    /// <summary>
    /// The state of the stream: <paramref name="snapshot"/> (as of <paramref name="snapshotVersion"/>) with the later events
    /// folded in, all of them or up to <paramref name="upToVersion"/>.
    /// </summary>
    Task<LoadedStream<TState>> LoadAfterAsync<TState>(string streamId, TState snapshot, long snapshotVersion, CancellationToken ct = default,
        long? upToVersion = null) where TState : class;

    /// <summary>The state folded from the stream's first <paramref name="version"/> events (null when 0).</summary>
    Task<TState?> LoadAsOfVersionAsync<TState>(string streamId, long version, CancellationToken ct = default) where TState : class;

    /// <summary>
    /// The event as it will be stored: its personal texts (<see cref="PersonalData.IHoldsPersonalData"/>) sealed under a
    /// new data key of their person, else as it is. Sealed before the state folds it, so that what a grain holds, and
    /// snapshots, is what the store holds.
    /// </summary>
    Recorded Seal(Recorded recorded);

    /// <summary>
    /// Appends atomically after <paramref name="expectedVersion"/>. Throws <see cref="StreamConflictException"/> when
    /// the stream moved on or an event id is already stored; any other exception leaves the outcome unknown.
    /// </summary>
    Task AppendAsync(string streamId, long expectedVersion, IReadOnlyList<Recorded> events, CancellationToken ct = default);

    /// <summary>The data of those of <paramref name="eventIds"/> that are stored, by id (as stored: personal texts sealed).</summary>
    Task<IReadOnlyDictionary<Guid, object>> LoadEventsAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken ct = default);

    /// <summary>The stream versions of those of <paramref name="eventIds"/> that are stored, in stream order.</summary>
    Task<IReadOnlyList<long>> FindStoredVersionsAsync(string streamId, IReadOnlyList<Guid> eventIds, CancellationToken ct = default);
}

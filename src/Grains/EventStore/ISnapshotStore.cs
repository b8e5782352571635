namespace TuyenGiao.EventStore;

/// <summary>The latest snapshot of a stream's state and the version it reflects.</summary>
public readonly record struct Snapshot<TState>(TState State, long Version);

/// <summary>Periodic snapshots, for states too large to be inline snapshots rewritten on every append.</summary>
public interface ISnapshotStore
{
    Task<Snapshot<TState>?> LoadAsync<TState>(string streamId, CancellationToken ct = default);

    /// <summary>
    /// Keeps the snapshot unless a newer one is already stored: a rebuild never takes a snapshot back, and one at the same
    /// version replaces it (a repair; the events say the same either way).
    /// </summary>
    Task SaveAsync<TState>(string streamId, long version, TState state, CancellationToken ct = default);
}

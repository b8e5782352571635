using TuyenGiao.EventStore;

namespace TuyenGiao.Auditing;

/// <summary>A state folded from the first <see cref="Version"/> events of its stream (null state: none yet).</summary>
public readonly record struct PastState<TState>(TState? State, long Version) where TState : class;

/// <summary>
/// The state of a stream as of a version or a moment, computed from the events with the aggregate's own fold: no
/// snapshot and no grain take part, so it is what the events say, not what a cache remembers.
/// </summary>
public sealed class TimeTravel(IEventJournal journal, EventLog log)
{
    /// <param name="version">Fold the first this many events (capped at the stream's length).</param>
    /// <param name="moment">Fold the events recorded at or before this moment.</param>
    public async Task<PastState<TState>> AsOfAsync<TState>(string streamId, long? version, DateTimeOffset? moment, CancellationToken ct = default)
        where TState : class
    {
        var target = await VersionAsOfAsync(streamId, version, moment, ct);
        return new PastState<TState>(await journal.LoadAsOfVersionAsync<TState>(streamId, target, ct), target);
    }

    /// <summary>The version to fold to: <paramref name="version"/> or the last one recorded by <paramref name="moment"/>, capped at the stream's length.</summary>
    public async Task<long> VersionAsOfAsync(string streamId, long? version, DateTimeOffset? moment, CancellationToken ct = default)
    {
        var current = await log.CurrentVersionAsync(streamId, ct);
        return Math.Min(current, version ?? (moment is { } at ? await log.VersionAtAsync(streamId, at, ct) : current));
    }
}

using System.Collections.Concurrent;
using TuyenGiao.EventStore;

namespace TuyenGiao.Integration.Tests.Infrastructure;

/// <summary>
/// The real Marten journal, with faults injected on demand, per stream: an acknowledgement lost after the commit, a
/// connection lost before it, lookups that fail, and another writer that appends just before our next append. A fault is
/// armed for one stream so that tests sharing a node never trip over each other's faults.
/// </summary>
public sealed class FaultInjectingJournal(IEventJournal inner) : IEventJournal
{
    private readonly ConcurrentDictionary<string, Faults> _faults = new(StringComparer.Ordinal);

    /// <summary>Appends sent to the store (or failed on the way), per stream.</summary>
    private readonly ConcurrentDictionary<string, int> _appends = new(StringComparer.Ordinal);

    private Faults For(string streamId) => _faults.GetOrAdd(streamId, _ => new Faults());

    /// <summary>The next <paramref name="count"/> appends commit, then fail as if the connection dropped before the answer.</summary>
    public void LoseAcknowledgements(string streamId, int count = 1) => Interlocked.Exchange(ref For(streamId).LostAcks, count);

    /// <summary>The next <paramref name="count"/> appends fail as if the connection dropped before the commit (nothing stored).</summary>
    public void DropBeforeCommit(string streamId, int count = 1) => Interlocked.Exchange(ref For(streamId).Drops, count);

    /// <summary>The next <paramref name="count"/> lookups of stored event ids fail.</summary>
    public void FailLookups(string streamId, int count) => Interlocked.Exchange(ref For(streamId).FailedLookups, count);

    /// <summary>The next append is refused by the database as bad data (SQLSTATE 22P05), nothing written: a definite failure.</summary>
    public void RefuseNextAppend(string streamId) => Interlocked.Exchange(ref For(streamId).Refusals, 1);

    /// <summary>Just before the next append, <paramref name="writer"/> runs: another writer moves the stream between decide and write.</summary>
    public void BeforeNextAppend(string streamId, Func<IEventJournal, Task> writer) => For(streamId).Intruder = writer;

    /// <summary>Clears every fault armed on the stream.</summary>
    public void Heal(string streamId) => _faults.TryRemove(streamId, out _);

    public int AppendsTo(string streamId) => _appends.GetValueOrDefault(streamId);

    public Recorded Seal(Recorded recorded) => inner.Seal(recorded);

    public Task<IReadOnlyDictionary<Guid, object>> LoadEventsAsync(IReadOnlyCollection<Guid> eventIds, CancellationToken ct = default) =>
        inner.LoadEventsAsync(eventIds, ct);

    public async Task AppendAsync(string streamId, long expectedVersion, IReadOnlyList<Recorded> events, CancellationToken ct = default)
    {
        _appends.AddOrUpdate(streamId, 1, (_, n) => n + 1);
        if (_faults.TryGetValue(streamId, out var faults))
        {
            if (Interlocked.Exchange(ref faults.Intruder, null) is { } intruder)
                await intruder(inner);
            if (TakeOne(ref faults.Refusals))
                throw new Npgsql.PostgresException("unsupported Unicode escape sequence (injected)", "ERROR", "ERROR", "22P05");
            if (TakeOne(ref faults.Drops))
                throw new IOException("Connection reset by peer (injected, before the commit)");
        }
        await inner.AppendAsync(streamId, expectedVersion, events, ct);
        if (faults is not null && TakeOne(ref faults.LostAcks))
            throw new IOException("Connection reset by peer (injected, after the commit)");
    }

    public Task<IReadOnlyList<long>> FindStoredVersionsAsync(string streamId, IReadOnlyList<Guid> eventIds, CancellationToken ct = default) =>
        _faults.TryGetValue(streamId, out var faults) && TakeOne(ref faults.FailedLookups)
            ? throw new TimeoutException("The lookup timed out (injected)")
            : inner.FindStoredVersionsAsync(streamId, eventIds, ct);

    public Task<LoadedStream<TState>> LoadAsync<TState>(string streamId, CancellationToken ct = default) where TState : class =>
        inner.LoadAsync<TState>(streamId, ct);

    public Task<LoadedStream<TState>> LoadAfterAsync<TState>(string streamId, TState snapshot, long snapshotVersion, CancellationToken ct = default,
        long? upToVersion = null) where TState : class => inner.LoadAfterAsync(streamId, snapshot, snapshotVersion, ct, upToVersion);

    public Task<TState?> LoadAsOfVersionAsync<TState>(string streamId, long version, CancellationToken ct = default) where TState : class =>
        inner.LoadAsOfVersionAsync<TState>(streamId, version, ct);

    private static bool TakeOne(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
                return false;
            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
                return true;
        }
    }

    private sealed class Faults
    {
        public int LostAcks;
        public int Drops;
        public int FailedLookups;
        public int Refusals;
        public Func<IEventJournal, Task>? Intruder;
    }
}

using TuyenGiao.EventStore;

namespace TuyenGiao.Integration.Tests.Infrastructure;

/// <summary>
/// The real Marten journal, except that the next append's acknowledgement is lost: the events are committed,
/// then the call fails as if the connection dropped before the answer came back.
/// </summary>
public sealed class AckLosingJournal(IEventJournal inner) : IEventJournal
{
    private int _losses;

    public void LoseNextAcknowledgement() => Interlocked.Exchange(ref _losses, 1);

    public async Task AppendAsync(string streamId, long expectedVersion, IReadOnlyList<Recorded> events, CancellationToken ct = default)
    {
        await inner.AppendAsync(streamId, expectedVersion, events, ct);
        if (Interlocked.Exchange(ref _losses, 0) == 1)
            throw new IOException("Connection reset by peer (after the commit)");
    }

    public Task<LoadedStream<TState>> LoadAsync<TState>(string streamId, CancellationToken ct = default) where TState : class =>
        inner.LoadAsync<TState>(streamId, ct);

    public Task<LoadedStream<TState>> LoadAfterAsync<TState>(string streamId, TState snapshot, long snapshotVersion, CancellationToken ct = default)
        where TState : class => inner.LoadAfterAsync(streamId, snapshot, snapshotVersion, ct);

    public Task<TState?> LoadAsOfVersionAsync<TState>(string streamId, long version, CancellationToken ct = default) where TState : class =>
        inner.LoadAsOfVersionAsync<TState>(streamId, version, ct);

    public Task<IReadOnlyList<long>> FindStoredVersionsAsync(string streamId, IReadOnlyList<Guid> eventIds, CancellationToken ct = default) =>
        inner.FindStoredVersionsAsync(streamId, eventIds, ct);
}

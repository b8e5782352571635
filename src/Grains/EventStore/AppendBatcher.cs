using System.Diagnostics;
using System.Threading.Channels;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TuyenGiao.EventStore;

/// <summary>
/// Gathers the appends of many streams that wait at the same moment into one transaction: a contest's grain already
/// batches its own commands, but 64 clients spread over 100 contests leave each grain about one command at a time, and
/// one transaction per entry. Appends queue while the committers are busy; each committer takes what waits (one append
/// per stream, at most <see cref="EventStoreOptions.MaxStreamsPerTransaction"/>) and commits it with every stream's own
/// expected version, so a second activation of a grain is refused exactly as before.
/// <para>
/// The outcome is each append's own. Stored: all of them, in one commit. A conflict or a definite failure of the
/// transaction says nothing was written, but not whose append caused it, so each append is then committed alone and
/// gets its own answer (a definite failure wrote nothing: trying the others again is not a blind retry). An unknown
/// outcome is all or none for the whole transaction; each writer settles it by its own event ids (StreamAppender).
/// </para>
/// </summary>
public sealed class AppendBatcher : IAsyncDisposable
{
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>();
    private readonly IDocumentStore _store;
    private readonly EventChain _chain;
    private readonly PersonalData.PersonalDataVault? _vault;
    private readonly EventStoreOptions _options;
    private readonly ILogger<AppendBatcher> _logger;
    private readonly Task[] _committers;
    // At least one: a limit of 0 would leave every append queued while the loop spun on it.
    private readonly int _maxStreams;
    private long _transactions;
    private long _appends;

    public AppendBatcher(IDocumentStore store, EventChain chain, IOptions<EventStoreOptions> options, ILogger<AppendBatcher> logger,
        PersonalData.PersonalDataVault? vault = null)
    {
        _store = store;
        _vault = vault;
        _chain = chain;
        _options = options.Value;
        _logger = logger;
        _maxStreams = Math.Max(1, _options.MaxStreamsPerTransaction);
        _committers = Enumerable.Range(0, Math.Max(1, _options.Committers)).Select(_ => Task.Run(CommitLoopAsync)).ToArray();
    }

    /// <summary>Transactions committed or tried, and the appends they carried: their ratio is how much batching happens.</summary>
    public (long Transactions, long Appends) Counts => (Interlocked.Read(ref _transactions), Interlocked.Read(ref _appends));

    public Task AppendAsync(string streamId, long expectedVersion, IReadOnlyList<Recorded> events, CancellationToken ct)
    {
        var pending = new PendingAppend(streamId, expectedVersion, events);
        if (!_queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(AppendBatcher));
        // A caller that stops waiting does not unsend: its append may still be committed, an outcome it treats as unknown.
        return pending.Done.Task.WaitAsync(ct);
    }

    private async Task CommitLoopAsync()
    {
        var held = new List<PendingAppend>();
        while (held.Count > 0 || await _queue.Reader.WaitToReadAsync())
        {
            var batch = new List<PendingAppend>();
            var streams = new HashSet<string>(StringComparer.Ordinal);
            var later = new List<PendingAppend>();
            foreach (var pending in held)
                (streams.Add(pending.StreamId) && batch.Count < _maxStreams ? batch : later).Add(pending);
            // Two appends to one stream (a second activation of its grain) go in different transactions: the second expects
            // the version the first leaves, which only its own commit can check.
            while (batch.Count < _maxStreams && _queue.Reader.TryRead(out var next))
                (streams.Add(next.StreamId) ? batch : later).Add(next);
            held = later;
            if (batch.Count > 0)
                await CommitAsync(batch);
        }
    }

    /// <summary>Commits the appends in one transaction, or each alone when the transaction is refused; completes each one's task.</summary>
    internal async Task CommitAsync(IReadOnlyList<PendingAppend> batch)
    {
        Interlocked.Increment(ref _transactions);
        Interlocked.Add(ref _appends, batch.Count);
        var started = Stopwatch.GetTimestamp();
        foreach (var pending in batch)
            EventStoreMetrics.AppendWait.Record(Stopwatch.GetElapsedTime(pending.Queued, started).TotalMilliseconds);
        try
        {
            await MartenAppend.CommitAsync(_store, _chain, _vault, batch, CancellationToken.None);
            EventStoreMetrics.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            foreach (var pending in batch)
                pending.Done.TrySetResult();
        }
        catch (Exception ex) when (batch.Count > 1 && StoreFailures.Classify(ex) is AppendFailure.Conflict or AppendFailure.Definite)
        {
            _logger.LogDebug(ex, "A transaction of {Count} appends was refused; committing each alone to tell whose it was", batch.Count);
            await Task.WhenAll(batch.Select(pending => CommitAsync([pending])));
        }
        catch (Exception ex)
        {
            foreach (var pending in batch)
                pending.Done.TrySetException(ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_committers);
    }
}

/// <summary>One stream's append waiting for its transaction.</summary>
internal sealed record PendingAppend(string StreamId, long ExpectedVersion, IReadOnlyList<Recorded> Events)
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When it was handed to the batcher (a <see cref="Stopwatch"/> timestamp).</summary>
    public long Queued { get; } = Stopwatch.GetTimestamp();
}

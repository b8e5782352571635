using Microsoft.Extensions.Logging;

namespace TuyenGiao.EventStore;

/// <summary>How one append ended, as far as the writer could tell.</summary>
public enum AppendResult
{
    /// <summary>The whole batch is stored right after the expected version.</summary>
    Stored,

    /// <summary>Nothing of the batch is stored: another writer moved the stream, or stored one of these event ids.</summary>
    Conflict,

    /// <summary>Nothing of the batch is stored, and the same batch would fail again (see <see cref="AppendFailure.Definite"/>).</summary>
    Refused,

    /// <summary>The outcome could not be settled within the bound of tries: the writer gives up on this stream for now.</summary>
    Unavailable,
}

/// <param name="Error">What the database said, for <see cref="AppendResult.Refused"/> and <see cref="AppendResult.Unavailable"/>.</param>
/// <param name="Attempts">How many appends were sent (more than one only after unknown outcomes).</param>
public readonly record struct AppendOutcome(AppendResult Result, Exception? Error = null, int Attempts = 1);

/// <summary>
/// Appends one batch with its expected version and settles the outcome. A definite failure or a conflict is reported at
/// once (nothing was written). An unknown outcome is settled by asking the store which of the batch's event ids it holds
/// (one transaction: all or none), and the append is sent again only when none are; every try waits a capped,
/// exponentially growing pause first, and after <see cref="EventStoreOptions.MaxWriteAttempts"/> tries the writer gives up.
/// It never writes blindly: a commit is not idempotent, but the unique event ids make a second copy impossible anyway.
/// </summary>
public sealed class StreamAppender(IEventJournal journal, EventStoreOptions options, TimeProvider time, ILogger logger)
{
    public async Task<AppendOutcome> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<Recorded> batch, CancellationToken ct)
    {
        var ids = batch.Select(e => e.EventId).ToArray();
        var kind = EventStoreMetrics.StreamKind(streamId);
        var steps = 0; // appends and lookups sent; every one after the first waits its pause, and there are at most MaxWriteAttempts
        var appends = 0;
        Exception? last = null;
        var inDoubt = false;

        async Task<bool> Pause()
        {
            if (steps >= options.MaxWriteAttempts)
                return false;
            await Task.Delay(options.RetryDelay(steps - 1), time, ct);
            return true;
        }

        try
        {
            while (true)
            {
                steps++;
                appends++;
                try
                {
                    EventStoreMetrics.AppendBatchSize.Record(batch.Count);
                    await journal.AppendAsync(streamId, expectedVersion, batch, ct);
                    return new AppendOutcome(AppendResult.Stored, null, appends);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    var failure = StoreFailures.Classify(ex);
                    EventStoreMetrics.AppendFailures.Add(1, kind, new("failure", failure.ToString().ToLowerInvariant()));
                    if (failure == AppendFailure.Conflict)
                        return new AppendOutcome(AppendResult.Conflict, ex, appends);
                    if (failure == AppendFailure.Definite)
                        return new AppendOutcome(AppendResult.Refused, ex, appends);
                    last = ex;
                    if (!inDoubt)
                    {
                        inDoubt = true;
                        EventStoreMetrics.StreamsInDoubt.Add(1, kind);
                    }
                    logger.LogWarning(ex, "Append of {Count} events to {Stream} ended with an unknown outcome (step {Step} of {Max})",
                        batch.Count, streamId, steps, options.MaxWriteAttempts);
                }

                // In doubt: ask the store whether the batch landed, until it answers or the bound is reached.
                int? stored = null;
                while (stored is null)
                {
                    if (!await Pause())
                        return new AppendOutcome(AppendResult.Unavailable, last, appends);
                    steps++;
                    try
                    {
                        stored = (await journal.FindStoredVersionsAsync(streamId, ids, ct)).Count;
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                    {
                        last = ex;
                        logger.LogWarning(ex, "Cannot yet tell whether {Stream} holds the batch (step {Step} of {Max})", streamId, steps, options.MaxWriteAttempts);
                    }
                }
                if (stored == ids.Length)
                    return new AppendOutcome(AppendResult.Stored, null, appends);
                if (stored > 0)
                {
                    // One transaction cannot land in part; if it seems to, re-read and decide again rather than guess.
                    logger.LogError("{Stream} holds part of a batch written in one transaction; deciding again on the stored state", streamId);
                    return new AppendOutcome(AppendResult.Conflict, last, appends);
                }
                // Not stored: send it again, after a pause.
                if (!await Pause())
                    return new AppendOutcome(AppendResult.Unavailable, last, appends);
            }
        }
        catch (OperationCanceledException ex) when (ct.IsCancellationRequested)
        {
            // The grain is deactivating (the node stops): what is in doubt stays in doubt; the next activation reads the truth.
            return new AppendOutcome(AppendResult.Unavailable, last ?? ex, appends);
        }
        finally
        {
            if (inDoubt)
                EventStoreMetrics.StreamsInDoubt.Add(-1, kind);
        }
    }
}

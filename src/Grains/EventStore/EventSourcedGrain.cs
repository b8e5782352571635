using Microsoft.Extensions.Logging;
using TuyenGiao.Common;

namespace TuyenGiao.EventStore;

/// <summary>
/// Base of every event-sourced grain: its events are one Marten stream, named by <see cref="StreamId"/>, and its state
/// is what that stream holds, never more. A command is queued; one write loop takes the queued commands in order,
/// decides each with the pure rules on the stored state plus the events decided before it in the batch, appends the
/// batch with the expected version (group commit: grains that derive from this are reentrant, so commands arriving
/// together share one transaction), and only then evolves the state and answers.
/// <list type="bullet">
/// <item>Another writer moved the stream (a second activation after a failover): the state is read again and every
/// command of the batch is decided again on it, never re-applied as decided before (entry numbers stay dense, a
/// submission already stored gets its stored receipt, a limit is counted on what is stored).</item>
/// <item>The database refused the batch (nothing written): a single command is failed at once, with the field at fault
/// when its text caused it (a 400), else as a bug (a 500); several are decided again and written one by one, so only the
/// one at fault fails.</item>
/// <item>The outcome is unknown: <see cref="StreamAppender"/> looks it up and retries with pauses up to a bound; past it the
/// grain fails what it holds with <see cref="EventStoreUnavailableException"/> (a 503) and deactivates.</item>
/// </list>
/// </summary>
public abstract class EventSourcedGrain<TState> : Grain where TState : class
{
    private readonly IEventJournal _journal;
    private readonly ISnapshotStore? _snapshots;
    private readonly ILogger _logger;
    private readonly EventStoreOptions _options;
    private readonly LinkedList<PendingCommand> _queue = new();
    private readonly CancellationTokenSource _deactivating = new();
    private Task _writing = Task.CompletedTask;
    private TState? _stored;
    private long _snapshotVersion;
    private bool _snapshotInFlight;
    private bool _givenUp;
    private int _conflictsInARow;

    /// <param name="snapshots">For states too large for an inline snapshot: where periodic snapshots go.</param>
    protected EventSourcedGrain(IEventJournal journal, EventStoreOptions options, TimeProvider time, ILogger logger, ISnapshotStore? snapshots = null)
    {
        _journal = journal;
        _options = options;
        _snapshots = snapshots;
        Time = time;
        _logger = logger;
        Writer = new StreamAppender(journal, options, time, logger);
    }

    protected TimeProvider Time { get; }

    private StreamAppender Writer { get; }

    /// <summary>The readable stream id, for example <c>committee/TV</c>.</summary>
    protected abstract string StreamId { get; }

    /// <summary>The state of a stream with no events yet.</summary>
    protected abstract TState Initial { get; }

    /// <summary>The store, for what a grain reads beyond its state (its events by id).</summary>
    protected IEventJournal Journal => _journal;

    /// <summary>The pure fold shared with Marten's projections and the tests.</summary>
    protected abstract TState Evolve(TState state, object @event);

    /// <summary>
    /// With a snapshot store: take a snapshot after this many new events, or a tenth of the stream when that is more
    /// (and at deactivation).
    /// </summary>
    protected virtual int SnapshotEvery => _options.SnapshotEvery;

    /// <summary>The most events one append may carry; further commands wait for the next one.</summary>
    protected virtual int MaxEventsPerWrite => 256;

    /// <summary>The state as stored: what every read and tally answers from. Immutable, replaced after each write.</summary>
    protected TState Stored => _stored ?? Initial;

    /// <summary>The stream's version that <see cref="Stored"/> reflects.</summary>
    protected long Version { get; private set; }

    /// <summary>Called after the stored state changed (after each successful append).</summary>
    protected virtual void OnStoredStateChanged()
    {
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await ReadStoredAsync(cancellationToken);
        await base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Pauses of a write in doubt end now; what is in doubt is settled by the next activation's read.
        await _deactivating.CancelAsync();
        await _writing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!_givenUp && _snapshots is not null && !_snapshotInFlight && Version > _snapshotVersion && Version - _snapshotVersion >= SnapshotEvery / 10)
            await TakeSnapshot();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>
    /// Queues the command and answers once it is decided and, when it changed something, stored. The decision is made
    /// by the write loop on the state it is about to extend, so it is never stale.
    /// </summary>
    protected Task<CommandResult> Execute(Func<TState, DateTimeOffset, Decision> decide, CommandContext context)
    {
        if (_givenUp)
            return Task.FromException<CommandResult>(new EventStoreUnavailableException(StreamId));
        var command = new PendingCommand(decide, context);
        _queue.AddLast(command);
        if (_writing.IsCompleted)
            _writing = WriteQueuedAsync();
        return command.Answer.Task;
    }

    private async Task WriteQueuedAsync()
    {
        while (_queue.Count > 0 && !_givenUp)
        {
            // Let the turns already waiting on this activation (calls whose lookups just finished) queue their commands
            // first: they join this append instead of waiting for the next one.
            await Task.Yield();
            await WriteNextBatchAsync();
        }
    }

    private async Task WriteNextBatchAsync()
    {
        var batch = DecideNextBatch();
        if (batch.Events.Count == 0)
        {
            Answer(batch);
            return;
        }

        AppendOutcome outcome;
        try
        {
            outcome = await Writer.AppendAsync(StreamId, Version, batch.Events, _deactivating.Token);
        }
        catch (Exception ex)
        {
            // Not a failure the appender knows (it answers those): still, every caller of the batch gets an answer.
            GiveUp(batch, ex);
            return;
        }
        switch (outcome.Result)
        {
            case AppendResult.Stored:
                _conflictsInARow = 0;
                _stored = batch.State;
                Version += batch.Events.Count;
                Answer(batch);
                AfterStore();
                break;
            case AppendResult.Conflict:
                await DecideAgainAfterConflictAsync(batch, outcome.Error);
                break;
            case AppendResult.Refused:
                Refused(batch, outcome.Error!);
                break;
            default:
                GiveUp(batch, outcome.Error);
                break;
        }
    }

    /// <summary>
    /// Takes queued commands in order and decides each on the stored state extended by the events decided before it,
    /// until the batch would exceed <see cref="MaxEventsPerWrite"/> or a command must be written alone.
    /// </summary>
    private Batch DecideNextBatch()
    {
        var batch = new Batch(Stored);
        while (_queue.First is { } node)
        {
            var command = node.Value;
            if (command.Alone && batch.Members.Count > 0)
                break;
            // To the microsecond, as PostgreSQL keeps it: what a rule decides at is what the store and its read models say.
            var now = StoredTime.Of(Time.GetUtcNow());
            Decision decision;
            IReadOnlyList<Recorded> recorded;
            TState state;
            try
            {
                decision = command.Decide(batch.State, now);
                // Folded as stored (personal texts sealed): what the grain holds and snapshots is what the store holds.
                recorded = Record(decision, command.Context, now);
                state = recorded.Select(r => r.Data).Aggregate(batch.State, Evolve);
            }
            catch (Exception ex)
            {
                // A rule that throws is a bug: that caller gets the error (a 500), the others go on.
                _queue.RemoveFirst();
                _logger.LogError(ex, "Deciding a command on {Stream} threw", StreamId);
                command.Answer.TrySetException(ex);
                continue;
            }
            if (decision.Events.Count > 0 && batch.Events.Count > 0 && batch.Events.Count + decision.Events.Count > MaxEventsPerWrite)
                break;
            _queue.RemoveFirst();
            batch.Add(command, decision, recorded, state);
            if (command.Alone)
                break;
        }
        return batch;
    }

    /// <summary>The decision's events with their ids and metadata, sealed for the store.</summary>
    private Recorded[] Record(Decision decision, CommandContext context, DateTimeOffset now)
    {
        var recorded = new Recorded[decision.Events.Count];
        for (var i = 0; i < recorded.Length; i++)
        {
            var id = i == 0 && decision.FirstEventId is { } given ? given : Guid.CreateVersion7(now);
            recorded[i] = _journal.Seal(new Recorded(id, decision.Events[i], context.Actor, context.CorrelationId, now));
        }
        return recorded;
    }

    private void Answer(Batch batch)
    {
        foreach (var (command, decision, events) in batch.Members)
        {
            using var scope = _logger.BeginCommandScope(StreamId, command.Context);
            if (decision.Rejection is { } rejection)
            {
                _logger.Refused(StreamId, rejection.Kind, rejection.Field, rejection.Reason);
                command.Answer.TrySetResult(CommandResult.Rejected(rejection));
                continue;
            }
            if (events > 0)
                _logger.Recorded(StreamId, events, Version);
            command.Answer.TrySetResult(CommandResult.Accepted(Version));
        }
    }

    /// <summary>
    /// Another writer is ahead: read what it stored and decide every command of the batch again on that. The first
    /// conflict is expected after a failover and handled at once; more in a row wait a growing pause, and past the bound
    /// the grain gives up rather than race a writer it never catches.
    /// </summary>
    private async Task DecideAgainAfterConflictAsync(Batch batch, Exception? error)
    {
        _conflictsInARow++;
        _logger.LogWarning("{Stream} was moved by another writer at version {Version} (conflict {Count} in a row); deciding {Commands} commands again",
            StreamId, Version, _conflictsInARow, batch.Members.Count);
        try
        {
            if (_conflictsInARow >= _options.MaxWriteAttempts)
            {
                GiveUp(batch, error);
                return;
            }
            if (_conflictsInARow > 1)
                await Task.Delay(_options.RetryDelay(_conflictsInARow - 2), Time, _deactivating.Token);
            // The stored state is exact up to its version, and events only ever follow: fold what the other writer
            // added onto it, rather than reading the whole state again (a snapshot of a large contest is tens of MiB).
            var caughtUp = await _journal.LoadAfterAsync(StreamId, Stored, Version, _deactivating.Token);
            (_stored, Version) = (caughtUp.State ?? Stored, caughtUp.Version);
        }
        catch (Exception ex)
        {
            GiveUp(batch, ex);
            return;
        }
        Requeue(batch.Members, alone: false);
    }

    /// <summary>Nothing was written. One command: it is the one at fault. Several: each is decided again and written alone.</summary>
    private void Refused(Batch batch, Exception error)
    {
        var writers = batch.Members.Where(m => m.Events > 0).ToList();
        if (writers.Count > 1)
        {
            _logger.LogWarning(error, "The store refused a batch of {Count} commands on {Stream}; writing them one by one", writers.Count, StreamId);
            Requeue(batch.Members, alone: true);
            return;
        }

        var (culprit, _, _) = writers[0];
        var data = batch.Events.Select(e => e.Data).ToList();
        Requeue(batch.Members.Where(m => m.Command != culprit).ToList(), alone: false);
        if (data.Select(UnstorableText.FindField).FirstOrDefault(f => f is not null) is { } field)
        {
            using var scope = _logger.BeginCommandScope(StreamId, culprit.Context);
            _logger.LogWarning("The store refused {Stream}'s event: {Field} contains U+0000", StreamId, field);
            culprit.Answer.TrySetResult(CommandResult.Rejected(Rejection.Invalid(field, "contains the character U+0000, which cannot be stored")));
            return;
        }
        // Not the caller's text: a payload the rules let through but the schema refuses. A bug in this service.
        _logger.LogError(error, "The store refused an event of {Stream} that the rules accepted: a bug", StreamId);
        culprit.Answer.TrySetException(new InvalidOperationException($"The store refused the events of a command on '{StreamId}'.", error));
    }

    /// <summary>The outcome cannot be settled: fail everything held with a 503 and deactivate; the next activation reads the truth.</summary>
    private void GiveUp(Batch batch, Exception? error)
    {
        _givenUp = true;
        _logger.LogError(error, "{Stream}: a write could not be settled within {Max} tries; answering 503 and deactivating", StreamId, _options.MaxWriteAttempts);
        EventStoreMetrics.WritersGivenUp.Add(1, EventStoreMetrics.StreamKind(StreamId));
        foreach (var member in batch.Members)
            member.Command.Answer.TrySetException(new EventStoreUnavailableException(StreamId));
        while (_queue.First is { } node)
        {
            _queue.RemoveFirst();
            node.Value.Answer.TrySetException(new EventStoreUnavailableException(StreamId));
        }
        DeactivateOnIdle();
    }

    /// <summary>Puts the batch's commands back at the head of the queue, in their order, to be decided again.</summary>
    private void Requeue(IReadOnlyList<(PendingCommand Command, Decision Decision, int Events)> members, bool alone)
    {
        for (var i = members.Count - 1; i >= 0; i--)
        {
            var (command, _, events) = members[i];
            command.Alone |= alone && events > 0;
            _queue.AddFirst(command);
        }
    }

    /// <summary>Reads the state at activation: from the latest snapshot and the events after it, or by folding the stream.</summary>
    private async Task ReadStoredAsync(CancellationToken ct)
    {
        LoadedStream<TState> loaded;
        if (_snapshots is not null && await _snapshots.LoadAsync<TState>(StreamId, ct) is { } snapshot)
        {
            _snapshotVersion = snapshot.Version;
            loaded = await _journal.LoadAfterAsync(StreamId, snapshot.State, snapshot.Version, ct);
        }
        else
        {
            loaded = await _journal.LoadAsync<TState>(StreamId, ct);
        }
        _stored = loaded.State;
        Version = loaded.Version;
    }

    private void AfterStore()
    {
        // The interval grows with the stream (a tenth of it), so the cost of snapshotting stays constant per event.
        if (_snapshots is not null && !_snapshotInFlight && Version - _snapshotVersion >= Math.Max(SnapshotEvery, _snapshotVersion / 10))
            _ = TakeSnapshot();
        OnStoredStateChanged();
    }

    /// <summary>
    /// Snapshots the stored state. It is immutable, so it is serialised as it was even while new commands go on; a
    /// failure only means the next activation folds more events.
    /// </summary>
    private async Task TakeSnapshot()
    {
        _snapshotInFlight = true;
        var state = Stored;
        var version = Version;
        try
        {
            await _snapshots!.SaveAsync(StreamId, version, state);
            EventStoreMetrics.SnapshotsTaken.Add(1, EventStoreMetrics.StreamKind(StreamId));
            _snapshotVersion = version;
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not snapshot {Stream} at version {Version}", StreamId, version);
        }
        finally
        {
            _snapshotInFlight = false;
        }
    }

    private sealed class PendingCommand(Func<TState, DateTimeOffset, Decision> decide, CommandContext context)
    {
        public Func<TState, DateTimeOffset, Decision> Decide { get; } = decide;

        public CommandContext Context { get; } = context;

        public TaskCompletionSource<CommandResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Written in a batch of its own: a batch it was in was refused, and the command at fault is being found.</summary>
        public bool Alone { get; set; }
    }

    /// <summary>The commands decided for one append, their events with metadata, and the state after them.</summary>
    private sealed class Batch(TState state)
    {
        public List<(PendingCommand Command, Decision Decision, int Events)> Members { get; } = [];

        public List<Recorded> Events { get; } = [];

        public TState State { get; private set; } = state;

        public void Add(PendingCommand command, Decision decision, IReadOnlyList<Recorded> recorded, TState after)
        {
            Events.AddRange(recorded);
            Members.Add((command, decision, recorded.Count));
            State = after;
        }
    }
}

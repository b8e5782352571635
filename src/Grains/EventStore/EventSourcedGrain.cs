using Microsoft.Extensions.Logging;
using Orleans.EventSourcing;
using Orleans.EventSourcing.CustomStorage;
using Orleans.Providers;
using TuyenGiao.Common;

namespace TuyenGiao.EventStore;

/// <summary>
/// Base of every event-sourced grain: its events are one Marten stream, named by <see cref="StreamId"/>.
/// Commands are decided by a pure function on the current state; the accepted events are raised and confirmed.
/// Grains that derive from this are reentrant, so commands arriving together are raised together and Orleans
/// writes them in one append (group commit); <see cref="MaxEventsPerWrite"/> bounds that batch.
/// </summary>
[LogConsistencyProvider(ProviderName = ProviderName)]
public abstract class EventSourcedGrain<TState> : JournaledGrain<AggregateView<TState>, Recorded>,
    ICustomStorageInterface<AggregateView<TState>, Recorded>
    where TState : class
{
    public const string ProviderName = "MartenEventStore";

    private readonly IEventJournal _journal;
    private readonly ISnapshotStore? _snapshots;
    private readonly ILogger _logger;
    private JournaledStream<TState>? _stream;
    private long _snapshotVersion;
    private bool _snapshotInFlight;

    /// <param name="snapshots">For states too large for an inline snapshot: where periodic snapshots go.</param>
    protected EventSourcedGrain(IEventJournal journal, TimeProvider time, ILogger logger, ISnapshotStore? snapshots = null)
    {
        _journal = journal;
        _snapshots = snapshots;
        Time = time;
        _logger = logger;
    }

    protected TimeProvider Time { get; }

    /// <summary>The readable stream id, for example <c>committee/TV</c>.</summary>
    protected abstract string StreamId { get; }

    /// <summary>The state of a stream with no events yet.</summary>
    protected abstract TState Initial { get; }

    /// <summary>The pure fold shared with Marten's snapshot projection and the tests.</summary>
    protected abstract TState Evolve(TState state, object @event);

    /// <summary>
    /// With a snapshot store: take a snapshot after this many new events, or a tenth of the stream when that is more
    /// (and at deactivation).
    /// </summary>
    protected virtual int SnapshotEvery => 10_000;

    /// <summary>The most events one append may carry; further commands wait for the write in flight.</summary>
    protected virtual int MaxEventsPerWrite => 256;

    /// <summary>
    /// The state including events raised but not yet stored: they are never dropped, only delayed, so commands
    /// that arrive together are decided one after another on it (two of them cannot both take the last place).
    /// </summary>
    protected TState Current => TentativeState.Current ?? Initial;

    private JournaledStream<TState> Stream => _stream ??= new JournaledStream<TState>(_journal, StreamId, () => Initial, _logger, Time, _snapshots);

    /// <summary>Called after the stored state changed; <see cref="OnStateChanged"/> is taken for snapshots.</summary>
    protected virtual void OnStoredStateChanged()
    {
    }

    protected sealed override void OnStateChanged()
    {
        // The interval grows with the stream (a tenth of it), so the cost of snapshotting stays constant per event.
        if (_snapshots is not null && !_snapshotInFlight && Version - _snapshotVersion >= Math.Max(SnapshotEvery, _snapshotVersion / 10))
            _ = TakeSnapshot();
        OnStoredStateChanged();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_snapshots is not null && !_snapshotInFlight && Version > _snapshotVersion && Version - _snapshotVersion >= SnapshotEvery / 10)
            await TakeSnapshot();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>
    /// Snapshots the stored (confirmed) state. It is immutable, so it is serialised as it was even while new
    /// commands go on; a failure only means the next activation folds more events.
    /// </summary>
    private async Task TakeSnapshot()
    {
        _snapshotInFlight = true;
        var state = State.Current ?? Initial;
        var version = Version;
        try
        {
            await Stream.SnapshotAsync(state, version);
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

    /// <summary>
    /// Decides on the current state, records the events with the caller's metadata and waits until they are
    /// stored. If the batch being assembled is full, it waits for the write in flight and decides again on the
    /// state that write produced.
    /// </summary>
    protected async Task<CommandResult> Execute(Func<TState, DateTimeOffset, Decision> decide, CommandContext context)
    {
        using var scope = _logger.BeginCommandScope(StreamId, context);
        while (true)
        {
            var now = Time.GetUtcNow();
            var decision = decide(Current, now);
            if (decision.Rejection is { } rejection)
            {
                _logger.Refused(StreamId, rejection.Kind, rejection.Field, rejection.Reason);
                return CommandResult.Rejected(rejection);
            }
            if (decision.Events.Count == 0)
            {
                // Nothing new, but the state it was decided on may still hold events not yet stored (a retry
                // of a command still in flight): answer only once they are durable.
                await ConfirmEvents();
                return CommandResult.Accepted(Version);
            }

            var pending = UnconfirmedEvents.Count();
            if (pending > 0 && pending + decision.Events.Count > MaxEventsPerWrite)
            {
                await ConfirmEvents();
                continue;
            }

            for (var i = 0; i < decision.Events.Count; i++)
            {
                var id = i == 0 && decision.FirstEventId is { } given ? given : Guid.CreateVersion7(now);
                RaiseEvent(new Recorded(id, decision.Events[i], context.Actor, context.CorrelationId, now));
            }
            await ConfirmEvents();
            _logger.Recorded(StreamId, decision.Events.Count, Version);
            return CommandResult.Accepted(Version);
        }
    }

    protected override void TransitionState(AggregateView<TState> view, Recorded @event) =>
        view.Current = Evolve(view.Current ?? Initial, @event.Data);

    async Task<KeyValuePair<int, AggregateView<TState>>> ICustomStorageInterface<AggregateView<TState>, Recorded>.ReadStateFromStorage()
    {
        var (version, state) = await Stream.ReadAsync();
        // Only the first read can come from a snapshot; later ones (after a conflict) start from it too.
        if (_snapshotVersion == 0 && _snapshots is not null)
            _snapshotVersion = Stream.LoadedFromSnapshotVersion;
        return new(version, new AggregateView<TState> { Current = state });
    }

    Task<bool> ICustomStorageInterface<AggregateView<TState>, Recorded>.ApplyUpdatesToStorage(IReadOnlyList<Recorded> updates, int expectedVersion) =>
        Stream.WriteAsync(updates, expectedVersion);
}

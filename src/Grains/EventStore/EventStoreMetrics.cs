using System.Diagnostics.Metrics;

namespace TuyenGiao.EventStore;

/// <summary>What the event store does, as OpenTelemetry instruments (meter "TuyenGiao.EventStore"), exported on /metrics.</summary>
public static class EventStoreMetrics
{
    public const string MeterName = "TuyenGiao.EventStore";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Events folded to load a stream's state; tagged with the kind of stream and whether a snapshot was used.</summary>
    public static readonly Counter<long> EventsReplayed = Meter.CreateCounter<long>("tuyengiao.eventstore.events_replayed", "{event}",
        "Events read and folded to activate a grain (after its snapshot, when it has one).");

    public static readonly Counter<long> SnapshotsTaken = Meter.CreateCounter<long>("tuyengiao.eventstore.snapshots_taken", "{snapshot}",
        "Snapshots of grain state written.");

    /// <summary>Events per append: the group commit's batching, at most 256 (EventSourcedGrain.MaxEventsPerWrite).</summary>
    public static readonly Histogram<long> AppendBatchSize = Meter.CreateHistogram<long>("tuyengiao.eventstore.append_batch_size", "{event}",
        "Events appended to a stream in one transaction.",
        advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });

    /// <summary>
    /// From an append handed to the batcher to the start of the transaction that carries it: long waits say the committers
    /// are all busy (many streams writing at once), not that PostgreSQL is slow.
    /// </summary>
    public static readonly Histogram<double> AppendWait = Meter.CreateHistogram<double>("tuyengiao.eventstore.append_wait", "ms",
        "Time an append waited for a transaction to carry it.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250] });

    /// <summary>
    /// One committed transaction of the batcher, from building its events to the commit's answer: with <see cref="AppendBatchSize"/>
    /// it is what bounds one stream's ingest, since a stream has one append in flight at a time.
    /// </summary>
    public static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>("tuyengiao.eventstore.commit_duration", "ms",
        "Time one committed transaction of appends took, from building its events to the commit's answer.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.5, 1, 2.5, 5, 10, 15, 25, 50, 100, 250, 1000] });

    /// <summary>Appends that failed, tagged with what the failure proves: conflict, definite (refused) or unknown.</summary>
    public static readonly Counter<long> AppendFailures = Meter.CreateCounter<long>("tuyengiao.eventstore.append_failures", "{append}",
        "Appends that failed: conflict (another writer), definite (nothing written, not retried) or unknown (looked up and retried).");

    /// <summary>Streams whose last append is in doubt and being settled right now: a stuck grain shows here.</summary>
    public static readonly UpDownCounter<long> StreamsInDoubt = Meter.CreateUpDownCounter<long>("tuyengiao.eventstore.streams_in_doubt", "{stream}",
        "Streams whose last append ended with an unknown outcome and is being looked up and retried.");

    /// <summary>Grains that gave up on their stream (past the bound of tries) and deactivated, answering 503.</summary>
    public static readonly Counter<long> WritersGivenUp = Meter.CreateCounter<long>("tuyengiao.eventstore.writers_given_up", "{grain}",
        "Grains that could not settle a write within the bound of tries, answered their callers 503 and deactivated.");

    /// <summary>
    /// The tag for a stream: its kind ("contest", "committee"...), never its id, which would make one time series per
    /// contest and committee in Prometheus.
    /// </summary>
    public static KeyValuePair<string, object?> StreamKind(string streamId)
    {
        var slash = streamId.IndexOf('/');
        return new("stream_kind", slash > 0 ? streamId[..slash] : "other");
    }
}

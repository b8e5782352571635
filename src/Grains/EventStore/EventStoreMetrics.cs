using System.Diagnostics.Metrics;

namespace TuyenGiao.EventStore;

/// <summary>What the event store does, as OpenTelemetry-ready instruments (meter "TuyenGiao.EventStore").</summary>
public static class EventStoreMetrics
{
    public const string MeterName = "TuyenGiao.EventStore";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Events folded to load a stream's state; tagged with the stream id and whether a snapshot was used.</summary>
    public static readonly Counter<long> EventsReplayed = Meter.CreateCounter<long>("tuyengiao.eventstore.events_replayed", "{event}");

    public static readonly Counter<long> SnapshotsTaken = Meter.CreateCounter<long>("tuyengiao.eventstore.snapshots_taken", "{snapshot}");

    public static readonly Histogram<long> AppendBatchSize = Meter.CreateHistogram<long>("tuyengiao.eventstore.append_batch_size", "{event}");
}

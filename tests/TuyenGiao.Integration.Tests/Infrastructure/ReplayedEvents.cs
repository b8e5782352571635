using System.Diagnostics.Metrics;
using TuyenGiao.EventStore;

namespace TuyenGiao.Integration.Tests.Infrastructure;

/// <summary>
/// Counts the events folded to load streams of one kind ("contest"), from the event store's own metric, which is tagged
/// by kind of stream, never by id. Use it on a node of the test's own, where no other stream of the kind is loaded.
/// </summary>
public sealed class ReplayedEvents : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    public ReplayedEvents(string streamKind)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == EventStoreMetrics.MeterName && instrument.Name == "tuyengiao.eventstore.events_replayed")
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
                if (tag.Key == "stream_kind" && (string?)tag.Value == streamKind)
                    Interlocked.Add(ref _total, value);
        });
        _listener.Start();
    }

    public long Total => Interlocked.Read(ref _total);

    /// <summary>The count so far, starting again from zero.</summary>
    public long Take() => Interlocked.Exchange(ref _total, 0);

    public void Dispose() => _listener.Dispose();
}

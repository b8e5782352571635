using System.Diagnostics.Metrics;

namespace TuyenGiao.Contests;

/// <summary>What contests do, as OpenTelemetry instruments (meter "TuyenGiao.Contests"), exported on /metrics.</summary>
public static class ContestMetrics
{
    public const string MeterName = "TuyenGiao.Contests";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Entries answered, tagged outcome (accepted, rejected) and, when rejected, the kind of rejection.</summary>
    public static readonly Counter<long> Submissions = Meter.CreateCounter<long>("tuyengiao.contests.submissions", "{entry}",
        "Entries submitted, by outcome (accepted includes an idempotent retry answered with its first receipt).");

    /// <summary>From the first stored change of a burst to the tally pushed to the live followers.</summary>
    public static readonly Histogram<double> TallyLatency = Meter.CreateHistogram<double>("tuyengiao.contests.tally_latency", "ms",
        "Time from a stored change to the tally that includes it being pushed to the live followers.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 10, 20, 30, 50, 75, 100, 150, 250, 500, 1000, 2500] });
}

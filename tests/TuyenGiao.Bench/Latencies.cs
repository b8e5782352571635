using System.Collections.Concurrent;

namespace TuyenGiao.Bench;

/// <summary>Latencies recorded from many threads, summarised as percentiles in milliseconds.</summary>
public sealed class Latencies
{
    private readonly ConcurrentBag<double> _milliseconds = [];

    public void Add(TimeSpan elapsed) => _milliseconds.Add(elapsed.TotalMilliseconds);

    public int Count => _milliseconds.Count;

    public Percentiles Summarise()
    {
        var sorted = _milliseconds.Order().ToArray();
        double At(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return new Percentiles(Math.Round(At(0.50), 1), Math.Round(At(0.95), 1), Math.Round(At(0.99), 1));
    }
}

public sealed record Percentiles(double P50, double P95, double P99);

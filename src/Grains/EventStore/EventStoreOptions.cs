namespace TuyenGiao.EventStore;

/// <summary>Tuning of the event store; bound from the "EventStore" configuration section.</summary>
public sealed class EventStoreOptions
{
    public const string Section = "EventStore";

    /// <summary>How many new events a large aggregate (a contest) takes before its state is snapshotted again.</summary>
    public int SnapshotEvery { get; set; } = 10_000;

    /// <summary>
    /// How many times an append whose outcome is unknown (a dropped connection, a timeout), or that keeps meeting another
    /// writer, is looked up and tried again before the grain gives up: its callers then get a 503 and it deactivates.
    /// </summary>
    public int MaxWriteAttempts { get; set; } = 8;

    /// <summary>The first pause before trying again; each next pause doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// The longest pause between two tries. With the defaults the bound is reached after about 6 s, well inside the 30 s
    /// an HTTP client waits.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How many transactions of appends may be in flight at once across the silo (<see cref="AppendBatcher"/>): appends
    /// that arrive meanwhile wait and go together into the next one.
    /// </summary>
    public int Committers { get; set; } = 4;

    /// <summary>The most streams one transaction of <see cref="AppendBatcher"/> carries.</summary>
    public int MaxStreamsPerTransaction { get; set; } = 64;

    /// <summary>
    /// Whether appends carry their links in the hash chain (<see cref="EventChain"/>). Only the benchmark switches it off,
    /// to measure what the chain costs: verify reports every event written so as unchained.
    /// </summary>
    public bool ChainLinks { get; set; } = true;

    /// <summary>The pause before try <paramref name="attempt"/> (0 is the first retry): capped exponential, with jitter.</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        var exponential = FirstRetryDelay.Ticks * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(exponential, MaxRetryDelay.Ticks);
        // Up to a quarter less, so that the activations of a failed-over node do not retry in step.
        return TimeSpan.FromTicks((long)(capped * (1 - Random.Shared.NextDouble() / 4)));
    }
}

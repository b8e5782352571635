namespace TuyenGiao.EventStore;

/// <summary>Tuning of the event store; bound from the "EventStore" configuration section.</summary>
public sealed class EventStoreOptions
{
    public const string Section = "EventStore";

    /// <summary>How many new events a large aggregate (a contest) takes before its state is snapshotted again.</summary>
    public int SnapshotEvery { get; set; } = 10_000;
}

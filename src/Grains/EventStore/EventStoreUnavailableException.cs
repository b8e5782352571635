namespace TuyenGiao.EventStore;

/// <summary>
/// A grain could not settle a write to its stream within the bound of tries (the database out of reach, or another writer
/// that keeps moving the stream). Whether the command's events are stored is not known to this caller: the grain
/// deactivates, and the same request sent again is decided on what the store holds (answered 503 with Retry-After).
/// </summary>
[GenerateSerializer]
public sealed class EventStoreUnavailableException : Exception
{
    public EventStoreUnavailableException(string streamId)
        : base($"The store could not confirm a write to '{streamId}' in time; send the same request again in a moment.") =>
        StreamId = streamId;

    [Id(0)]
    public string StreamId { get; } = "";
}

namespace TuyenGiao.EventStore;

/// <summary>
/// The append met another writer: the stream was not at the expected version, or one of the event ids is
/// already stored. Nothing of this append was written.
/// </summary>
public sealed class StreamConflictException(string streamId, long expectedVersion, Exception? inner)
    : Exception($"Stream '{streamId}' was not at version {expectedVersion}, or holds one of these events already.", inner)
{
    public string StreamId { get; } = streamId;
    public long ExpectedVersion { get; } = expectedVersion;
}

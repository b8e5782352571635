namespace TuyenGiao.EventStore;

/// <summary>
/// A faster way than Marten's per-event materialisation to fold one kind of state from its stream's rows. The journal
/// uses it when one is registered for the state; it may decline a stream (answer null), which Marten then folds.
/// </summary>
public interface IStreamReplay
{
    Type State { get; }

    /// <summary>
    /// Folds the events after <paramref name="afterVersion"/> up to <paramref name="upToVersion"/> onto
    /// <paramref name="start"/> (null: the stream's first state); null when this replay cannot fold this stream.
    /// </summary>
    Task<object?> FoldAsync(string streamId, object? start, long afterVersion, long upToVersion, CancellationToken ct = default);
}

namespace TuyenGiao.EventStore;

/// <summary>
/// A state that Marten keeps as an inline snapshot document. Marten sets <see cref="Version"/> to the version of
/// the last event folded into it; <c>Evolve</c> leaves it alone, so inside a live grain it is only meaningful
/// as loaded. <see cref="Id"/> is the stream id.
/// </summary>
public interface IVersionedSnapshot
{
    string Id { get; }
    long Version { get; }
}

namespace TuyenGiao.EventStore;

/// <summary>
/// A state that knows whether it was built in the layout this code folds into. A snapshot taken by an earlier version of
/// the code, in another layout, is not restored: the events are folded instead (snapshots are derived, never the truth).
/// </summary>
public interface ISnapshotShape
{
    bool IsCurrentShape { get; }
}

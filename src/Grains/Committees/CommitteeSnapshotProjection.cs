using JasperFx.Events;
using Marten.Events.Aggregation;

namespace TuyenGiao.Committees;

/// <summary>
/// Marten keeps each committee's snapshot current inside the append's own transaction (inline), using the
/// same <see cref="CommitteeEvolution.Evolve"/> as the grain. Activation then reads one row instead of the stream.
/// </summary>
public sealed class CommitteeSnapshotProjection : SingleStreamProjection<Committee, string>
{
    public CommitteeSnapshotProjection()
    {
        // Evolve is written over object, so Marten cannot infer the event types: without this every stream of every kind
        // would upsert a committee document named after its own id (a contest entry made 'contest/X' a committee).
        foreach (var type in CommitteeStorage.EventTypes)
            IncludeType(type);
    }

    public override Committee Evolve(Committee? snapshot, string id, IEvent e) =>
        CommitteeEvolution.Evolve(snapshot ?? Committee.Unregistered(CodeOf(id)), e.Data);

    private static string CodeOf(string streamId) => streamId[(streamId.IndexOf('/') + 1)..];
}

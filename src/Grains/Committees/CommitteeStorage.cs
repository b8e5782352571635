using JasperFx.Events.Projections;
using Marten;
using TuyenGiao.Committees.Organisation;

namespace TuyenGiao.Committees;

/// <summary>What the committee feature needs from Marten.</summary>
public static class CommitteeStorage
{
    public static void Configure(StoreOptions options)
    {
        options.Projections.Add<CommitteeSnapshotProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Committee>().Index(c => c.ParentCode!);
        options.Events.AddEventType<CommitteeRegistered>();
        options.Events.AddEventType<CommitteeRenamed>();
        options.Events.AddEventType<CommitteeMemberCountChanged>();
        options.Events.AddEventType<CommitteeMoved>();
        // Reorganisations with an effective day (issue 10): known to the store so the history can read them.
        options.Events.AddEventType<CommitteeReparented>();
        options.Events.AddEventType<CommitteeRenamedOn>();
        options.Events.AddEventType<CommitteeMerged>();
        options.Events.AddEventType<CommitteeDissolved>();
    }
}

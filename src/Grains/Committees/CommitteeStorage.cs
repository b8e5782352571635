using JasperFx.Events.Projections;
using Marten;

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
    }
}

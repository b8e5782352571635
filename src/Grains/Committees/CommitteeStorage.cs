using JasperFx.Events.Projections;
using Marten;
using TuyenGiao.Committees.Organisation;

namespace TuyenGiao.Committees;

/// <summary>What the committee feature needs from Marten.</summary>
public static class CommitteeStorage
{
    /// <summary>
    /// The events of a committee stream, and only of one: the snapshot projection takes exactly these, so an append to
    /// any other stream never touches a committee document. Reorganisations with an effective day are among them so the
    /// history can read them.
    /// </summary>
    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(CommitteeRegistered), typeof(CommitteeRenamed), typeof(CommitteeMemberCountChanged), typeof(CommitteeMoved),
        typeof(CommitteeReparented), typeof(CommitteeRenamedOn), typeof(CommitteeMerged), typeof(CommitteeDissolved),
    ];

    public static void Configure(StoreOptions options)
    {
        options.Projections.Add<CommitteeSnapshotProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<Committee>().Index(c => c.ParentCode!);
        options.Events.AddEventTypes(EventTypes);
    }
}

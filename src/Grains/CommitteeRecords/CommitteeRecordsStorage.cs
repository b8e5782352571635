using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;

namespace TuyenGiao.CommitteeRecords;

/// <summary>
/// What committee records need from Marten: the record book kept as an inline snapshot (one small document per
/// committee, current in the append's transaction), indexed by path for roll-ups over a subtree.
/// </summary>
public static class CommitteeRecordsStorage
{
    /// <summary>The events of a record-book stream: the projection takes exactly these and no other stream's.</summary>
    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(ModelProgrammeRegistered), typeof(ModelProgrammeMaintained), typeof(ModelProgrammeCommended), typeof(ModelProgrammeRetired),
        typeof(CommendationRecorded), typeof(OpinionIssueOpened), typeof(OpinionIssueResolved), typeof(InspectionRecorded),
        typeof(InspectionFollowUpRecorded),
    ];

    public static void Configure(StoreOptions options)
    {
        options.Projections.Add<RecordBookProjection>(ProjectionLifecycle.Inline);
        options.Events.AddEventTypes(EventTypes);
    }

    public sealed class RecordBookProjection : SingleStreamProjection<CommitteeRecordBook, string>
    {
        public RecordBookProjection()
        {
            foreach (var type in EventTypes)
                IncludeType(type);
        }

        public override CommitteeRecordBook Evolve(CommitteeRecordBook? snapshot, string id, IEvent e) =>
            CommitteeRecordsEvolution.Evolve(snapshot ?? CommitteeRecordBook.Empty(id[(id.IndexOf('/') + 1)..]), e.Data);
    }
}

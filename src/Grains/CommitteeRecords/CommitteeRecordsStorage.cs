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
    public static void Configure(StoreOptions options)
    {
        options.Projections.Add<RecordBookProjection>(ProjectionLifecycle.Inline);
        options.Events.AddEventType<ModelProgrammeRegistered>();
        options.Events.AddEventType<ModelProgrammeMaintained>();
        options.Events.AddEventType<ModelProgrammeCommended>();
        options.Events.AddEventType<ModelProgrammeRetired>();
        options.Events.AddEventType<CommendationRecorded>();
        options.Events.AddEventType<OpinionIssueOpened>();
        options.Events.AddEventType<OpinionIssueResolved>();
        options.Events.AddEventType<InspectionRecorded>();
        options.Events.AddEventType<InspectionFollowUpRecorded>();
    }

    public sealed class RecordBookProjection : SingleStreamProjection<CommitteeRecordBook, string>
    {
        public override CommitteeRecordBook Evolve(CommitteeRecordBook? snapshot, string id, IEvent e) =>
            CommitteeRecordsEvolution.Evolve(snapshot ?? CommitteeRecordBook.Empty(id[(id.IndexOf('/') + 1)..]), e.Data);
    }
}

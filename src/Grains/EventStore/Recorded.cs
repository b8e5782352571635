namespace TuyenGiao.EventStore;

/// <summary>
/// A domain event on its way into a stream, with the metadata the audit trail needs.
/// The id is fixed when the event is raised, so a retried write can tell which events already landed.
/// </summary>
/// <param name="DataKey">The data key its personal texts were sealed under (<see cref="IEventJournal.Seal"/>), wrapped: stored in
/// the append's own transaction.</param>
public sealed record Recorded(Guid EventId, object Data, string Actor, string CorrelationId, DateTimeOffset RecordedAt,
    PersonalData.WrappedDataKey? DataKey = null);

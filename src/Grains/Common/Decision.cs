namespace TuyenGiao.Common;

/// <summary>
/// The outcome of a pure <c>Decide</c>: either the events to record (possibly none, when the command
/// changes nothing) or a rejection. Nothing is stored for a rejection.
/// </summary>
public readonly record struct Decision
{
    private Decision(IReadOnlyList<object> events, Rejection? rejection, Guid? firstEventId = null) =>
        (Events, Rejection, FirstEventId) = (events, rejection, firstEventId);

    public IReadOnlyList<object> Events { get; }
    public Rejection? Rejection { get; }
    public bool IsRejected => Rejection is not null;

    /// <summary>
    /// The id the first event must be stored under, when the command is idempotent by nature: the store's unique
    /// event-id index then refuses a second copy atomically, even from a second activation. Null: a fresh id.
    /// </summary>
    public Guid? FirstEventId { get; }

    public static Decision Accept(params object[] events) => new(events, null);
    public static Decision AcceptWithId(Guid eventId, object @event) => new([@event], null, eventId);
    public static Decision NothingToDo { get; } = new([], null);
    public static Decision Reject(Rejection rejection) => new([], rejection);

    public static implicit operator Decision(Rejection rejection) => Reject(rejection);
}

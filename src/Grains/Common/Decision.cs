namespace TuyenGiao.Common;

/// <summary>
/// The outcome of a pure <c>Decide</c>: either the events to record (possibly none, when the command
/// changes nothing) or a rejection. Nothing is stored for a rejection.
/// </summary>
public readonly record struct Decision
{
    private Decision(IReadOnlyList<object> events, Rejection? rejection) => (Events, Rejection) = (events, rejection);

    public IReadOnlyList<object> Events { get; }
    public Rejection? Rejection { get; }
    public bool IsRejected => Rejection is not null;

    public static Decision Accept(params object[] events) => new(events, null);
    public static Decision NothingToDo { get; } = new([], null);
    public static Decision Reject(Rejection rejection) => new([], rejection);

    public static implicit operator Decision(Rejection rejection) => Reject(rejection);
}

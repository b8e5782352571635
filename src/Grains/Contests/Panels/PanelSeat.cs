using JasperFx.Events;
using Marten.Events.Projections;

namespace TuyenGiao.Contests;

/// <summary>
/// A judge's seat on one contest's panel: what lets a judge find the contests they were put on without being told their
/// ids (a judge's grant may name no contest). Panels are kept in each contest's state; this is their index by judge.
/// </summary>
/// <param name="Id">The contest and the judge (<see cref="IdFor"/>): one seat per judge and contest, however often assigned.</param>
public sealed record PanelSeat(string Id, string ContestId, string JudgeId, DateTimeOffset AssignedAt)
{
    public static string IdFor(string contestId, string judgeId) => $"{contestId}/{judgeId}";
}

/// <summary>
/// Keeps one <see cref="PanelSeat"/> per judge and contest, in the append's transaction. It handles only
/// <see cref="JudgeAssigned"/>, a few per contest: entries never touch it. A judge is never taken off a panel (the
/// decisions have no such command), so a seat, once taken, stays.
/// </summary>
public sealed class PanelSeatProjection : MultiStreamProjection<PanelSeat, string>
{
    public static readonly Type[] EventTypes = [typeof(JudgeAssigned)];

    public PanelSeatProjection()
    {
        Identity<JudgeAssigned>(SeatOf);
    }

    public static string SeatOf(JudgeAssigned assigned) => PanelSeat.IdFor(assigned.ContestId, assigned.JudgeId);

    /// <summary>The first assignment seats the judge; assigning them again (a corrected name or committee) keeps the seat as it was taken.</summary>
    public override PanelSeat? Evolve(PanelSeat? seat, string id, IEvent e) => e.Data switch
    {
        JudgeAssigned a => seat ?? new PanelSeat(id, a.ContestId, a.JudgeId, e.Timestamp),
        _ => seat,
    };
}

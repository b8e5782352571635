using System.Collections.Immutable;

namespace TuyenGiao.Campaigns;

/// <summary>
/// What a committee reports for a period, or a sum of such reports. Counts only: rates are computed from them
/// (<see cref="ActivityRates"/>), never stored, so that a roll-up divides sums and never averages rates.
/// </summary>
/// <param name="PartyMembers">Party members of the reporting committee in the period: the denominator of its rates.</param>
/// <param name="StudyAttendances">Attendances at study sessions (lượt), party members or not.</param>
/// <param name="StudyMemberAttendances">Of <paramref name="StudyAttendances"/>, attendances by party members.</param>
/// <param name="MembersStudied">Distinct party members who attended at least one study session in the period.</param>
/// <param name="MembersPledged">Party members who wrote a personal pledge (bảng cam kết tu dưỡng, rèn luyện).</param>
[GenerateSerializer, Immutable]
public sealed record ActivityFigures(
    [property: Id(0)] int PartyMembers,
    [property: Id(1)] int StudySessions,
    [property: Id(2)] int StudyAttendances,
    [property: Id(3)] int StudyMemberAttendances,
    [property: Id(4)] int MembersStudied,
    [property: Id(5)] int OralSessions,
    [property: Id(6)] int OralAttendances,
    [property: Id(7)] ImmutableArray<TrainingClassFigures> TrainingClasses,
    [property: Id(8)] int OnlineConferences,
    [property: Id(9)] int BridgePoints,
    [property: Id(10)] int MembersPledged)
{
    public static readonly ActivityFigures Zero = new(0, 0, 0, 0, 0, 0, 0, [], 0, 0, 0);

    public int Classes => TrainingClasses.Sum(c => c.Classes);

    public int Learners => TrainingClasses.Sum(c => c.Learners);

    /// <summary>The sum of two sets of figures; training classes are added up per class type (in order of first appearance).</summary>
    public ActivityFigures Add(ActivityFigures other)
    {
        var classes = new List<TrainingClassFigures>(TrainingClasses);
        foreach (var c in other.TrainingClasses)
        {
            var i = classes.FindIndex(x => x.ClassType == c.ClassType);
            if (i < 0)
                classes.Add(c);
            else
                classes[i] = classes[i] with { Classes = classes[i].Classes + c.Classes, Learners = classes[i].Learners + c.Learners };
        }
        return new ActivityFigures(
            PartyMembers + other.PartyMembers, StudySessions + other.StudySessions, StudyAttendances + other.StudyAttendances,
            StudyMemberAttendances + other.StudyMemberAttendances, MembersStudied + other.MembersStudied,
            OralSessions + other.OralSessions, OralAttendances + other.OralAttendances, [.. classes],
            OnlineConferences + other.OnlineConferences, BridgePoints + other.BridgePoints, MembersPledged + other.MembersPledged);
    }

    // ImmutableArray compares by reference; two reports with the same figures must compare equal (an idempotent retry).
    public bool Equals(ActivityFigures? other) =>
        other is not null
        && (PartyMembers, StudySessions, StudyAttendances, StudyMemberAttendances, MembersStudied, OralSessions, OralAttendances,
            OnlineConferences, BridgePoints, MembersPledged)
        == (other.PartyMembers, other.StudySessions, other.StudyAttendances, other.StudyMemberAttendances, other.MembersStudied,
            other.OralSessions, other.OralAttendances, other.OnlineConferences, other.BridgePoints, other.MembersPledged)
        && TrainingClasses.SequenceEqual(other.TrainingClasses);

    public override int GetHashCode() => HashCode.Combine(PartyMembers, StudySessions, StudyAttendances, MembersStudied, OralSessions, Classes, MembersPledged);
}

/// <summary>Training classes of one type (for example "Lý luận chính trị cho đảng viên mới"): how many, and their learners.</summary>
[GenerateSerializer, Immutable]
public sealed record TrainingClassFigures([property: Id(0)] string ClassType, [property: Id(1)] int Classes, [property: Id(2)] int Learners);

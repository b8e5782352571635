using TuyenGiao.Campaigns;

namespace TuyenGiao.Quizzes;

/// <summary>A committee of the quiz's eligible tree, with its party members (a committee's count includes those below it).</summary>
[GenerateSerializer, Immutable]
public sealed record ParticipatingCommittee([property: Id(0)] string Code, [property: Id(1)] string Name, [property: Id(2)] string? ParentCode, [property: Id(3)] int Members);

/// <param name="Own">People registered for this committee itself who took part.</param>
/// <param name="People">People of this committee and every committee below it who took part.</param>
/// <param name="Percent">People over members, to one decimal; null without members.</param>
/// <param name="AnswersGiven">Questions answered in submitted attempts, by these people.</param>
/// <param name="CorrectPercent">Answers right over answers given (not an average of people's rates); null with none given.</param>
[GenerateSerializer, Immutable]
public sealed record CommitteeParticipation(
    [property: Id(0)] string Code,
    [property: Id(1)] string Name,
    [property: Id(2)] string? ParentCode,
    [property: Id(3)] int Members,
    [property: Id(4)] int Own,
    [property: Id(5)] int People,
    [property: Id(6)] decimal? Percent,
    [property: Id(7)] long AnswersGiven,
    [property: Id(8)] long AnswersRight,
    [property: Id(9)] decimal? CorrectPercent);

/// <summary>
/// Who took part, per committee against its party members: a person takes part with their first attempt (one closed at
/// its deadline counts), once however many attempts they make; each counts in their committee and every committee above
/// it, by the committee path recorded when they registered.
/// </summary>
public static class QuizParticipation
{
    public static IReadOnlyList<CommitteeParticipation> Of(Quiz quiz, IReadOnlyList<ParticipatingCommittee> committees)
    {
        var tookPart = quiz.Attempts.Values.Select(a => a.Phone).ToHashSet(StringComparer.Ordinal);
        var answers = quiz.Attempts.Values.Where(a => a.Submission is not null)
            .GroupBy(a => a.Phone, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (Given: g.Sum(a => (long)a.Submission!.Answers.Count), Right: g.Sum(a => (long)a.Submission!.Correct)), StringComparer.Ordinal);
        var own = new Dictionary<string, int>(StringComparer.Ordinal);
        var people = new Dictionary<string, int>(StringComparer.Ordinal);
        var given = new Dictionary<string, long>(StringComparer.Ordinal);
        var right = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var participant in quiz.Participants.Values.Where(p => tookPart.Contains(p.Phone)))
        {
            own[participant.CommitteeCode] = own.GetValueOrDefault(participant.CommitteeCode) + 1;
            var (g, r) = answers.GetValueOrDefault(participant.Phone);
            foreach (var code in participant.CommitteePath)
            {
                people[code] = people.GetValueOrDefault(code) + 1;
                given[code] = given.GetValueOrDefault(code) + g;
                right[code] = right.GetValueOrDefault(code) + r;
            }
        }
        return committees.Select(c => new CommitteeParticipation(c.Code, c.Name, c.ParentCode, c.Members, own.GetValueOrDefault(c.Code), people.GetValueOrDefault(c.Code),
                Percent(people.GetValueOrDefault(c.Code), c.Members), given.GetValueOrDefault(c.Code), right.GetValueOrDefault(c.Code),
                Percent(right.GetValueOrDefault(c.Code), given.GetValueOrDefault(c.Code))))
            .ToList();
    }

    private static decimal? Percent(long part, long whole) => ActivityRates.Percent(part, whole, 1);
}

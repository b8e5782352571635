using TuyenGiao.Campaigns;

namespace TuyenGiao.Quizzes;

/// <summary>A committee of the quiz's eligible tree, with its party members (a committee's count includes those below it).</summary>
[GenerateSerializer, Immutable]
public sealed record ParticipatingCommittee([property: Id(0)] string Code, [property: Id(1)] string Name, [property: Id(2)] string? ParentCode, [property: Id(3)] int Members);

/// <summary>The participation with the quiz stream's version it was counted at: what a live follower receives.</summary>
[GenerateSerializer, Immutable]
public sealed record QuizParticipationView([property: Id(0)] long Version, [property: Id(1)] IReadOnlyList<CommitteeParticipation> Committees);

/// <summary>A committee on the path a person of the quiz registered under, at or below the eligible root it reached, with its parent then.</summary>
/// <param name="Depth">Steps below that eligible root (the root is 0).</param>
[GenerateSerializer, Immutable]
public sealed record RecordedCommittee([property: Id(0)] string Code, [property: Id(1)] string? ParentCode, [property: Id(2)] int Depth);

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
        var own = new Dictionary<string, int>(StringComparer.Ordinal);
        var people = new Dictionary<string, int>(StringComparer.Ordinal);
        var given = new Dictionary<string, long>(StringComparer.Ordinal);
        var right = new Dictionary<string, long>(StringComparer.Ordinal);
        // Summed over the paths people registered under (a few hundred), each counting its people as the events came.
        foreach (var path in quiz.Paths.Values)
        {
            own[path.Codes[0]] = own.GetValueOrDefault(path.Codes[0]) + path.PeopleTakingPart;
            foreach (var code in path.Codes)
            {
                people[code] = people.GetValueOrDefault(code) + path.PeopleTakingPart;
                given[code] = given.GetValueOrDefault(code) + path.AnswersGiven;
                right[code] = right.GetValueOrDefault(code) + path.AnswersRight;
            }
        }
        return committees.Select(c => new CommitteeParticipation(c.Code, c.Name, c.ParentCode, c.Members, own.GetValueOrDefault(c.Code), people.GetValueOrDefault(c.Code),
                Percent(people.GetValueOrDefault(c.Code), c.Members), given.GetValueOrDefault(c.Code), right.GetValueOrDefault(c.Code),
                Percent(right.GetValueOrDefault(c.Code), given.GetValueOrDefault(c.Code))))
            .ToList();
    }

    /// <summary>
    /// The committees the quiz's people registered under and those above them, up to the eligible root, as organised when
    /// they registered: a committee dissolved or moved since keeps its people and its place (as the entry tally does by default).
    /// </summary>
    public static IReadOnlyList<RecordedCommittee> RecordedCommittees(Quiz quiz, IReadOnlyCollection<string> eligibleRoots)
    {
        var found = new Dictionary<string, RecordedCommittee>(StringComparer.Ordinal);
        // The distinct paths (a few hundred), not the people (millions): in key order, so that the answer never depends on hashing.
        foreach (var path in quiz.Paths.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value.Codes))
        {
            var root = -1;
            for (var i = 0; i < path.Count && root < 0; i++)
                root = eligibleRoots.Contains(path[i]) ? i : -1;
            for (var i = 0; i <= root; i++)
                found.TryAdd(path[i], new RecordedCommittee(path[i], i + 1 < path.Count ? path[i + 1] : null, root - i));
        }
        return found.Values.OrderBy(c => c.Depth).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The lines of the participation: the eligible tree of today (so that a committee nobody of has taken part yet shows its
    /// 0 of N), each recorded committee under the parent recorded, and the recorded committees today's tree no longer holds
    /// after it, named as <paramref name="known"/> says (their code and no members when the directory does not know them).
    /// </summary>
    public static IReadOnlyList<ParticipatingCommittee> Lines(IReadOnlyList<ParticipatingCommittee> today, IReadOnlyList<RecordedCommittee> recorded,
        IReadOnlyDictionary<string, (string Name, int Members)> known)
    {
        var recordedParents = recorded.ToDictionary(r => r.Code, r => r.ParentCode, StringComparer.Ordinal);
        var lines = today.Select(c => recordedParents.TryGetValue(c.Code, out var parent) ? c with { ParentCode = parent } : c).ToList();
        var listed = today.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var committee in recorded.Where(r => !listed.Contains(r.Code)))
        {
            var (name, members) = known.TryGetValue(committee.Code, out var found) ? found : (committee.Code, 0);
            lines.Add(new ParticipatingCommittee(committee.Code, name, committee.ParentCode, members));
        }
        return lines;
    }

    private static decimal? Percent(long part, long whole) => ActivityRates.Percent(part, whole, 1);
}

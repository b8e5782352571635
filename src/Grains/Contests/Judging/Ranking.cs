namespace TuyenGiao.Contests;

/// <summary>An entry's place: the last round it was scored in, its score there, and how many judges' scores count.</summary>
/// <param name="Normalisation">How the scores of <paramref name="Round"/> were made comparable across judges.</param>
/// <param name="ScoresSetAside">Scores of this entry not counted because their judge declared a conflict with it.</param>
[GenerateSerializer, Immutable]
public sealed record RankedEntry(
    [property: Id(0)] int Place,
    [property: Id(1)] int EntryNumber,
    [property: Id(2)] string CommitteeCode,
    [property: Id(3)] int Round,
    [property: Id(4)] decimal Score,
    [property: Id(5)] int Judges,
    [property: Id(6)] ScoreNormalisationMethod Normalisation,
    [property: Id(7)] int ScoresSetAside);

/// <summary>A ranking with its workings: each round's normalisation, which the explanation of an entry shows.</summary>
public sealed record RankingWorkings(IReadOnlyList<RankedEntry> Ranked, IReadOnlyDictionary<int, NormalisedRound> Rounds);

/// <summary>
/// The ranking of accepted, scored entries. The scores that count are those of entries still in the contest by judges
/// with no conflict with the entry; each round's are normalised as chosen for it (<see cref="ScoreNormalisation"/>).
/// An entry is ranked by its latest round (an entry that reached a later round ranks above one that did not), then by
/// its score in that round: the mean of its judges' normalised scores, or with five judges or more the trimmed mean
/// (the single highest and lowest dropped). Ties go to the earlier entry (the lower entry number, which is the order of
/// submission), so the ranking is the same every time.
/// </summary>
public static class Ranking
{
    public const int TrimFrom = 5;

    public static IReadOnlyList<RankedEntry> Rank(Contest contest) =>
        Work(contest.Judging, contest.Ended.ContainsKey, contest.Details?.JudgingOrDefault() ?? JudgingRules.Default).Ranked;

    /// <param name="ended">Whether an entry was withdrawn or disqualified: its scores count nowhere.</param>
    public static RankingWorkings Work(Judging judging, Func<int, bool> ended, JudgingRules rules)
    {
        var counted = new List<(int Entry, ScoreKey Key, int Score)>();
        var setAside = new Dictionary<int, int>();
        foreach (var (number, scores) in judging.ScoresByEntry)
        {
            if (ended(number))
                continue;
            foreach (var (key, score) in scores)
            {
                if (judging.InConflict(key.JudgeId, number))
                    setAside[number] = setAside.GetValueOrDefault(number) + 1;
                else
                    counted.Add((number, key, score));
            }
        }
        // In a fixed order: the dictionaries' order varies between processes, and sums of doubles with it.
        counted.Sort((a, b) => a.Entry != b.Entry ? a.Entry.CompareTo(b.Entry) : string.CompareOrdinal(a.Key.JudgeId, b.Key.JudgeId));
        var rounds = counted.GroupBy(s => s.Key.Round).ToDictionary(round => round.Key, round => ScoreNormalisation.Normalise(
            [.. round.Select(s => new GivenScore(s.Entry, s.Key.JudgeId, s.Score))], judging.NormalisationOf(round.Key, rules)));
        var ranked = counted.GroupBy(s => s.Entry)
            .Select(entry =>
            {
                var latest = entry.Max(s => s.Key.Round);
                var normalised = rounds[latest];
                var inRound = entry.Where(s => s.Key.Round == latest).Select(s => normalised.Scores[(entry.Key, s.Key.JudgeId)]).ToList();
                return (Number: entry.Key, Round: latest, Score: Score(inRound), Judges: inRound.Count, normalised.Method);
            })
            .OrderByDescending(r => r.Round).ThenByDescending(r => r.Score).ThenBy(r => r.Number)
            .Select((r, i) => new RankedEntry(i + 1, r.Number, judging.FactsOf(r.Number).CommitteeCode, r.Round, r.Score, r.Judges, r.Method,
                setAside.GetValueOrDefault(r.Number)))
            .ToList();
        return new RankingWorkings(ranked, rounds);
    }

    /// <summary>The mean, trimmed of the highest and lowest score from <see cref="TrimFrom"/> judges on, to two decimals.</summary>
    public static decimal Score(IReadOnlyList<decimal> scores)
    {
        // Stryker disable once Linq : dropping the first and last of the scores sorted either way drops the same two
        var counted = scores.Count >= TrimFrom ? scores.Order().Skip(1).SkipLast(1).ToList() : scores.ToList();
        return Math.Round(counted.Sum() / counted.Count, 2, MidpointRounding.AwayFromZero);
    }
}

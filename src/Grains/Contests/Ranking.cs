namespace TuyenGiao.Contests;

/// <summary>An entry's place: the last round it was scored in, its score there, and how many judges scored it.</summary>
[GenerateSerializer, Immutable]
public sealed record RankedEntry(
    [property: Id(0)] int Place,
    [property: Id(1)] int EntryNumber,
    [property: Id(2)] string CommitteeCode,
    [property: Id(3)] int Round,
    [property: Id(4)] decimal Score,
    [property: Id(5)] int Judges);

/// <summary>
/// The ranking of accepted, scored entries. An entry is ranked by its latest round (an entry that reached a later
/// round ranks above one that did not), then by its score in that round: the mean of the judges' scores, or with
/// five judges or more the trimmed mean (the single highest and lowest dropped). Ties go to the earlier entry
/// (the lower entry number, which is the order of submission), so the ranking is the same every time.
/// </summary>
public static class Ranking
{
    public const int TrimFrom = 5;

    public static IReadOnlyList<RankedEntry> Rank(Contest contest)
    {
        var rows = new List<(int Number, string Committee, int Round, decimal Score, int Judges)>();
        foreach (var (number, scores) in contest.Judging.ScoresByEntry)
        {
            if (contest.Ended.ContainsKey(number) || scores.Count == 0)
                continue;
            var round = scores.Keys.Max(k => k.Round);
            var inRound = scores.Where(s => s.Key.Round == round).Select(s => s.Value).ToList();
            rows.Add((number, contest.Judging.FactsOf(number).CommitteeCode, round, Score(inRound), inRound.Count));
        }
        return rows
            .OrderByDescending(r => r.Round).ThenByDescending(r => r.Score).ThenBy(r => r.Number)
            .Select((r, i) => new RankedEntry(i + 1, r.Number, r.Committee, r.Round, r.Score, r.Judges))
            .ToList();
    }

    /// <summary>The mean, trimmed of the highest and lowest score from <see cref="TrimFrom"/> judges on, to two decimals.</summary>
    public static decimal Score(IReadOnlyList<int> scores)
    {
        var counted = scores.Count >= TrimFrom ? scores.Order().Skip(1).SkipLast(1).ToList() : scores.ToList();
        return Math.Round((decimal)counted.Sum() / counted.Count, 2, MidpointRounding.AwayFromZero);
    }
}

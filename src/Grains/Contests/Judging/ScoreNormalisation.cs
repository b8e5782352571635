namespace TuyenGiao.Contests;

/// <summary>How a round's scores are made comparable across judges before they are averaged (issue 23).</summary>
public enum ScoreNormalisationMethod
{
    /// <summary>The scores as given (the ranking until now).</summary>
    Raw,

    /// <summary>Each judge's scores standardised over the entries that judge scored, then mapped back by the panel's mean and spread.</summary>
    ZScore,

    /// <summary>Each judge's scores turned into ranks among that judge's entries, on a scale of 0 (last) to 100 (first).</summary>
    Rank,
}

/// <summary>One score as given in a round.</summary>
public readonly record struct GivenScore(int EntryNumber, string JudgeId, int Score);

/// <summary>A judge's part in a normalised round: their mean and spread, or why their scores were used as given.</summary>
/// <param name="UsedRaw">True when the judge scored fewer than <see cref="ScoreNormalisation.MinScoresPerJudge"/> entries
/// in the round (too few to say whether they are harsh or lenient), or the method is raw.</param>
public sealed record JudgeScale(string JudgeId, int Scores, decimal Mean, decimal Spread, bool UsedRaw);

/// <summary>A round's scores after normalisation, each with the score it came from, and every judge's scale.</summary>
/// <param name="PanelMean">The mean of every score given in the round (what z-scores are mapped back by).</param>
/// <param name="PanelSpread">Their population standard deviation.</param>
public sealed record NormalisedRound(
    ScoreNormalisationMethod Method,
    IReadOnlyDictionary<(int EntryNumber, string JudgeId), decimal> Scores,
    IReadOnlyList<JudgeScale> Judges,
    decimal PanelMean,
    decimal PanelSpread);

/// <summary>
/// A harsh judge and a lenient one scoring different entries make a plain mean unfair: normalisation puts each judge's
/// scores on a common scale first. Pure: the explanation of a ranking recomputes it from the events.
/// </summary>
public static class ScoreNormalisation
{
    /// <summary>A judge with fewer scores than this in a round has their scores used as given.</summary>
    public const int MinScoresPerJudge = 3;

    public static NormalisedRound Normalise(IReadOnlyList<GivenScore> round, ScoreNormalisationMethod method)
    {
        var (panelMean, panelSpread) = MeanAndSpread(round.Select(s => (double)s.Score).ToList());
        var scores = new Dictionary<(int, string), decimal>();
        var judges = new List<JudgeScale>();
        foreach (var judge in round.GroupBy(s => s.JudgeId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var given = judge.ToList();
            var (mean, spread) = MeanAndSpread(given.Select(s => (double)s.Score).ToList());
            var raw = method == ScoreNormalisationMethod.Raw || given.Count < MinScoresPerJudge;
            judges.Add(new JudgeScale(judge.Key, given.Count, Round(mean), Round(spread), raw));
            foreach (var score in given)
            {
                scores[(score.EntryNumber, score.JudgeId)] = raw ? score.Score
                    : method == ScoreNormalisationMethod.ZScore ? Round(Math.Clamp(panelMean + ZOf(score.Score, mean, spread) * panelSpread, 0, 100))
                    : Round(RankScale(score.Score, given));
            }
        }
        return new NormalisedRound(method, scores, judges, Round(panelMean), Round(panelSpread));
    }

    /// <summary>A judge who gave every entry the same score says nothing about one against another: each is at their mean.</summary>
    private static double ZOf(int score, double mean, double spread) => spread == 0 ? 0 : (score - mean) / spread;

    /// <summary>100 for the judge's best, 0 for their worst, evenly between; entries the judge scored alike share their mean place.</summary>
    private static double RankScale(int score, IReadOnlyList<GivenScore> given)
    {
        var above = given.Count(s => s.Score > score);
        var alike = given.Count(s => s.Score == score);
        var place = above + (alike - 1) / 2.0;
        return 100 * (given.Count - 1 - place) / (given.Count - 1);
    }

    private static (double Mean, double Spread) MeanAndSpread(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            return (0, 0);
        var mean = values.Average();
        // Stryker disable once Arithmetic : (v + m)(v - m) summed is Σv² - n·m², which is the same sum of squares about the mean
        return (mean, Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count));
    }

    private static decimal Round(double value) => Math.Round((decimal)value, 2, MidpointRounding.AwayFromZero);
}

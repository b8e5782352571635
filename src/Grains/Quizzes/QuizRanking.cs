namespace TuyenGiao.Quizzes;

/// <summary>How one attempt ended: submitted, or closed at its deadline as it stood (then with no answers and no prediction).</summary>
/// <param name="Took">From the attempt's start to its submission (or to its deadline when it was not submitted).</param>
/// <param name="EndedAt">When it was submitted, or its deadline.</param>
[GenerateSerializer, Immutable]
public sealed record AttemptOutcome(
    [property: Id(0)] string AttemptId,
    [property: Id(1)] string Participant,
    [property: Id(2)] int Correct,
    [property: Id(3)] long? Prediction,
    [property: Id(4)] TimeSpan Took,
    [property: Id(5)] DateTimeOffset EndedAt);

/// <param name="Rank">Standard competition ranking: people equal at every level share a rank, the next rank skips.</param>
/// <param name="PredictionOff">How far the prediction was from the round's actual number; null without a prediction.</param>
[GenerateSerializer, Immutable]
public sealed record RankedAttempt([property: Id(0)] int Rank, [property: Id(1)] AttemptOutcome Attempt, [property: Id(2)] long? PredictionOff);

/// <param name="AllCorrect">How many people's counted attempt answered every question right: the prediction question's answer.</param>
[GenerateSerializer, Immutable]
public sealed record RoundRanking([property: Id(0)] int AllCorrect, [property: Id(1)] IReadOnlyList<RankedAttempt> Ranking);

/// <summary>
/// The round's ranking, the way such quizzes' rules are written: most correct answers; then the prediction closest to
/// the number of people who answered every question right; then the shorter time taken; then the earlier submission.
/// </summary>
public static class QuizRanking
{
    /// <summary>The number that stands for the overall ranking, over every round, where a round's number is expected (prizes, results).</summary>
    public const int Overall = 0;

    /// <summary>The attempt that counts for a person: their first to end, or their best by the ranking's order without the prediction.</summary>
    public static AttemptOutcome Counted(IEnumerable<AttemptOutcome> attemptsOfOnePerson, AttemptCounting counting) => counting switch
    {
        AttemptCounting.First => attemptsOfOnePerson.OrderBy(a => a.EndedAt).ThenBy(a => a.AttemptId, StringComparer.Ordinal).First(),
        _ => attemptsOfOnePerson.OrderByDescending(a => a.Correct).ThenBy(a => a.Took).ThenBy(a => a.EndedAt).ThenBy(a => a.AttemptId, StringComparer.Ordinal).First(),
    };

    /// <param name="attempts">Every ended attempt of the round, of every person.</param>
    public static RoundRanking Rank(IEnumerable<AttemptOutcome> attempts, int questionsPerAttempt, AttemptCounting counting)
    {
        var counted = attempts.GroupBy(a => a.Participant, StringComparer.Ordinal).Select(g => Counted(g, counting)).ToList();
        var allCorrect = counted.Count(a => a.Correct == questionsPerAttempt);
        long? Off(AttemptOutcome a) => a.Prediction is { } p ? Math.Abs(p - allCorrect) : null;
        var ordered = counted
            .Select(a => (Attempt: a, Off: Off(a)))
            .OrderByDescending(x => x.Attempt.Correct)
            .ThenBy(x => x.Off ?? long.MaxValue)
            .ThenBy(x => x.Attempt.Took)
            .ThenBy(x => x.Attempt.EndedAt)
            .ThenBy(x => x.Attempt.Participant, StringComparer.Ordinal)
            .ToList();
        var ranking = new List<RankedAttempt>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var (attempt, off) = ordered[i];
            var tiedWithPrevious = i > 0 && Level(ordered[i - 1]) == Level(ordered[i]);
            ranking.Add(new RankedAttempt(tiedWithPrevious ? ranking[i - 1].Rank : i + 1, attempt, off));
        }
        return new RoundRanking(allCorrect, ranking);
    }

    /// <summary>
    /// The ranking over every round, from each round's ranking: most correct answers in total (a round not taken counts
    /// nothing); then fewer rounds without a prediction; then the smaller total distance of the predictions; then the
    /// shorter total time; then the earlier end of one's last counted attempt. The same order as a round's, summed.
    /// </summary>
    /// <param name="rounds">Every round's ranking; the quiz's overall ranking is final once the last round has closed.</param>
    /// <param name="questionsPerAttempt">For the number who answered every question right in every round.</param>
    public static RoundRanking RankOverall(IReadOnlyList<RoundRanking> rounds, int questionsPerAttempt)
    {
        var people = rounds.SelectMany(r => r.Ranking).GroupBy(r => r.Attempt.Participant, StringComparer.Ordinal).Select(g => new
        {
            Total = new AttemptOutcome(nameof(Overall), g.Key, g.Sum(r => r.Attempt.Correct), null,
                g.Aggregate(TimeSpan.Zero, (took, r) => took + r.Attempt.Took), g.Max(r => r.Attempt.EndedAt)),
            Rounds = g.Count(),
            Unpredicted = rounds.Count - g.Count(r => r.PredictionOff is not null),
            Off = g.Any(r => r.PredictionOff is not null) ? g.Sum(r => r.PredictionOff ?? 0) : (long?)null,
        }).ToList();
        var ordered = people
            .OrderByDescending(p => p.Total.Correct)
            .ThenBy(p => p.Unpredicted)
            .ThenBy(p => p.Off ?? 0)
            .ThenBy(p => p.Total.Took)
            .ThenBy(p => p.Total.EndedAt)
            .ThenBy(p => p.Total.Participant, StringComparer.Ordinal)
            .ToList();
        var ranking = new List<RankedAttempt>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var tied = i > 0 && OverallLevel(ordered[i - 1].Total, ordered[i - 1].Unpredicted, ordered[i - 1].Off)
                == OverallLevel(ordered[i].Total, ordered[i].Unpredicted, ordered[i].Off);
            ranking.Add(new RankedAttempt(tied ? ranking[i - 1].Rank : i + 1, ordered[i].Total, ordered[i].Off));
        }
        var perfect = questionsPerAttempt * rounds.Count;
        return new RoundRanking(people.Count(p => p.Total.Correct == perfect && p.Rounds == rounds.Count), ranking);
    }

    private static (int, int, long, TimeSpan, DateTimeOffset) OverallLevel(AttemptOutcome total, int unpredicted, long? off) =>
        (total.Correct, unpredicted, off ?? 0, total.Took, total.EndedAt);

    private static (int, long, TimeSpan, DateTimeOffset) Level((AttemptOutcome Attempt, long? Off) x) =>
        (x.Attempt.Correct, x.Off ?? long.MaxValue, x.Attempt.Took, x.Attempt.EndedAt);
}

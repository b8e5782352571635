namespace TuyenGiao.Quizzes;

/// <summary>
/// A question of the bank: its text, four options, and the options that are right (one or more). The key
/// (<see cref="Correct"/>) never leaves the system before the round closes: see <see cref="QuizQuestionShown"/>.
/// </summary>
/// <param name="Number">The question's number in the bank, from 1.</param>
/// <param name="Correct">Indexes into <see cref="Options"/> (0 to 3), ascending.</param>
[GenerateSerializer, Immutable]
public sealed record QuizQuestion(
    [property: Id(0)] int Number,
    [property: Id(1)] string Text,
    [property: Id(2)] IReadOnlyList<string> Options,
    [property: Id(3)] IReadOnlyList<int> Correct);

/// <summary>A question as a participant sees it while answering: no key.</summary>
[GenerateSerializer, Immutable]
public sealed record QuizQuestionShown([property: Id(0)] int Number, [property: Id(1)] string Text, [property: Id(2)] IReadOnlyList<string> Options)
{
    public static QuizQuestionShown Of(QuizQuestion question) => new(question.Number, question.Text, question.Options);
}

/// <summary>A round (for example a week) with its own window; attempts are started and submitted within it.</summary>
[GenerateSerializer, Immutable]
public sealed record QuizRound([property: Id(0)] int Number, [property: Id(1)] DateTimeOffset OpensAt, [property: Id(2)] DateTimeOffset ClosesAt);

/// <summary>Which of a person's attempts in a round counts for the ranking.</summary>
public enum AttemptCounting
{
    /// <summary>The first attempt submitted (or closed at its deadline).</summary>
    First,

    /// <summary>The best by the ranking's own order: most correct, then the shorter time, then the earlier.</summary>
    Best,
}

/// <summary>How the quiz is run: questions drawn per attempt, time per attempt, rounds, attempts per round, the prediction question.</summary>
/// <param name="TimeLimit">Per attempt, from its start; an attempt also ends with its round.</param>
[GenerateSerializer, Immutable]
public sealed record QuizRules(
    [property: Id(0)] int QuestionsPerAttempt,
    [property: Id(1)] TimeSpan TimeLimit,
    [property: Id(2)] int AttemptsPerRound,
    [property: Id(3)] AttemptCounting Counting,
    [property: Id(4)] IReadOnlyList<QuizRound> Rounds,
    [property: Id(5)] string PredictionQuestion)
{
    /// <summary>The round open at a moment, if any.</summary>
    public QuizRound? RoundAt(DateTimeOffset now) => Rounds.FirstOrDefault(r => r.OpensAt <= now && now < r.ClosesAt);

    /// <summary>
    /// The round whose close makes a round's results final: the round itself, or the last one for the overall ranking
    /// (<see cref="QuizRanking.Overall"/>); null when the quiz has no such round.
    /// </summary>
    public QuizRound? ClosingOf(int round) => round == QuizRanking.Overall ? Rounds.LastOrDefault() : Rounds.FirstOrDefault(r => r.Number == round);
}

/// <summary>A participant's choice for one drawn question: the options they ticked (indexes 0 to 3).</summary>
[GenerateSerializer, Immutable]
public sealed record QuizAnswer([property: Id(0)] int Question, [property: Id(1)] IReadOnlyList<int> Chosen);

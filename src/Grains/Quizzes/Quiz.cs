using System.Collections.Immutable;

namespace TuyenGiao.Quizzes;

/// <summary>A contest's online quiz as its events made it. <see cref="Id"/> is the stream id, <see cref="ContestId"/> the contest's.</summary>
[GenerateSerializer, Immutable]
public sealed record Quiz(
    [property: Id(0)] string Id,
    [property: Id(1)] string ContestId,
    [property: Id(2)] QuizRules? Rules,
    [property: Id(3)] ImmutableSortedDictionary<int, QuizQuestion> Bank,
    [property: Id(4)] ImmutableDictionary<string, Participant> Participants,
    [property: Id(5)] ImmutableDictionary<string, Attempt> Attempts,
    [property: Id(6)] ImmutableList<RoundPrize> Prizes,
    [property: Id(7)] ImmutableSortedSet<int> PublishedRounds)
{
    public static string StreamIdFor(string contestId) => $"quiz/{contestId}";

    public static Quiz None(string contestId) => new(StreamIdFor(contestId), contestId, null, ImmutableSortedDictionary<int, QuizQuestion>.Empty,
        ImmutableDictionary.Create<string, Participant>(StringComparer.Ordinal), ImmutableDictionary.Create<string, Attempt>(StringComparer.Ordinal),
        ImmutableList<RoundPrize>.Empty, ImmutableSortedSet<int>.Empty);

    /// <summary>The round open at a moment, if any.</summary>
    public QuizRound? RoundAt(DateTimeOffset now) => Rules?.RoundAt(now);
}

[GenerateSerializer, Immutable]
public sealed record Participant(
    [property: Id(0)] string Phone,
    [property: Id(1)] string Name,
    [property: Id(2)] int BirthYear,
    [property: Id(3)] string CommitteeCode,
    [property: Id(4)] IReadOnlyList<string> CommitteePath,
    [property: Id(5)] string KeyHash);

/// <param name="Submission">Null until submitted; an attempt past its deadline without one is closed as it stands.</param>
[GenerateSerializer, Immutable]
public sealed record Attempt(
    [property: Id(0)] string AttemptId,
    [property: Id(1)] string Phone,
    [property: Id(2)] int Round,
    [property: Id(3)] IReadOnlyList<int> Questions,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] DateTimeOffset Deadline,
    [property: Id(6)] AttemptSubmitted? Submission)
{
    /// <summary>Ended: submitted, or past its deadline.</summary>
    public bool HasEnded(DateTimeOffset now) => Submission is not null || now >= Deadline;

    /// <summary>How it ended, for the ranking; null while it may still be submitted.</summary>
    public AttemptOutcome? Outcome(DateTimeOffset now) => Submission switch
    {
        { } s => new AttemptOutcome(AttemptId, Phone, s.Correct, s.Prediction, s.SubmittedAt - StartedAt, s.SubmittedAt),
        null when now >= Deadline => new AttemptOutcome(AttemptId, Phone, 0, null, Deadline - StartedAt, Deadline),
        _ => null,
    };
}

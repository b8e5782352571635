using System.Collections.Immutable;

namespace TuyenGiao.Quizzes;

/// <summary>A contest's online quiz as its events made it. <see cref="Id"/> is the stream id, <see cref="ContestId"/> the contest's.</summary>
/// <param name="Paths">Every committee path its people registered under, once (<see cref="PathKey"/>): shared by their
/// records, and counting what its people did, so that the participation is summed over a few hundred paths instead of
/// millions of people and attempts.</param>
/// <param name="Shape">The layout of this state (<see cref="CurrentShape"/>).</param>
[GenerateSerializer, Immutable]
public sealed record Quiz(
    [property: Id(0)] string Id,
    [property: Id(1)] string ContestId,
    [property: Id(2)] QuizRules? Rules,
    [property: Id(3)] ImmutableSortedDictionary<int, QuizQuestion> Bank,
    [property: Id(4)] ImmutableDictionary<string, Participant> Participants,
    [property: Id(5)] ImmutableDictionary<string, Attempt> Attempts,
    [property: Id(6)] ImmutableList<RoundPrize> Prizes,
    [property: Id(7)] ImmutableSortedSet<int> PublishedRounds,
    [property: Id(8)] ImmutableDictionary<string, RegisteredPath> Paths,
    [property: Id(9)] int Shape) : EventStore.ISnapshotShape
{
    /// <summary>
    /// The layout of this state. A snapshot of another layout is not restored: the state is folded from the events instead.
    /// 1: each person knows their attempts, and each path counts its people who took part and their answers.
    /// 2: people are kept by participant id (a pseudonym) with their name sealed, and their number only when plain.
    /// </summary>
    public const int CurrentShape = 2;

    public bool IsCurrentShape => Shape == CurrentShape;

    public static string StreamIdFor(string contestId) => $"quiz/{contestId}";

    /// <summary>The key of a committee path in <see cref="Paths"/>: its codes joined by a separator no code contains.</summary>
    public static string PathKey(IReadOnlyList<string> path) => string.Join('\u001F', path);

    public static Quiz None(string contestId) => new(StreamIdFor(contestId), contestId, null, ImmutableSortedDictionary<int, QuizQuestion>.Empty,
        ImmutableDictionary.Create<string, Participant>(StringComparer.Ordinal), ImmutableDictionary.Create<string, Attempt>(StringComparer.Ordinal),
        ImmutableList<RoundPrize>.Empty, ImmutableSortedSet<int>.Empty, ImmutableDictionary.Create<string, RegisteredPath>(StringComparer.Ordinal),
        CurrentShape);

    /// <summary>
    /// How a person is named in the quiz's events and state: their pseudonym's text, or their number (+84…) for a person
    /// registered before personal data was sealed. The two never meet: a pseudonym's text is 16 hex digits, a number
    /// starts with "+".
    /// </summary>
    public static string ParticipantId(long participantKey) => PersonalData.PersonPseudonyms.Show(participantKey);

    /// <summary>The id this number is registered under, if it is: its pseudonym's, or the number itself (a registration before sealing).</summary>
    public Participant? Find(string phone, PersonalData.PersonPseudonyms people) =>
        // Stryker disable once NullCoalescing: one number is registered under one id only (the rules refuse a second), so the order finds the same person.
        Participants.GetValueOrDefault(ParticipantId(people.OfParticipant(phone))) ?? Participants.GetValueOrDefault(phone);

    /// <summary>The round open at a moment, if any.</summary>
    public QuizRound? RoundAt(DateTimeOffset now) => Rules?.RoundAt(now);
}

/// <param name="Id">Their participant id (<see cref="Quiz.ParticipantId"/>), by which the quiz's events name them.</param>
/// <param name="Name">As stored: sealed (opened where shown), or plain for a registration before sealing.</param>
/// <param name="CommitteePath">Shared by everyone registered under the same path (<see cref="Quiz.Paths"/>): three million people
/// are a few hundred committees.</param>
/// <param name="KeyHash">The 32 bytes of the key's SHA-256 (the events keep its hex text).</param>
/// <param name="AttemptIds">Their attempts in the order started: what the attempt rules count, without reading a million
/// attempts to find a person's few.</param>
/// <param name="PlainPhone">The number of a registration stored plain (before sealing, or on a node storing plain for the
/// benchmark); null for a sealed one, whose number is read from <paramref name="SealedRegistration"/> when shown (to
/// the organiser, for a prize): three million sealed numbers would double the state and its snapshot.</param>
/// <param name="SealedRegistration">The key their registration's data is sealed under (its id), through which its event is
/// found (<see cref="PersonalData.PersonalDataVault.EventsOfKeysAsync"/>).</param>
/// <param name="PlainBirthYear">The year of a registration before sealing; null for a sealed one (its event keeps the year, sealed).</param>
/// <param name="DetailsKey">The pseudonym of name and year of a sealed registration (<see cref="ParticipantRegisteredV2.DetailsKey"/>).</param>
[GenerateSerializer, Immutable]
public sealed record Participant(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(3)] string CommitteeCode,
    [property: Id(4)] IReadOnlyList<string> CommitteePath,
    [property: Id(5)] byte[] KeyHash,
    [property: Id(6)] ImmutableArray<string> AttemptIds,
    [property: Id(7)] string? PlainPhone,
    [property: Id(8)] int? PlainBirthYear,
    [property: Id(9)] long? DetailsKey,
    [property: Id(10)] Guid? SealedRegistration)
{
    /// <summary>A person takes part with their first attempt (one closed at its deadline counts).</summary>
    public bool TookPart => !AttemptIds.IsDefaultOrEmpty;

    /// <summary>The path their part is counted under in <see cref="Quiz.Paths"/>: the one recorded, or their committee alone without one.</summary>
    public IReadOnlyList<string> CountedPath => CommitteePath.Count > 0 ? CommitteePath : [CommitteeCode];
}

/// <summary>A committee path people registered under, and what they did, summed as the events come.</summary>
/// <param name="Codes">The committee first, then each one above it, as organised when its first person registered.</param>
/// <param name="PeopleTakingPart">People registered under it who have made an attempt.</param>
/// <param name="AnswersGiven">Questions answered in their submitted attempts.</param>
/// <param name="AnswersRight">Of those, answered right.</param>
[GenerateSerializer, Immutable]
public sealed record RegisteredPath(
    [property: Id(0)] IReadOnlyList<string> Codes,
    [property: Id(1)] int PeopleTakingPart,
    [property: Id(2)] long AnswersGiven,
    [property: Id(3)] long AnswersRight);

/// <param name="Submission">Null until submitted; an attempt past its deadline without one is closed as it stands.</param>
[GenerateSerializer, Immutable]
public sealed record Attempt(
    [property: Id(0)] string AttemptId,
    [property: Id(1)] string Participant,
    [property: Id(2)] int Round,
    [property: Id(3)] IReadOnlyList<int> Questions,
    [property: Id(4)] DateTimeOffset StartedAt,
    [property: Id(5)] DateTimeOffset Deadline,
    [property: Id(6)] SubmittedAttempt? Submission)
{
    /// <summary>Ended: submitted, or past its deadline.</summary>
    public bool HasEnded(DateTimeOffset now) => Submission is not null || now >= Deadline;

    /// <summary>How it ended, for the ranking; null while it may still be submitted.</summary>
    public AttemptOutcome? Outcome(DateTimeOffset now) => Submission switch
    {
        { } s => new AttemptOutcome(AttemptId, Participant, s.Correct, s.Prediction, s.SubmittedAt - StartedAt, s.SubmittedAt),
        null when now >= Deadline => new AttemptOutcome(AttemptId, Participant, 0, null, Deadline - StartedAt, Deadline),
        _ => null,
    };
}

/// <summary>
/// What the rules keep of a submission: its result, and a fingerprint of its answers instead of the answers (the event
/// keeps them), enough to tell a retry of the same answers from other ones: 1,800 bytes an attempt become about 60.
/// </summary>
/// <param name="Answered">How many questions were answered.</param>
/// <param name="AnswersFingerprint">SHA-256 of the answers in order (<see cref="QuizAnswers.Fingerprint"/>), its first 16 bytes.</param>
[GenerateSerializer, Immutable]
public sealed record SubmittedAttempt(
    [property: Id(0)] int Correct,
    [property: Id(1)] int Answered,
    [property: Id(2)] long Prediction,
    [property: Id(3)] DateTimeOffset SubmittedAt,
    [property: Id(4)] UInt128 AnswersFingerprint);

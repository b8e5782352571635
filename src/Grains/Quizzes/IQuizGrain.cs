using TuyenGiao.Common;

namespace TuyenGiao.Quizzes;

/// <summary>A contest's online quiz (its rules, question bank, participants and attempts), keyed by the contest id.</summary>
public interface IQuizGrain : IGrainWithStringKey
{
    Task<CommandResult> SetRules(SetQuizRules command, CommandContext context);

    Task<CommandResult> LoadBank(LoadQuestionBank command, CommandContext context);

    /// <summary>Registers a person, or gives the same person a new key.</summary>
    Task<CommandResult> Register(RegisterParticipant command, CommandContext context);

    /// <summary>Starts an attempt; the same attempt id again records nothing. Answers the attempt as the participant sees it.</summary>
    Task<(CommandResult Result, AttemptView? Attempt)> Start(StartAttempt command, CommandContext context);

    /// <summary>Submits an attempt; the same submission again records nothing and answers the same result.</summary>
    Task<(CommandResult Result, AttemptView? Attempt)> Submit(SubmitAttempt command, CommandContext context);

    /// <summary>Fills the round's prizes from its ranking (the contest's individual tiers), once the round has closed.</summary>
    Task<CommandResult> FillPrizes(int round, CommandContext context);

    Task<CommandResult> GrantPrize(GrantRoundPrize command, CommandContext context);

    /// <summary>Makes the round's prizes final and public.</summary>
    Task<CommandResult> PublishResults(int round, CommandContext context);

    Task<CommandResult> CorrectPrize(CorrectRoundPrize command, CommandContext context);

    /// <summary>The round's prizes as they stand, tier by tier, with who holds each (the organiser's view: phones included).</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<IReadOnlyList<PrizeHolder>> Prizes(int round);

    /// <summary>The quiz as anyone may see it: rules and rounds, the bank's size; never the key. Null before it is set up.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<QuizView?> Get();

    /// <summary>Who took part, per committee of <paramref name="committees"/> against its members, now.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<QuizParticipationView> Participation(IReadOnlyList<ParticipatingCommittee> committees);

    /// <summary>The version of the quiz's stream as stored: cheap, for a live feed to tell whether anything changed.</summary>
    Task<long> StoredVersion();

    /// <summary>The committees its people registered under, up to the eligible roots, as organised then (<see cref="QuizParticipation.RecordedCommittees"/>).</summary>
    Task<IReadOnlyList<RecordedCommittee>> RecordedCommittees(IReadOnlyList<string> eligibleRoots);

    /// <summary>The round's ranking and the key of the questions drawn in it, once the round has closed; null before.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<RoundResults?> Results(int round);
}

/// <summary>An attempt as its participant sees it: the questions without the key, the deadline; the result once submitted.</summary>
[GenerateSerializer, Immutable]
public sealed record AttemptView(
    [property: Id(0)] string AttemptId,
    [property: Id(1)] int Round,
    [property: Id(2)] IReadOnlyList<QuizQuestionShown> Questions,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset Deadline,
    [property: Id(5)] int? Correct,
    [property: Id(6)] DateTimeOffset? SubmittedAt);

[GenerateSerializer, Immutable]
public sealed record QuizView(
    [property: Id(0)] string ContestId,
    [property: Id(1)] QuizRules Rules,
    [property: Id(2)] int BankSize,
    [property: Id(3)] int Participants,
    [property: Id(4)] string Consent,
    [property: Id(5)] IReadOnlyList<int> PublishedRounds);

/// <summary>A prize of a round and the person who holds it.</summary>
/// <param name="Phone">Their number as stored (sealed, opened where shown), for the organiser; null in the public results.</param>
[GenerateSerializer, Immutable]
public sealed record PrizeHolder([property: Id(0)] string Tier, [property: Id(1)] Participant Person, [property: Id(2)] string? Phone = null);

/// <param name="Key">The questions drawn in the round, with their right options: published with the results.</param>
/// <param name="Prizes">The round's prizes once published; empty before.</param>
/// <param name="Version">The quiz stream's version they were computed at: the same version, the same results.</param>
/// <param name="People">The ranked people, by participant id: their names as stored (sealed), opened where shown; their numbers are never published.</param>
[GenerateSerializer, Immutable]
public sealed record RoundResults(
    [property: Id(0)] int Round,
    [property: Id(1)] RoundRanking Ranking,
    [property: Id(2)] IReadOnlyList<QuizQuestion> Key,
    [property: Id(3)] IReadOnlyDictionary<string, Participant> People,
    [property: Id(4)] bool Published,
    [property: Id(5)] IReadOnlyList<PrizeHolder> Prizes,
    [property: Id(6)] long Version);

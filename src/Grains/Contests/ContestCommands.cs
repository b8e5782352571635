namespace TuyenGiao.Contests;

// Commands to a contest grain; the contest id is the grain's key.

/// <param name="PersonalDataRetentionMonths">When set, the entrants' personal data (their names) is erased this many
/// months after the results are published (<see cref="ContestDecisions.EraseEntrantsPersonalData"/>); when not, it is
/// kept until a person asks for its erasure.</param>
[GenerateSerializer, Immutable]
public sealed record ContestDetails(
    [property: Id(0)] string Title,
    [property: Id(1)] string Description,
    [property: Id(2)] DateTimeOffset OpensAt,
    [property: Id(3)] DateTimeOffset ClosesAt,
    [property: Id(4)] int Target,
    [property: Id(5)] IReadOnlyList<string> EligibleCommittees,
    [property: Id(6)] int PerAuthorLimit,
    [property: Id(7)] IReadOnlyList<PrizeTier> IndividualPrizes,
    [property: Id(8)] IReadOnlyList<PrizeTier> CollectivePrizes,
    [property: Id(9)] JudgingRules? Judging = null,
    [property: Id(10)] int? PersonalDataRetentionMonths = null)
{
    /// <summary>The judging rules, or the defaults for a contest announced without (or before they existed).</summary>
    /// <remarks>A method, not a property: a property would be written into every stored ContestAnnounced.</remarks>
    public JudgingRules JudgingOrDefault() => Judging ?? JudgingRules.Default;
}

[GenerateSerializer, Immutable]
public sealed record AnnounceContest([property: Id(0)] string OrganiserCode, [property: Id(1)] ContestKind Kind, [property: Id(2)] ContestDetails Details);

[GenerateSerializer, Immutable]
public sealed record AmendContest([property: Id(0)] ContestDetails Details);

[GenerateSerializer, Immutable]
public sealed record CancelContest([property: Id(0)] string Reason);

[GenerateSerializer, Immutable]
public sealed record SubmitEntry(
    [property: Id(0)] string SubmissionId,
    [property: Id(1)] string AuthorName,
    [property: Id(2)] string CommitteeCode,
    [property: Id(3)] string Title,
    [property: Id(4)] int Words,
    [property: Id(5)] int? QuestionsAnswered,
    [property: Id(6)] int? QuestionsCorrect,
    [property: Id(7)] long AuthorKey = 0);

[GenerateSerializer, Immutable]
public sealed record WithdrawEntry([property: Id(0)] string SubmissionId);

[GenerateSerializer, Immutable]
public sealed record DisqualifyEntry([property: Id(0)] int EntryNumber, [property: Id(1)] string Reason);

/// <summary>The answer to a submission; a retry with the same submission id gets the very same answer.</summary>
[GenerateSerializer, Immutable]
public sealed record SubmissionReceipt([property: Id(0)] string SubmissionId, [property: Id(1)] int EntryNumber, [property: Id(2)] DateTimeOffset SubmittedAt);

[GenerateSerializer, Immutable]
public sealed record AssignJudge([property: Id(0)] string JudgeId, [property: Id(1)] string Name, [property: Id(2)] string CommitteeCode);

/// <param name="Score">The score, 0 to 100; with a scoring sheet, optional (the sum of the sheet) and checked against it.</param>
/// <param name="Sheet">The points per criterion, when the contest is scored by a sheet.</param>
[GenerateSerializer, Immutable]
public sealed record ScoreEntry(
    [property: Id(0)] int EntryNumber,
    [property: Id(1)] string JudgeId,
    [property: Id(2)] int Round,
    [property: Id(3)] int? Score,
    [property: Id(4)] IReadOnlyList<CriterionScore>? Sheet = null);

/// <summary>A conflict of interest between a judge and an entry, declared by the judge or recorded by the organiser.</summary>
[GenerateSerializer, Immutable]
public sealed record DeclareConflict(
    [property: Id(0)] string JudgeId,
    [property: Id(1)] int EntryNumber,
    [property: Id(2)] string Reason,
    [property: Id(3)] bool ByOrganiser);

/// <summary>The organiser lifts a conflict recorded in error, with the reason.</summary>
[GenerateSerializer, Immutable]
public sealed record LiftConflict([property: Id(0)] string JudgeId, [property: Id(1)] int EntryNumber, [property: Id(2)] string Reason);

/// <summary>The organiser chooses how a round's scores are normalised, until the results are published.</summary>
[GenerateSerializer, Immutable]
public sealed record ChooseNormalisation([property: Id(0)] int Round, [property: Id(1)] ScoreNormalisationMethod Method);

/// <summary>The organiser grants a tier directly: to an entry (individual) or to a committee (collective).</summary>
[GenerateSerializer, Immutable]
public sealed record GrantAward(
    [property: Id(0)] string Tier,
    [property: Id(1)] bool Collective,
    [property: Id(2)] int? EntryNumber,
    [property: Id(3)] string? CommitteeCode,
    [property: Id(4)] string Reason);

[GenerateSerializer, Immutable]
public sealed record CorrectAward(
    [property: Id(0)] string Tier,
    [property: Id(1)] bool Collective,
    [property: Id(2)] int? FromEntryNumber,
    [property: Id(3)] string? FromCommitteeCode,
    [property: Id(4)] int? ToEntryNumber,
    [property: Id(5)] string? ToCommitteeCode,
    [property: Id(6)] string Reason);

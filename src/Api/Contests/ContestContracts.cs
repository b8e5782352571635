using System.ComponentModel.DataAnnotations;
using TuyenGiao.Common;
using TuyenGiao.Contests;

namespace TuyenGiao.Api.Contests;

// The JSON shapes of the contest endpoints. Times may be sent with any offset; they are stored in UTC and
// shown in Vietnam time (+07:00).

public sealed record PrizeTierRequest([property: Required] string? Name, [property: Required] int? Count);

/// <summary>How the contest is judged; every member optional (raw scores, own committee only, one score of 0 to 100).</summary>
/// <param name="ConflictsCoverSubtree">Judges may not score entries of the committees below their own either.</param>
/// <param name="Criteria">The scoring sheet: criteria whose points add up to 100.</param>
public sealed record JudgingRulesRequest(ScoreNormalisationMethod? Normalisation, bool? ConflictsCoverSubtree, IReadOnlyList<CriterionPointsRequest>? Criteria);

/// <summary>A criterion of the scoring sheet and points: its maximum in the contest's rules, a judge's points on a score.</summary>
public sealed record CriterionPointsRequest([property: Required] string? Name, [property: Required] int? Points);

public sealed record ContestDetailsRequest(
    [property: Required] string? Title,
    string? Description,
    [property: Required] DateTimeOffset? OpensAt,
    [property: Required] DateTimeOffset? ClosesAt,
    [property: Required] int? Target,
    IReadOnlyList<string>? EligibleCommittees,
    int? PerAuthorLimit,
    IReadOnlyList<PrizeTierRequest>? IndividualPrizes,
    IReadOnlyList<PrizeTierRequest>? CollectivePrizes,
    JudgingRulesRequest? Judging,
    int? PersonalDataRetentionMonths);

public sealed record AnnounceContestRequest(
    [property: Required] string? ContestId,
    [property: Required] string? OrganiserCode,
    [property: Required] ContestKind? Kind,
    [property: Required] string? Title,
    string? Description,
    [property: Required] DateTimeOffset? OpensAt,
    [property: Required] DateTimeOffset? ClosesAt,
    [property: Required] int? Target,
    IReadOnlyList<string>? EligibleCommittees,
    int? PerAuthorLimit,
    IReadOnlyList<PrizeTierRequest>? IndividualPrizes,
    IReadOnlyList<PrizeTierRequest>? CollectivePrizes,
    JudgingRulesRequest? Judging,
    int? PersonalDataRetentionMonths)
{
    // A method, not a property: a getter would be a member of the JSON contract (advertised in the document, and sent
    // back by a client without an error although the server ignores it).
    public ContestDetailsRequest ToDetails() => new(Title, Description, OpensAt, ClosesAt, Target, EligibleCommittees, PerAuthorLimit, IndividualPrizes, CollectivePrizes,
        Judging, PersonalDataRetentionMonths);
}

public sealed record CancelContestRequest(string? Reason);

public sealed record SubmitEntryRequest(
    [property: Required] string? SubmissionId,
    [property: Required] string? AuthorName,
    [property: Required] string? CommitteeCode,
    [property: Required] string? Title,
    [property: Required] int? Words,
    int? QuestionsAnswered,
    int? QuestionsCorrect);

public sealed record DisqualifyEntryRequest(string? Reason);

public sealed record ContestResponse(
    string ContestId,
    string OrganiserCode,
    ContestKind Kind,
    ContestStatus Status,
    string Title,
    string Description,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int Target,
    IReadOnlyList<string> EligibleCommittees,
    int PerAuthorLimit,
    IReadOnlyList<PrizeTier> IndividualPrizes,
    IReadOnlyList<PrizeTier> CollectivePrizes,
    JudgingRules Judging,
    int? PersonalDataRetentionMonths,
    long Version)
{
    public static ContestResponse From(ContestView v) => new(
        v.ContestId, v.OrganiserCode, v.Kind, v.Status, v.Details.Title, v.Details.Description,
        VietnamTime.Of(v.Details.OpensAt), VietnamTime.Of(v.Details.ClosesAt), v.Details.Target,
        v.Details.EligibleCommittees, v.Details.PerAuthorLimit, v.Details.IndividualPrizes, v.Details.CollectivePrizes, v.Details.JudgingOrDefault(),
        v.Details.PersonalDataRetentionMonths, v.Version);
}

public sealed record SubmissionReceiptResponse(string ContestId, string SubmissionId, int EntryNumber, DateTimeOffset SubmittedAt);

/// <summary>A contest in the list: its window in Vietnam time, where it stands now, and its active entries against its target.</summary>
public sealed record ContestListItemResponse(
    string ContestId,
    string Title,
    ContestKind Kind,
    string OrganiserCode,
    ContestPhase Status,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int Target,
    long Entries,
    decimal ProgressPercent)
{
    public static ContestListItemResponse From(ContestListItem item) => new(
        item.Listing.ContestId, item.Listing.Title, item.Listing.Kind, item.Listing.OrganiserCode, item.Phase,
        VietnamTime.Of(item.Listing.OpensAt), VietnamTime.Of(item.Listing.ClosesAt), item.Listing.Target, item.Entries,
        ContestTallies.ProgressPercent((int)Math.Min(item.Entries, int.MaxValue), item.Listing.Target));
}

/// <summary>A page of contests, most recently announced first; <c>next</c> is the cursor of the following page, null on the last.</summary>
public sealed record ContestListResponse(IReadOnlyList<ContestListItemResponse> Items, string? Next);

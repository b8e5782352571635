using TuyenGiao.Common;
using TuyenGiao.Contests;

namespace TuyenGiao.Api.Contests;

// The JSON shapes of the contest endpoints. Times may be sent with any offset; they are stored in UTC and
// shown in Vietnam time (+07:00).

public sealed record PrizeTierRequest(string? Name, int? Count);

public sealed record ContestDetailsRequest(
    string? Title,
    string? Description,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    int? Target,
    IReadOnlyList<string>? EligibleCommittees,
    int? PerAuthorLimit,
    IReadOnlyList<PrizeTierRequest>? IndividualPrizes,
    IReadOnlyList<PrizeTierRequest>? CollectivePrizes);

public sealed record AnnounceContestRequest(
    string? ContestId,
    string? OrganiserCode,
    ContestKind? Kind,
    string? Title,
    string? Description,
    DateTimeOffset? OpensAt,
    DateTimeOffset? ClosesAt,
    int? Target,
    IReadOnlyList<string>? EligibleCommittees,
    int? PerAuthorLimit,
    IReadOnlyList<PrizeTierRequest>? IndividualPrizes,
    IReadOnlyList<PrizeTierRequest>? CollectivePrizes)
{
    public ContestDetailsRequest Details => new(Title, Description, OpensAt, ClosesAt, Target, EligibleCommittees, PerAuthorLimit, IndividualPrizes, CollectivePrizes);
}

public sealed record CancelContestRequest(string? Reason);

public sealed record SubmitEntryRequest(
    string? SubmissionId,
    string? AuthorName,
    string? CommitteeCode,
    string? Title,
    int? Words,
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
    long Version)
{
    public static ContestResponse From(ContestView v) => new(
        v.ContestId, v.OrganiserCode, v.Kind, v.Status, v.Details.Title, v.Details.Description,
        VietnamTime.Of(v.Details.OpensAt), VietnamTime.Of(v.Details.ClosesAt), v.Details.Target,
        v.Details.EligibleCommittees, v.Details.PerAuthorLimit, v.Details.IndividualPrizes, v.Details.CollectivePrizes, v.Version);
}

public sealed record SubmissionReceiptResponse(string ContestId, string SubmissionId, int EntryNumber, DateTimeOffset SubmittedAt);

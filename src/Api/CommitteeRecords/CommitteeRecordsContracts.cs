using System.ComponentModel.DataAnnotations;
using TuyenGiao.CommitteeRecords;

namespace TuyenGiao.Api.CommitteeRecords;

// The JSON shapes of a committee's records. Dates are days (yyyy-MM-dd) in Vietnam.

public sealed record RegisterModelProgrammeRequest([property: Required] string? ProgrammeId, [property: Required] string? Name, [property: Required] string? ProgrammeType, string? Field, [property: Required] DateOnly? StartedOn);

public sealed record ProgrammeReviewRequest([property: Required] DateOnly? ReviewedOn, string? Note);

public sealed record ProgrammeCommendationRequest([property: Required] DateOnly? CommendedOn, [property: Required] string? CommendedBy);

public sealed record ProgrammeRetirementRequest([property: Required] DateOnly? RetiredOn, [property: Required] string? Reason);

public sealed record RecordCommendationRequest(
    [property: Required] string? CommendationId, [property: Required] CommendationForm? Form, [property: Required] AwardingLevel? AwardingLevel, [property: Required] string? AwardedBy, int? Collectives, int? Individuals,
    [property: Required] DateOnly? AwardedOn, string? Reason);

public sealed record OpenOpinionIssueRequest([property: Required] string? IssueId, [property: Required] string? Subject, [property: Required] DateOnly? OpenedOn);

public sealed record ResolveOpinionIssueRequest([property: Required] DateOnly? ResolvedOn, [property: Required] string? Outcome);

public sealed record RecordInspectionRequest(
    [property: Required] string? InspectionId, [property: Required] string? InspectorCode, [property: Required] DateOnly? InspectedOn, [property: Required] IReadOnlyList<string>? Delegation, [property: Required] string? Findings, string? Recommendations);

public sealed record InspectionFollowUpRequest([property: Required] DateOnly? RecordedOn, [property: Required] string? Actions);

/// <summary>
/// A growth series of model programmes for a committee and everything below it. OrganisedAsOf null: each programme
/// under the committee that recorded it; a day: as organised on that day.
/// </summary>
public sealed record ProgrammeGrowthResponse(string CommitteeCode, GrowthInterval Interval, DateOnly From, DateOnly To, int Committees, IReadOnlyList<GrowthPoint> Points,
    DateOnly? OrganisedAsOf = null);

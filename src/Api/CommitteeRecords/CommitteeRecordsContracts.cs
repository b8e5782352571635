using TuyenGiao.CommitteeRecords;

namespace TuyenGiao.Api.CommitteeRecords;

// The JSON shapes of a committee's records. Dates are days (yyyy-MM-dd) in Vietnam.

public sealed record RegisterModelProgrammeRequest(string? ProgrammeId, string? Name, string? ProgrammeType, string? Field, DateOnly? StartedOn);

public sealed record ProgrammeReviewRequest(DateOnly? ReviewedOn, string? Note);

public sealed record ProgrammeCommendationRequest(DateOnly? CommendedOn, string? CommendedBy);

public sealed record ProgrammeRetirementRequest(DateOnly? RetiredOn, string? Reason);

public sealed record RecordCommendationRequest(
    string? CommendationId, CommendationForm? Form, AwardingLevel? AwardingLevel, string? AwardedBy, int? Collectives, int? Individuals,
    DateOnly? AwardedOn, string? Reason);

public sealed record OpenOpinionIssueRequest(string? IssueId, string? Subject, DateOnly? OpenedOn);

public sealed record ResolveOpinionIssueRequest(DateOnly? ResolvedOn, string? Outcome);

public sealed record RecordInspectionRequest(
    string? InspectionId, string? InspectorCode, DateOnly? InspectedOn, IReadOnlyList<string>? Delegation, string? Findings, string? Recommendations);

public sealed record InspectionFollowUpRequest(DateOnly? RecordedOn, string? Actions);

/// <summary>
/// A growth series of model programmes for a committee and everything below it. OrganisedAsOf null: each programme
/// under the committee that recorded it; a day: as organised on that day.
/// </summary>
public sealed record ProgrammeGrowthResponse(string CommitteeCode, GrowthInterval Interval, DateOnly From, DateOnly To, int Committees, IReadOnlyList<GrowthPoint> Points,
    DateOnly? OrganisedAsOf = null);

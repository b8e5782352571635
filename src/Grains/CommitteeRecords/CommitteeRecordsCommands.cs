namespace TuyenGiao.CommitteeRecords;

// Commands to a committee's records grain; the committee code is the grain's key.

[GenerateSerializer, Immutable]
public sealed record RegisterModelProgramme(
    [property: Id(0)] string ProgrammeId, [property: Id(1)] string Name, [property: Id(2)] string ProgrammeType,
    [property: Id(3)] string Field, [property: Id(4)] DateOnly StartedOn);

[GenerateSerializer, Immutable]
public sealed record MaintainModelProgramme([property: Id(0)] string ProgrammeId, [property: Id(1)] DateOnly ReviewedOn, [property: Id(2)] string Note);

[GenerateSerializer, Immutable]
public sealed record CommendModelProgramme([property: Id(0)] string ProgrammeId, [property: Id(1)] DateOnly CommendedOn, [property: Id(2)] string CommendedBy);

[GenerateSerializer, Immutable]
public sealed record RetireModelProgramme([property: Id(0)] string ProgrammeId, [property: Id(1)] DateOnly RetiredOn, [property: Id(2)] string Reason);

[GenerateSerializer, Immutable]
public sealed record RecordCommendation(
    [property: Id(0)] string CommendationId, [property: Id(1)] CommendationForm Form, [property: Id(2)] AwardingLevel AwardingLevel,
    [property: Id(3)] string AwardedBy, [property: Id(4)] int Collectives, [property: Id(5)] int Individuals,
    [property: Id(6)] DateOnly AwardedOn, [property: Id(7)] string Reason);

[GenerateSerializer, Immutable]
public sealed record OpenOpinionIssue([property: Id(0)] string IssueId, [property: Id(1)] string Subject, [property: Id(2)] DateOnly OpenedOn);

[GenerateSerializer, Immutable]
public sealed record ResolveOpinionIssue([property: Id(0)] string IssueId, [property: Id(1)] DateOnly ResolvedOn, [property: Id(2)] string Outcome);

[GenerateSerializer, Immutable]
public sealed record RecordInspection(
    [property: Id(0)] string InspectionId, [property: Id(1)] string InspectorCode, [property: Id(2)] DateOnly InspectedOn,
    [property: Id(3)] IReadOnlyList<string> Delegation, [property: Id(4)] string Findings, [property: Id(5)] string Recommendations);

[GenerateSerializer, Immutable]
public sealed record RecordInspectionFollowUp([property: Id(0)] string InspectionId, [property: Id(1)] DateOnly RecordedOn, [property: Id(2)] string Actions);

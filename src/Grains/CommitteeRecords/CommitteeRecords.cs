using System.Collections.Immutable;
using TuyenGiao.EventStore;

namespace TuyenGiao.CommitteeRecords;

/// <summary>
/// A committee's model programmes, commendations, public-opinion issues and the inspections it received. The same
/// record is the grain's state and Marten's inline snapshot, which period reports and growth series query by path.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CommitteeRecordBook(
    [property: Id(0)] string Id,
    [property: Id(1)] string CommitteeCode,
    [property: Id(2)] string[] Path,
    [property: Id(3)] ImmutableSortedDictionary<string, ModelProgramme> Programmes,
    [property: Id(4)] ImmutableSortedDictionary<string, Commendation> Commendations,
    [property: Id(5)] ImmutableSortedDictionary<string, OpinionIssue> OpinionIssues,
    [property: Id(6)] ImmutableSortedDictionary<string, Inspection> Inspections) : IVersionedSnapshot
{
    /// <inheritdoc />
    [Id(7)]
    public long Version { get; init; }

    public static string StreamIdFor(string committeeCode) => $"records/{committeeCode}";

    public static CommitteeRecordBook Empty(string committeeCode) => new(StreamIdFor(committeeCode), committeeCode, [],
        ImmutableSortedDictionary.Create<string, ModelProgramme>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, Commendation>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, OpinionIssue>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, Inspection>(StringComparer.Ordinal));
}

/// <param name="MaintainedOn">The reviews that found it still running, in order.</param>
[GenerateSerializer, Immutable]
public sealed record ModelProgramme(
    [property: Id(0)] string ProgrammeId,
    [property: Id(1)] string Name,
    [property: Id(2)] string ProgrammeType,
    [property: Id(3)] string Field,
    [property: Id(4)] DateOnly StartedOn,
    [property: Id(5)] ImmutableList<DateOnly> MaintainedOn,
    [property: Id(6)] ImmutableList<ProgrammeCommendation> Commendations,
    [property: Id(7)] DateOnly? RetiredOn,
    [property: Id(8)] string? RetiredReason);

[GenerateSerializer, Immutable]
public sealed record ProgrammeCommendation([property: Id(0)] DateOnly CommendedOn, [property: Id(1)] string CommendedBy);

[GenerateSerializer, Immutable]
public sealed record Commendation(
    [property: Id(0)] string CommendationId,
    [property: Id(1)] CommendationForm Form,
    [property: Id(2)] AwardingLevel AwardingLevel,
    [property: Id(3)] string AwardedBy,
    [property: Id(4)] int Collectives,
    [property: Id(5)] int Individuals,
    [property: Id(6)] DateOnly AwardedOn,
    [property: Id(7)] string Reason);

[GenerateSerializer, Immutable]
public sealed record OpinionIssue(
    [property: Id(0)] string IssueId,
    [property: Id(1)] string Subject,
    [property: Id(2)] DateOnly OpenedOn,
    [property: Id(3)] DateOnly? ResolvedOn,
    [property: Id(4)] string? Outcome);

[GenerateSerializer, Immutable]
public sealed record Inspection(
    [property: Id(0)] string InspectionId,
    [property: Id(1)] string InspectorCode,
    [property: Id(2)] DateOnly InspectedOn,
    [property: Id(3)] IReadOnlyList<string> Delegation,
    [property: Id(4)] string Findings,
    [property: Id(5)] string Recommendations,
    [property: Id(6)] ImmutableList<InspectionFollowUp> FollowUps);

[GenerateSerializer, Immutable]
public sealed record InspectionFollowUp([property: Id(0)] DateOnly RecordedOn, [property: Id(1)] string Actions);

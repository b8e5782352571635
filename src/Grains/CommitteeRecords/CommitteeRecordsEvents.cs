namespace TuyenGiao.CommitteeRecords;

// The records a committee keeps besides campaigns and contests. Each creating event carries the committee's path to
// the root as organised when it was recorded, so that roll-ups come from the events alone. Dates are days in Vietnam.

public sealed record ModelProgrammeRegistered(
    string CommitteeCode, IReadOnlyList<string> CommitteePath, string ProgrammeId, string Name, string ProgrammeType, string Field, DateOnly StartedOn);

/// <summary>At a review, the programme was found still running (duy trì).</summary>
public sealed record ModelProgrammeMaintained(string CommitteeCode, string ProgrammeId, DateOnly ReviewedOn, string Note);

public sealed record ModelProgrammeCommended(string CommitteeCode, string ProgrammeId, DateOnly CommendedOn, string CommendedBy);

public sealed record ModelProgrammeRetired(string CommitteeCode, string ProgrammeId, DateOnly RetiredOn, string Reason);

/// <summary>One commendation decision: by whom, of what form, to how many collectives and individuals.</summary>
public sealed record CommendationRecorded(
    string CommitteeCode, IReadOnlyList<string> CommitteePath, string CommendationId, CommendationForm Form, AwardingLevel AwardingLevel,
    string AwardedBy, int Collectives, int Individuals, DateOnly AwardedOn, string Reason);

public sealed record OpinionIssueOpened(string CommitteeCode, IReadOnlyList<string> CommitteePath, string IssueId, string Subject, DateOnly OpenedOn);

public sealed record OpinionIssueResolved(string CommitteeCode, string IssueId, DateOnly ResolvedOn, string Outcome);

/// <summary>An upper committee's inspection of this one (kiểm tra công tác tuyên giáo).</summary>
public sealed record InspectionRecorded(
    string CommitteeCode, IReadOnlyList<string> CommitteePath, string InspectionId, string InspectorCode, DateOnly InspectedOn,
    IReadOnlyList<string> Delegation, string Findings, string Recommendations);

/// <summary>What the inspected committee did about an inspection's recommendations.</summary>
public sealed record InspectionFollowUpRecorded(string CommitteeCode, string InspectionId, DateOnly RecordedOn, string Actions);

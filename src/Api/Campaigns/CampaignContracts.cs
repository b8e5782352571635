using TuyenGiao.Campaigns;

namespace TuyenGiao.Api.Campaigns;

// The JSON shapes of the campaign endpoints. Periods are dates (yyyy-MM-dd) in Vietnam, both days included.

public sealed record CampaignTargetsRequest(decimal? ParticipationPercent, int? StudySessions, int? TrainingClasses, int? Learners);

public sealed record LaunchCampaignRequest(
    string? CampaignId,
    string? LauncherCode,
    string? Title,
    CampaignKind? Kind,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    IReadOnlyList<string>? Participants,
    CampaignTargetsRequest? Targets);

public sealed record CloseCampaignRequest(string? Reason);

public sealed record TrainingClassRequest(string? ClassType, int? Classes, int? Learners);

/// <summary>Counts that are not sent are 0; <c>partyMembers</c> is required, as the denominator of the rates.</summary>
public sealed record ActivityFiguresRequest(
    int? PartyMembers,
    int? StudySessions,
    int? StudyAttendances,
    int? StudyMemberAttendances,
    int? MembersStudied,
    int? OralSessions,
    int? OralAttendances,
    IReadOnlyList<TrainingClassRequest>? TrainingClasses,
    int? OnlineConferences,
    int? BridgePoints,
    int? MembersPledged);

public sealed record ReportActivityRequest(string? ReportId, string? CommitteeCode, DateOnly? PeriodStart, DateOnly? PeriodEnd, ActivityFiguresRequest? Figures);

public sealed record CorrectActivityReportRequest(ActivityFiguresRequest? Figures, string? Reason);

/// <summary>A report's current figures, their rates, and every version it went through.</summary>
public sealed record ActivityReportResponse(
    string CampaignId,
    string ReportId,
    string CommitteeCode,
    IReadOnlyList<string> CommitteePath,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    ActivityFigures Figures,
    decimal? ParticipationPercent,
    decimal? PledgePercent,
    int Corrections,
    IReadOnlyList<ActivityReportVersion> History);

using System.ComponentModel.DataAnnotations;
using TuyenGiao.Campaigns;

namespace TuyenGiao.Api.Campaigns;

// The JSON shapes of the campaign endpoints. Periods are dates (yyyy-MM-dd) in Vietnam, both days included.

public sealed record CampaignTargetsRequest(decimal? ParticipationPercent, int? StudySessions, int? TrainingClasses, int? Learners);

public sealed record LaunchCampaignRequest(
    [property: Required] string? CampaignId,
    [property: Required] string? LauncherCode,
    [property: Required] string? Title,
    [property: Required] CampaignKind? Kind,
    [property: Required] DateOnly? PeriodStart,
    [property: Required] DateOnly? PeriodEnd,
    IReadOnlyList<string>? Participants,
    CampaignTargetsRequest? Targets);

public sealed record CloseCampaignRequest(string? Reason);

public sealed record TrainingClassRequest([property: Required] string? ClassType, [property: Required] int? Classes, int? Learners);

/// <summary>Counts that are not sent are 0; <c>partyMembers</c> is required, as the denominator of the rates.</summary>
public sealed record ActivityFiguresRequest(
    [property: Required] int? PartyMembers,
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

public sealed record ReportActivityRequest([property: Required] string? ReportId, [property: Required] string? CommitteeCode, [property: Required] DateOnly? PeriodStart, [property: Required] DateOnly? PeriodEnd, [property: Required] ActivityFiguresRequest? Figures);

public sealed record CorrectActivityReportRequest([property: Required] ActivityFiguresRequest? Figures, [property: Required] string? Reason);

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

/// <summary>A campaign in the list: its period (both days included), how many committees take part, and whether it is closed.</summary>
public sealed record CampaignListItemResponse(
    string CampaignId,
    string Title,
    CampaignKind Kind,
    string LauncherCode,
    CampaignStatus Status,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int Participants)
{
    public static CampaignListItemResponse From(CampaignListing l) => new(
        l.CampaignId, l.Title, l.Kind, l.LauncherCode, l.Closed ? CampaignStatus.Closed : CampaignStatus.Launched, l.PeriodStart, l.PeriodEnd, l.Participants);
}

/// <summary>A page of campaigns, most recently launched first; <c>next</c> is the cursor of the following page, null on the last.</summary>
public sealed record CampaignListResponse(IReadOnlyList<CampaignListItemResponse> Items, string? Next);

namespace TuyenGiao.Campaigns;

// Commands to a campaign grain; the campaign id is the grain's key. Periods are dates in Vietnam, inclusive.

[GenerateSerializer, Immutable]
public sealed record LaunchCampaign(
    [property: Id(0)] string LauncherCode,
    [property: Id(1)] string Title,
    [property: Id(2)] CampaignKind Kind,
    [property: Id(3)] DateOnly PeriodStart,
    [property: Id(4)] DateOnly PeriodEnd,
    [property: Id(5)] IReadOnlyList<string> Participants,
    [property: Id(6)] CampaignTargets Targets);

[GenerateSerializer, Immutable]
public sealed record CloseCampaign([property: Id(0)] string Reason);

[GenerateSerializer, Immutable]
public sealed record ReportActivity(
    [property: Id(0)] string ReportId,
    [property: Id(1)] string CommitteeCode,
    [property: Id(2)] DateOnly PeriodStart,
    [property: Id(3)] DateOnly PeriodEnd,
    [property: Id(4)] ActivityFigures Figures);

[GenerateSerializer, Immutable]
public sealed record CorrectActivityReport([property: Id(0)] string ReportId, [property: Id(1)] ActivityFigures Figures, [property: Id(2)] string Reason);

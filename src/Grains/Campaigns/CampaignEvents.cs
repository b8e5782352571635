namespace TuyenGiao.Campaigns;

// The facts of a campaign. Immutable; a correction is a new event, never an edit.

/// <param name="Participants">The committees taking part, each with everything below it (the launcher when none was named).</param>
public sealed record CampaignLaunched(
    string CampaignId,
    string LauncherCode,
    string Title,
    CampaignKind Kind,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    IReadOnlyList<string> Participants,
    CampaignTargets Targets);

public sealed record CampaignClosed(string CampaignId, string Reason, DateTimeOffset ClosedAt);

/// <param name="CommitteePath">The reporting committee and its ancestors up to the root, as organised when the report came in,
/// so that roll-ups are computed from the events alone.</param>
public sealed record ActivityReported(
    string CampaignId,
    string ReportId,
    string CommitteeCode,
    IReadOnlyList<string> CommitteePath,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    ActivityFigures Figures);

/// <summary>The report's figures as they should have been (all of them, not a diff), and why.</summary>
public sealed record ActivityReportCorrected(string CampaignId, string ReportId, ActivityFigures Figures, string Reason);

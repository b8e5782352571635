namespace TuyenGiao.Campaigns;

/// <summary>The pure fold of campaign events, shared by the grain, Marten's live aggregation and the tests.</summary>
public static class CampaignEvolution
{
    public static Campaign Evolve(Campaign state, object @event) => @event switch
    {
        CampaignLaunched e => state with
        {
            Status = CampaignStatus.Launched, LauncherCode = e.LauncherCode, Title = e.Title, Kind = e.Kind,
            PeriodStart = e.PeriodStart, PeriodEnd = e.PeriodEnd, Participants = e.Participants, Targets = e.Targets,
        },
        CampaignClosed e => state with { Status = CampaignStatus.Closed, ClosedReason = e.Reason },
        ActivityReported e => state with
        {
            Reports = state.Reports.SetItem(e.ReportId, new ActivityReport(e.ReportId, e.CommitteeCode, e.CommitteePath, e.PeriodStart, e.PeriodEnd, e.Figures, 0)),
        },
        ActivityReportCorrected e when state.Reports.TryGetValue(e.ReportId, out var report) => state with
        {
            Reports = state.Reports.SetItem(e.ReportId, report with { Figures = e.Figures, Corrections = report.Corrections + 1 }),
        },
        _ => state,
    };
}

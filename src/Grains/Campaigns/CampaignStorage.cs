using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace TuyenGiao.Campaigns;

/// <summary>
/// What the campaign feature needs from Marten: the campaign folded live with the grain's own Evolve (a campaign grows
/// with its reports, so it is snapshotted periodically rather than rewritten per append), and one read-model document
/// per activity report, kept current in the append's transaction, that period reports query by committee path.
/// </summary>
public static class CampaignStorage
{
    public static void Configure(StoreOptions options)
    {
        options.Projections.Add(new CampaignAggregation(), ProjectionLifecycle.Live);
        options.Projections.Add(new ActivityReportProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new CampaignListingProjection(), ProjectionLifecycle.Inline);
        options.Events.AddEventType<CampaignLaunched>();
        options.Events.AddEventType<CampaignClosed>();
        options.Events.AddEventType<ActivityReported>();
        options.Events.AddEventType<ActivityReportCorrected>();
        // Event versioning: reports stored in an earlier shape are read as today's event.
        options.Events.Upcast(new ActivityReportedV1Upcaster());
    }

    private sealed class CampaignAggregation : SingleStreamProjection<Campaign, string>
    {
        public override Campaign Evolve(Campaign? snapshot, string id, IEvent e) =>
            CampaignEvolution.Evolve(snapshot ?? Campaign.None(id[(id.IndexOf('/') + 1)..]), e.Data);
    }
}

/// <summary>An activity report as period reports read it: its current figures and where it sits in the hierarchy.</summary>
public sealed record ActivityReportDocument(
    string Id,
    string CampaignId,
    string ReportId,
    string CommitteeCode,
    string[] CommitteePath,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    ActivityFigures Figures,
    int Corrections)
{
    public static string IdFor(string campaignId, string reportId) => $"{campaignId}/{reportId}";
}

/// <summary>Keeps one <see cref="ActivityReportDocument"/> per report, in the same transaction as its events.</summary>
public sealed class ActivityReportProjection : MultiStreamProjection<ActivityReportDocument, string>
{
    public ActivityReportProjection()
    {
        Identity<ActivityReported>(e => ActivityReportDocument.IdFor(e.CampaignId, e.ReportId));
        Identity<ActivityReportCorrected>(e => ActivityReportDocument.IdFor(e.CampaignId, e.ReportId));
    }

    public override ActivityReportDocument? Evolve(ActivityReportDocument? snapshot, string id, IEvent e) => e.Data switch
    {
        ActivityReported r => new ActivityReportDocument(id, r.CampaignId, r.ReportId, r.CommitteeCode, [.. r.CommitteePath], r.PeriodStart, r.PeriodEnd, r.Figures, 0),
        ActivityReportCorrected c when snapshot is not null => snapshot with { Figures = c.Figures, Corrections = snapshot.Corrections + 1 },
        _ => snapshot,
    };
}

using JasperFx.Events;
using Marten;

namespace TuyenGiao.Campaigns;

/// <summary>One step in a report's history: as first reported, or a correction, with who recorded it and when (UTC).</summary>
public sealed record ActivityReportVersion(long StreamVersion, string Change, ActivityFigures Figures, string? Reason, DateTimeOffset RecordedAt, string? Actor);

/// <summary>A report's history, read from its events: corrections never overwrite, so every earlier figure stays visible.</summary>
public sealed class ActivityReportHistory(IDocumentStore store)
{
    public async Task<IReadOnlyList<ActivityReportVersion>> ForReportAsync(string campaignId, string reportId, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var events = await session.Events.FetchStreamAsync(Campaign.StreamIdFor(campaignId), token: ct);
        return events.Select(Step).OfType<ActivityReportVersion>().ToList();

        ActivityReportVersion? Step(IEvent e) => e.Data switch
        {
            ActivityReported r when r.ReportId == reportId => new(e.Version, "reported", r.Figures, null, e.Timestamp, e.UserName),
            ActivityReportCorrected c when c.ReportId == reportId => new(e.Version, "corrected", c.Figures, c.Reason, e.Timestamp, e.UserName),
            _ => null,
        };
    }
}

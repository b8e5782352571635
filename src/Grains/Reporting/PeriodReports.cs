using Marten;
using TuyenGiao.Campaigns;
using TuyenGiao.CommitteeRecords;
using TuyenGiao.Committees;

namespace TuyenGiao.Reporting;

/// <summary>
/// Reads what a period report needs: the subtree from the committee snapshots, the activity reports and record books
/// whose path passes through the committee (read models Marten keeps current with the events), and the campaigns'
/// headings from their grains.
/// </summary>
public sealed class PeriodReports(IDocumentStore store, CommitteeDirectory directory, IGrainFactory grains)
{
    /// <summary>Null when no committee has this code.</summary>
    public async Task<PeriodReport?> BuildAsync(string committeeCode, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var subtree = await directory.SubtreeAsync(committeeCode, ct);
        if (subtree.Count == 0)
            return null;
        await using var session = store.QuerySession();
        var reports = await session.Query<ActivityReportDocument>()
            .Where(r => r.CommitteePath.Contains(committeeCode))
            .ToListAsync(ct);
        var books = await session.Query<CommitteeRecordBook>()
            .Where(b => b.Path.Contains(committeeCode))
            .ToListAsync(ct);
        var headings = new Dictionary<string, CampaignHeading>(StringComparer.Ordinal);
        foreach (var campaignId in reports.Select(r => r.CampaignId).Distinct())
        {
            if (await grains.GetGrain<ICampaignGrain>(campaignId).GetFigures() is { } c)
                headings[campaignId] = new CampaignHeading(c.CampaignId, c.Title, c.Kind, c.LauncherCode, c.Targets);
        }
        return PeriodReportBuilder.Build(subtree, from, to, reports, headings, books);
    }

    /// <summary>The record books of a committee and its subtree, for growth series.</summary>
    public async Task<IReadOnlyList<CommitteeRecordBook>> RecordBooksAsync(string committeeCode, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<CommitteeRecordBook>().Where(b => b.Path.Contains(committeeCode)).ToListAsync(ct);
    }
}

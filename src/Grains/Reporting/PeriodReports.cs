using Marten;
using TuyenGiao.Campaigns;
using TuyenGiao.CommitteeRecords;
using TuyenGiao.Committees;
using TuyenGiao.Committees.Organisation;

namespace TuyenGiao.Reporting;

/// <summary>
/// Reads what a period report needs: the subtree from the committee snapshots, the activity reports and record books
/// whose path passes through the committee (read models Marten keeps current with the events), and the campaigns'
/// headings from their grains.
/// </summary>
public sealed class PeriodReports(IDocumentStore store, CommitteeDirectory directory, IGrainFactory grains)
{
    /// <summary>
    /// Null when no committee has this code (or, as organised on a day, none stood that day). Without
    /// <paramref name="organisedOn"/>, each figure counts under the committees it was recorded with.
    /// </summary>
    public async Task<PeriodReport?> BuildAsync(string committeeCode, DateOnly from, DateOnly to, OrganisationChart? organisedOn = null,
        CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        IReadOnlyList<(Committee Committee, int Depth)> subtree;
        IReadOnlyList<ActivityReportDocument> reports;
        IReadOnlyList<CommitteeRecordBook> books;
        if (organisedOn is { } chart)
        {
            // Everything that counts under the committee that day: ceased committees whose successor lies in it too.
            var counting = chart.CountingUnder(committeeCode).ToArray();
            subtree = await directory.SubtreeAsync(committeeCode, chart.Day, ct);
            reports = OrganisedSources.Reports(await session.Query<ActivityReportDocument>().Where(r => r.CommitteeCode.IsOneOf(counting)).ToListAsync(ct), chart);
            books = OrganisedSources.Books(await session.Query<CommitteeRecordBook>().Where(b => b.CommitteeCode.IsOneOf(counting)).ToListAsync(ct), chart);
        }
        else
        {
            // A committee merged or dissolved since still has its report as recorded: its subtree as it stood at the period's end.
            subtree = await directory.SubtreeAsync(committeeCode, ct: ct) is { Count: > 0 } today ? today : await directory.SubtreeAsync(committeeCode, to, ct);
            reports = await session.Query<ActivityReportDocument>().Where(r => r.CommitteePath.Contains(committeeCode)).ToListAsync(ct);
            books = await session.Query<CommitteeRecordBook>().Where(b => b.Path.Contains(committeeCode)).ToListAsync(ct);
        }
        if (subtree.Count == 0)
            return null;
        var headings = new Dictionary<string, CampaignHeading>(StringComparer.Ordinal);
        foreach (var campaignId in reports.Select(r => r.CampaignId).Distinct())
        {
            if (await grains.GetGrain<ICampaignGrain>(campaignId).GetFigures() is { } c)
                headings[campaignId] = new CampaignHeading(c.CampaignId, c.Title, c.Kind, c.LauncherCode, c.Targets);
        }
        return PeriodReportBuilder.Build(subtree, from, to, reports, headings, books) with { OrganisedAsOf = organisedOn?.Day };
    }

    /// <summary>
    /// The record books of a committee and its subtree, for growth series: as recorded, or as organised on the chart's
    /// day (books of committees that had ceased by then or moved in count under the committee standing for them).
    /// </summary>
    public async Task<IReadOnlyList<CommitteeRecordBook>> RecordBooksAsync(string committeeCode, OrganisationChart? organisedOn = null, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        if (organisedOn is not { } chart)
            return await session.Query<CommitteeRecordBook>().Where(b => b.Path.Contains(committeeCode)).ToListAsync(ct);
        var counting = chart.CountingUnder(committeeCode).ToArray();
        return OrganisedSources.Books(await session.Query<CommitteeRecordBook>().Where(b => b.CommitteeCode.IsOneOf(counting)).ToListAsync(ct), chart);
    }
}

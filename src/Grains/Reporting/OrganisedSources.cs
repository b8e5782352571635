using TuyenGiao.Campaigns;
using TuyenGiao.CommitteeRecords;
using TuyenGiao.Committees;
using TuyenGiao.Committees.Organisation;

namespace TuyenGiao.Reporting;

/// <summary>
/// What a period report is built from, restated as organised on the chart's day: each activity report under the
/// committee standing for its own (and that one's path), each record book under the committee standing for its own. Pure: the reading is <see cref="PeriodReports"/>' job.
/// </summary>
public static class OrganisedSources
{
    public static IReadOnlyList<ActivityReportDocument> Reports(IEnumerable<ActivityReportDocument> reports, OrganisationChart chart) =>
        reports.Select(r => chart.PathToRoot(r.CommitteeCode) is { Count: > 0 } path
            ? r with { CommitteeCode = path[0], CommitteePath = [.. path] }
            : r).ToList();

    public static IReadOnlyList<CommitteeRecordBook> Books(IEnumerable<CommitteeRecordBook> books, OrganisationChart chart) =>
        books.Select(b => chart.PathToRoot(b.CommitteeCode) is { Count: > 0 } path
            ? b with { CommitteeCode = path[0], Path = [.. path] }
            : b).ToList();
}

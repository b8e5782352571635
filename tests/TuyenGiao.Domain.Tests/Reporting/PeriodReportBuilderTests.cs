using System.Collections.Immutable;
using TuyenGiao.Campaigns;
using TuyenGiao.CommitteeRecords;
using TuyenGiao.Committees;
using TuyenGiao.Reporting;

namespace TuyenGiao.Domain.Tests.Reporting;

public class PeriodReportBuilderTests
{
    private static readonly DateOnly From = new(2020, 1, 1), To = new(2020, 6, 30);

    private static readonly IReadOnlyList<(Committee, int)> Subtree =
    [
        (new Committee("committee/QT-A", "QT-A", "Huyện ủy A", CommitteeLevel.District, "QT", 500, true), 0),
        (new Committee("committee/QT-A1", "QT-A1", "Đảng bộ xã A1", CommitteeLevel.Grassroots, "QT-A", 100, true), 1),
    ];

    private static ActivityReportDocument Report(string id, string[] path, DateOnly start, DateOnly end, int classes) =>
        new($"C/{id}", "C", id, path[0], path, start, end,
            ActivityFigures.Zero with { PartyMembers = 100, TrainingClasses = [new TrainingClassFigures("Bồi dưỡng", classes, classes * 30)] }, 0);

    private static CommitteeRecordBook Book(string code, string[] path, params OpinionIssue[] issues) =>
        CommitteeRecordBook.Empty(code) with { Path = path, OpinionIssues = issues.ToImmutableSortedDictionary(i => i.IssueId, i => i, StringComparer.Ordinal) };

    [Fact]
    public void Given_reports_in_and_around_the_first_half_When_the_half_year_report_is_built_Then_only_reports_inside_it_from_the_subtree_count()
    {
        ActivityReportDocument[] reports =
        [
            Report("in", ["QT-A1", "QT-A", "QT"], new DateOnly(2020, 1, 1), new DateOnly(2020, 6, 30), 2),
            Report("straddles", ["QT-A1", "QT-A", "QT"], new DateOnly(2020, 6, 1), new DateOnly(2020, 7, 31), 5),
            Report("other-district", ["QT-B", "QT"], new DateOnly(2020, 1, 1), new DateOnly(2020, 6, 30), 7),
            Report("own", ["QT-A", "QT"], new DateOnly(2020, 3, 1), new DateOnly(2020, 3, 31), 1),
        ];

        var report = PeriodReportBuilder.Build(Subtree, From, To, reports, new Dictionary<string, CampaignHeading>(), []);

        Assert.Equal((2, 3, 90), (report.Activities.Total.Reports, report.Activities.Total.Subtree.Classes, report.Activities.Total.Subtree.Learners));
        Assert.Equal(["QT-A", "QT-A1"], report.Activities.ByCommittee.Select(c => c.Code));
        Assert.Equal("C", report.Activities.Campaigns.Single().Title); // no heading found: the id stands in
        Assert.Null(report.Activities.Campaigns.Single().Achievement);
    }

    [Fact]
    public void Given_issues_opened_before_during_and_after_the_half_When_counted_Then_opened_resolved_and_open_at_the_end_follow_the_dates()
    {
        var book = Book("QT-A1", ["QT-A1", "QT-A", "QT"],
            new OpinionIssue("before", "Cũ", new DateOnly(2019, 12, 1), new DateOnly(2020, 2, 1), "Xong"),
            new OpinionIssue("in-resolved", "Mới", new DateOnly(2020, 2, 1), new DateOnly(2020, 6, 30), "Xong"),
            new OpinionIssue("in-late", "Mới", new DateOnly(2020, 3, 1), new DateOnly(2020, 7, 1), "Xong"),
            new OpinionIssue("after", "Sau", new DateOnly(2020, 7, 2), null, null));

        var issues = PeriodReportBuilder.Build(Subtree, From, To, [], new Dictionary<string, CampaignHeading>(), [book]).OpinionIssues;

        Assert.Equal(new OpinionIssueSection(Opened: 2, ResolvedOfOpened: 1, ResolvedPercent: 50m, ResolvedInPeriod: 2, OpenAtEnd: 1), issues);
    }
}

using System.Globalization;
using TuyenGiao.Campaigns;
using TuyenGiao.CommitteeRecords;
using TuyenGiao.Reporting;

namespace TuyenGiao.Api.Reports;

/// <summary>One table of a period report, with Vietnamese headings; cells are text or numbers (null: no value).</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Headings, IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>The period report as tables, shared by the CSV and the workbook so that both say the same thing.</summary>
public static class PeriodReportTables
{
    private static readonly string[] FigureHeadings =
    [
        "Số báo cáo", "Đảng viên", "Cuộc học tập, quán triệt", "Lượt người dự", "Lượt đảng viên dự", "Đảng viên tham gia học tập",
        "Tỷ lệ tham gia (%)", "Cuộc tuyên truyền miệng", "Lượt người nghe", "Lớp bồi dưỡng", "Học viên",
        "Hội nghị trực tuyến", "Điểm cầu", "Đảng viên viết cam kết", "Tỷ lệ cam kết (%)",
    ];

    public static IReadOnlyList<ReportTable> From(PeriodReport report)
    {
        var names = report.Subtree.ToDictionary(c => c.Code, c => c.Name);
        var a = report.Activities;
        return
        [
            new ReportTable("Tổng hợp", ["Chỉ tiêu", "Giá trị"],
            [
                ["Đơn vị", $"{report.CommitteeName} ({report.CommitteeCode})"],
                ["Kỳ báo cáo", $"{report.From:dd/MM/yyyy} - {report.To:dd/MM/yyyy}"],
                // Which organisation the figures follow, so that two reports of the same period can be told apart.
                ["Tổ chức theo", report.OrganisedAsOf is { } day ? $"hệ thống tổ chức ngày {day:dd/MM/yyyy}" : "tổ chức tại thời điểm ghi nhận số liệu"],
                ["Số đơn vị trong phạm vi", report.Subtree.Count],
                .. Figures(a.Total).Select((value, i) => (IReadOnlyList<object?>)[FigureHeadings[i], value]),
                ["Mô hình đang hoạt động (cuối kỳ)", report.ModelProgrammes.Total.Active],
                ["Mô hình mới trong kỳ", report.ModelProgrammes.Total.New],
                ["Mô hình được duy trì trong kỳ", report.ModelProgrammes.Total.Maintained],
                ["Mô hình dừng trong kỳ", report.ModelProgrammes.Total.Retired],
                ["Khen thưởng: tập thể", report.Commendations.Collectives],
                ["Khen thưởng: cá nhân", report.Commendations.Individuals],
                ["Vấn đề dư luận phát sinh", report.OpinionIssues.Opened],
                ["Vấn đề dư luận đã giải quyết", report.OpinionIssues.ResolvedOfOpened],
                ["Số cuộc kiểm tra", report.Inspections.Count],
            ]),
            new ReportTable("Hoạt động theo đơn vị", ["Mã đơn vị", "Tên đơn vị", "Phạm vi", .. FigureHeadings],
                a.ByCommittee.SelectMany(c => new[]
                {
                    (IReadOnlyList<object?>)[c.Code, names.GetValueOrDefault(c.Code), "Riêng đơn vị", .. Figures(Own(c))],
                    [c.Code, names.GetValueOrDefault(c.Code), "Cả đơn vị trực thuộc", .. Figures(c)],
                }).ToList()),
            new ReportTable("Chiến dịch", ["Mã", "Tên chiến dịch", "Loại", "Đơn vị phát động", "Số lần điều chỉnh", .. FigureHeadings,
                    "Đạt kế hoạch cuộc học tập (%)", "Đạt kế hoạch lớp (%)", "Đạt kế hoạch học viên (%)"],
                a.Campaigns.Select(c => (IReadOnlyList<object?>)[c.CampaignId, c.Title, Kind(c.Kind), c.LauncherCode, c.Corrections, .. Figures(c.Figures),
                    c.Achievement?.StudySessionsPercent, c.Achievement?.TrainingClassesPercent, c.Achievement?.LearnersPercent]).ToList()),
            new ReportTable("Lớp bồi dưỡng", ["Loại lớp", "Số lớp", "Học viên"],
                a.Total.Subtree.TrainingClasses.Select(c => (IReadOnlyList<object?>)[c.ClassType, c.Classes, c.Learners]).ToList()),
            new ReportTable("Mô hình", ["Loại mô hình", "Đang hoạt động (cuối kỳ)", "Mới", "Duy trì", "Dừng"],
                report.ModelProgrammes.ByType.Select(p => (IReadOnlyList<object?>)[p.ProgrammeType, p.Active, p.New, p.Maintained, p.Retired]).ToList()),
            new ReportTable("Khen thưởng", ["Cấp khen", "Hình thức", "Người, cơ quan khen", "Tập thể", "Cá nhân"],
                report.Commendations.Lines.Select(c => (IReadOnlyList<object?>)[Level(c.AwardingLevel), Form(c.Form), c.AwardedBy, c.Collectives, c.Individuals]).ToList()),
            new ReportTable("Dư luận xã hội", ["Phát sinh trong kỳ", "Đã giải quyết", "Tỷ lệ giải quyết (%)", "Giải quyết trong kỳ", "Còn tồn cuối kỳ"],
                [[report.OpinionIssues.Opened, report.OpinionIssues.ResolvedOfOpened, report.OpinionIssues.ResolvedPercent,
                    report.OpinionIssues.ResolvedInPeriod, report.OpinionIssues.OpenAtEnd]]),
            new ReportTable("Kiểm tra", ["Ngày", "Đơn vị được kiểm tra", "Đơn vị kiểm tra", "Thành phần đoàn", "Kết quả", "Kiến nghị", "Khắc phục"],
                report.Inspections.Select(i => (IReadOnlyList<object?>)[i.InspectedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    names.GetValueOrDefault(i.CommitteeCode, i.CommitteeCode), i.InspectorCode, string.Join("; ", i.Delegation), i.Findings, i.Recommendations,
                    string.Join("; ", i.FollowUps.Select(f => $"{f.RecordedOn:dd/MM/yyyy}: {f.Actions}"))]).ToList()),
        ];
    }

    private static CommitteeFigures Own(CommitteeFigures c) =>
        c with { Reports = c.OwnReports, Subtree = c.Own, ParticipationPercent = ActivityRates.ParticipationPercent(c.Own), PledgePercent = ActivityRates.PledgePercent(c.Own) };

    private static object?[] Figures(CommitteeFigures c)
    {
        var f = c.Subtree;
        return [c.Reports, f.PartyMembers, f.StudySessions, f.StudyAttendances, f.StudyMemberAttendances, f.MembersStudied, c.ParticipationPercent,
            f.OralSessions, f.OralAttendances, f.Classes, f.Learners, f.OnlineConferences, f.BridgePoints, f.MembersPledged, c.PledgePercent];
    }

    private static string Kind(CampaignKind kind) => kind switch
    {
        CampaignKind.StudyDrive => "Học tập, quán triệt",
        CampaignKind.AnnualTheme => "Chuyên đề năm",
        _ => "Tuyên truyền",
    };

    private static string Level(AwardingLevel level) => level switch
    {
        AwardingLevel.Central => "Trung ương",
        AwardingLevel.Province => "Tỉnh",
        AwardingLevel.District => "Huyện",
        _ => "Cơ sở",
    };

    private static string Form(CommendationForm form) => form switch
    {
        CommendationForm.Certificate => "Giấy khen",
        CommendationForm.MeritCertificate => "Bằng khen",
        _ => "Thư khen",
    };
}

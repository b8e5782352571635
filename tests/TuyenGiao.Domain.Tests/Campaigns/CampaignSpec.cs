using TuyenGiao.Campaigns;
using TuyenGiao.Committees;
using TuyenGiao.Common;

namespace TuyenGiao.Domain.Tests.Campaigns;

/// <summary>A 2020 campaign of the Cần Thơ city committee over a three-level hierarchy, and helpers to drive it.</summary>
internal static class CampaignSpec
{
    public const string Id = "CT05-2020";
    public static readonly string[] City = ["CT"];
    public static readonly string[] ThotNot = ["CT-TN", "CT"];
    public static readonly string[] CoDo = ["CT-CD", "CT"];
    public static readonly string[] ThotNotCell = ["CT-TN-01", "CT-TN", "CT"];
    public static readonly Committee Launcher = new("committee/CT", "CT", "Thành ủy Cần Thơ", CommitteeLevel.Province, null, 60_000, true);

    public static CampaignLaunched Launched(string[]? participants = null, CampaignTargets? targets = null) => new(Id, "CT",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh - chuyên đề năm 2020", CampaignKind.AnnualTheme,
        new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), participants ?? ["CT"], targets ?? new CampaignTargets(95m, null, 54, null));

    public static Campaign Given(params object[] events) => events.Aggregate(Campaign.None(Id), CampaignEvolution.Evolve);

    public static ActivityFigures Figures(int members = 100, int studied = 98, int classes = 0, int learners = 0, int pledged = 0) =>
        new(members, 4, studied * 2, studied * 2, studied, 0, 0,
            classes > 0 ? [new TrainingClassFigures("Bồi dưỡng lý luận chính trị", classes, learners)] : [], 0, 0, pledged);

    public static ReportActivity Report(string reportId, string committee, ActivityFigures? figures = null, DateOnly? from = null, DateOnly? to = null) =>
        new(reportId, committee, from ?? new DateOnly(2020, 1, 1), to ?? new DateOnly(2020, 12, 31), figures ?? Figures());

    public static ActivityReported Reported(string reportId, string[] path, ActivityFigures? figures = null) =>
        new(Id, reportId, path[0], path, new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), figures ?? Figures());
}

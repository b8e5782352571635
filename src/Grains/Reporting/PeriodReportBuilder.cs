using TuyenGiao.Campaigns;
using TuyenGiao.CommitteeRecords;
using TuyenGiao.Committees;

namespace TuyenGiao.Reporting;

/// <summary>The campaign a report belongs to, as the period report names it.</summary>
public sealed record CampaignHeading(string CampaignId, string Title, CampaignKind Kind, string LauncherCode, CampaignTargets Targets);

/// <summary>Builds a period report from what was read; pure, so that its arithmetic is tested without I/O.</summary>
public static class PeriodReportBuilder
{
    /// <param name="subtree">The committee first, then everything below it, with depths.</param>
    /// <param name="reports">Activity reports of the subtree (any period: those inside [from, to] are kept).</param>
    /// <param name="books">The record books of the subtree's committees.</param>
    public static PeriodReport Build(
        IReadOnlyList<(Committee Committee, int Depth)> subtree, DateOnly from, DateOnly to,
        IEnumerable<ActivityReportDocument> reports, IReadOnlyDictionary<string, CampaignHeading> campaigns, IEnumerable<CommitteeRecordBook> books)
    {
        var top = subtree[0].Committee;
        var inSubtree = subtree.Select(s => s.Committee.Code).ToHashSet(StringComparer.Ordinal);
        var inPeriod = reports.Where(r => r.PeriodStart >= from && r.PeriodEnd <= to && r.CommitteePath.Contains(top.Code)).ToList();
        var recordBooks = books.Where(b => inSubtree.Contains(b.CommitteeCode)).ToList();
        return new PeriodReport(top.Code, top.Name, top.Level, top.MemberCount, from, to,
            subtree.Select(s => new SubtreeCommittee(s.Committee.Code, s.Committee.Name, s.Committee.Level, s.Committee.ParentCode, s.Depth)).ToList(),
            Activities(top.Code, inSubtree, inPeriod, campaigns),
            Programmes(recordBooks, from, to),
            Commendations(recordBooks, from, to),
            OpinionIssues(recordBooks, from, to),
            recordBooks.SelectMany(b => b.Inspections.Values.Select(i => (b.CommitteeCode, Inspection: i)))
                .Where(x => x.Inspection.InspectedOn >= from && x.Inspection.InspectedOn <= to)
                .OrderBy(x => x.Inspection.InspectedOn).ThenBy(x => x.CommitteeCode, StringComparer.Ordinal)
                .Select(x => new InspectionLine(x.CommitteeCode, x.Inspection.InspectionId, x.Inspection.InspectorCode, x.Inspection.InspectedOn,
                    x.Inspection.Delegation, x.Inspection.Findings, x.Inspection.Recommendations, x.Inspection.FollowUps))
                .ToList());
    }

    private static ActivitySection Activities(string top, HashSet<string> inSubtree, List<ActivityReportDocument> reports,
        IReadOnlyDictionary<string, CampaignHeading> campaigns)
    {
        static IReadOnlyList<CommitteeFigures> RollUp(IEnumerable<ActivityReportDocument> rs) =>
            ActivityRollUp.ByCommittee(rs.Select(r => (r.CommitteeCode, (IReadOnlyList<string>)r.CommitteePath, r.Figures)));
        CommitteeFigures TopOf(IReadOnlyList<CommitteeFigures> rolled) =>
            rolled.FirstOrDefault(c => c.Code == top) ?? new CommitteeFigures(top, 0, ActivityFigures.Zero, 0, ActivityFigures.Zero, null, null);

        var lines = reports.GroupBy(r => r.CampaignId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var figures = TopOf(RollUp(g));
            var heading = campaigns.GetValueOrDefault(g.Key) ?? new CampaignHeading(g.Key, g.Key, CampaignKind.StudyDrive, "", CampaignTargets.None);
            var t = heading.Targets;
            Achievement? achievement = heading.LauncherCode == top
                ? new Achievement(
                    t.ParticipationPercent is { } planned && figures.ParticipationPercent is { } actual ? actual >= planned : null,
                    ActivityRates.AchievementPercent(figures.Subtree.StudySessions, t.StudySessions),
                    ActivityRates.AchievementPercent(figures.Subtree.Classes, t.TrainingClasses),
                    ActivityRates.AchievementPercent(figures.Subtree.Learners, t.Learners))
                : null;
            return new CampaignLine(heading.CampaignId, heading.Title, heading.Kind, heading.LauncherCode, g.Count(), g.Sum(r => r.Corrections), figures, achievement);
        }).ToList();
        var all = RollUp(reports);
        return new ActivitySection(lines, TopOf(all), all.Where(c => inSubtree.Contains(c.Code)).ToList());
    }

    private static ProgrammeSection Programmes(List<CommitteeRecordBook> books, DateOnly from, DateOnly to)
    {
        var all = books.SelectMany(b => b.Programmes.Values).ToList();
        var byType = all.GroupBy(p => p.ProgrammeType).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ProgrammeGrowth.Count(g.Key, g, from, to)).ToList();
        var byCommittee = books.Where(b => b.Programmes.Count > 0).OrderBy(b => b.CommitteeCode, StringComparer.Ordinal)
            .Select(b => new CommitteeProgrammes(b.CommitteeCode, ProgrammeGrowth.Count("", b.Programmes.Values, from, to))).ToList();
        return new ProgrammeSection(byType, ProgrammeGrowth.Count("", all, from, to), byCommittee);
    }

    private static CommendationSection Commendations(List<CommitteeRecordBook> books, DateOnly from, DateOnly to)
    {
        var inPeriod = books.SelectMany(b => b.Commendations.Values).Where(c => c.AwardedOn >= from && c.AwardedOn <= to).ToList();
        var lines = inPeriod.GroupBy(c => (c.AwardingLevel, c.Form, c.AwardedBy))
            .OrderBy(g => g.Key.AwardingLevel).ThenBy(g => g.Key.Form).ThenBy(g => g.Key.AwardedBy, StringComparer.Ordinal)
            .Select(g => new CommendationLine(g.Key.AwardingLevel, g.Key.Form, g.Key.AwardedBy, g.Sum(c => c.Collectives), g.Sum(c => c.Individuals)))
            .ToList();
        return new CommendationSection(lines, inPeriod.Sum(c => c.Collectives), inPeriod.Sum(c => c.Individuals));
    }

    private static OpinionIssueSection OpinionIssues(List<CommitteeRecordBook> books, DateOnly from, DateOnly to)
    {
        var issues = books.SelectMany(b => b.OpinionIssues.Values).ToList();
        var opened = issues.Where(i => i.OpenedOn >= from && i.OpenedOn <= to).ToList();
        var resolvedOfOpened = opened.Count(i => i.ResolvedOn <= to);
        return new OpinionIssueSection(opened.Count, resolvedOfOpened, ActivityRates.Percent(resolvedOfOpened, opened.Count, 1),
            issues.Count(i => i.ResolvedOn >= from && i.ResolvedOn <= to),
            issues.Count(i => i.OpenedOn <= to && !(i.ResolvedOn <= to)));
    }
}

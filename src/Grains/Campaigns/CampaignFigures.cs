using TuyenGiao.Committees.Organisation;

namespace TuyenGiao.Campaigns;

/// <summary>A campaign's figures: the whole campaign against its targets, and every committee with reports below it.</summary>
[GenerateSerializer, Immutable]
public sealed record CampaignFigures(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string Title,
    [property: Id(2)] CampaignKind Kind,
    [property: Id(3)] string LauncherCode,
    [property: Id(4)] CampaignStatus Status,
    [property: Id(5)] DateOnly PeriodStart,
    [property: Id(6)] DateOnly PeriodEnd,
    [property: Id(7)] IReadOnlyList<string> Participants,
    [property: Id(8)] CampaignTargets Targets,
    [property: Id(9)] long Version,
    [property: Id(10)] int Reports,
    [property: Id(11)] int Corrections,
    [property: Id(12)] CommitteeFigures Total,
    [property: Id(13)] Achievement Achievement,
    [property: Id(14)] IReadOnlyList<CommitteeFigures> ByCommittee)
{
    /// <summary>
    /// Which organisation the committees follow: null, the paths the reports carried when they were made; a day, the
    /// hierarchy as organised on that day (merged and dissolved committees under their successors).
    /// </summary>
    [Id(15)]
    public DateOnly? OrganisedAsOf { get; init; }
}

/// <summary>The campaign's totals against its targets, each in percent of plan (null where nothing was planned).</summary>
[GenerateSerializer, Immutable]
public sealed record Achievement(
    [property: Id(0)] bool? ParticipationTargetMet,
    [property: Id(1)] decimal? StudySessionsPercent,
    [property: Id(2)] decimal? TrainingClassesPercent,
    [property: Id(3)] decimal? LearnersPercent);

public static class CampaignFigureBuilder
{
    /// <summary>
    /// Built from the state alone: every committee with reports, rolled up along the paths the reports carry, or, given
    /// <paramref name="organisedOn"/>, along the paths of that day's hierarchy.
    /// </summary>
    public static CampaignFigures Build(Campaign campaign, long version, OrganisationChart? organisedOn = null)
    {
        var byCommittee = ActivityRollUp.ByCommittee(campaign.Reports.Values.Select(r =>
        {
            // In a later organisation a report is the own report of the committee standing for its committee then.
            var path = organisedOn is null ? r.CommitteePath : PathOn(organisedOn, r.CommitteeCode, r.CommitteePath);
            return (path[0], path, r.Figures);
        }));
        // Every report lies in the launcher's subtree, so the launcher's roll-up is the campaign's total; in a later
        // organisation, the committee that stands for the launcher holds it.
        var launcher = organisedOn?.Successor(campaign.LauncherCode) ?? campaign.LauncherCode;
        var total = byCommittee.FirstOrDefault(c => c.Code == launcher)
            ?? new CommitteeFigures(campaign.LauncherCode, 0, ActivityFigures.Zero, 0, ActivityFigures.Zero, null, null);
        var t = campaign.Targets;
        var achievement = new Achievement(
            t.ParticipationPercent is { } planned && total.ParticipationPercent is { } actual ? actual >= planned : null,
            ActivityRates.AchievementPercent(total.Subtree.StudySessions, t.StudySessions),
            ActivityRates.AchievementPercent(total.Subtree.Classes, t.TrainingClasses),
            ActivityRates.AchievementPercent(total.Subtree.Learners, t.Learners));
        return new CampaignFigures(campaign.CampaignId, campaign.Title, campaign.Kind, campaign.LauncherCode, campaign.Status,
            campaign.PeriodStart, campaign.PeriodEnd, campaign.Participants, campaign.Targets, version,
            campaign.Reports.Count, campaign.Reports.Values.Sum(r => r.Corrections), total, achievement, byCommittee)
        {
            OrganisedAsOf = organisedOn?.Day,
        };
    }

    /// <summary>The path on the chart's day; a committee the chart does not know keeps the path it was reported with.</summary>
    private static IReadOnlyList<string> PathOn(OrganisationChart chart, string code, IReadOnlyList<string> recorded) =>
        chart.PathToRoot(code) is { Count: > 0 } path ? path : recorded;
}

using TuyenGiao.Campaigns;
using TuyenGiao.CommitteeRecords;
using TuyenGiao.Committees;

namespace TuyenGiao.Reporting;

/// <summary>
/// Everything a committee and its subtree recorded for a period (both days included): activities per campaign and
/// rolled up, model programmes, commendations, public-opinion issues and inspections.
/// </summary>
public sealed record PeriodReport(
    string CommitteeCode,
    string CommitteeName,
    CommitteeLevel Level,
    int MemberCount,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<SubtreeCommittee> Subtree,
    ActivitySection Activities,
    ProgrammeSection ModelProgrammes,
    CommendationSection Commendations,
    OpinionIssueSection OpinionIssues,
    IReadOnlyList<InspectionLine> Inspections)
{
    /// <summary>Null: each figure under the committees it was recorded with. A day: as organised on that day.</summary>
    public DateOnly? OrganisedAsOf { get; init; }
}

public sealed record SubtreeCommittee(string Code, string Name, CommitteeLevel Level, string? ParentCode, int Depth);

/// <param name="Total">All reports of the subtree in the period, across campaigns.</param>
/// <param name="ByCommittee">Each committee of the subtree with reports: its own figures and its subtree's.</param>
public sealed record ActivitySection(IReadOnlyList<CampaignLine> Campaigns, CommitteeFigures Total, IReadOnlyList<CommitteeFigures> ByCommittee);

/// <param name="Figures">The campaign's reports from the subtree in the period, summed.</param>
/// <param name="Achievement">Against the campaign's targets, when this committee launched it.</param>
public sealed record CampaignLine(
    string CampaignId, string Title, CampaignKind Kind, string LauncherCode, int Reports, int Corrections, CommitteeFigures Figures,
    Achievement? Achievement);

public sealed record ProgrammeSection(IReadOnlyList<ProgrammeCounts> ByType, ProgrammeCounts Total, IReadOnlyList<CommitteeProgrammes> ByCommittee);

public sealed record CommitteeProgrammes(string Code, ProgrammeCounts Counts);

public sealed record CommendationSection(IReadOnlyList<CommendationLine> Lines, int Collectives, int Individuals);

public sealed record CommendationLine(AwardingLevel AwardingLevel, CommendationForm Form, string AwardedBy, int Collectives, int Individuals);

/// <param name="Opened">Issues opened in the period.</param>
/// <param name="ResolvedOfOpened">Of those, resolved by the period's end (47 of 49).</param>
/// <param name="ResolvedInPeriod">Issues resolved in the period, whenever they were opened.</param>
/// <param name="OpenAtEnd">Issues opened by the period's end and not resolved by then.</param>
public sealed record OpinionIssueSection(int Opened, int ResolvedOfOpened, decimal? ResolvedPercent, int ResolvedInPeriod, int OpenAtEnd);

public sealed record InspectionLine(
    string CommitteeCode, string InspectionId, string InspectorCode, DateOnly InspectedOn, IReadOnlyList<string> Delegation,
    string Findings, string Recommendations, IReadOnlyList<InspectionFollowUp> FollowUps);

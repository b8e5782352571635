using System.Collections.Immutable;

namespace TuyenGiao.Campaigns;

/// <summary>
/// A campaign as its events made it, with the current figures of every activity report. <see cref="Id"/> is the
/// stream id (Marten sets it so), <see cref="CampaignId"/> the campaign's own id.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Campaign(
    [property: Id(0)] string Id,
    [property: Id(1)] string CampaignId,
    [property: Id(2)] CampaignStatus Status,
    [property: Id(3)] string LauncherCode,
    [property: Id(4)] string Title,
    [property: Id(5)] CampaignKind Kind,
    [property: Id(6)] DateOnly PeriodStart,
    [property: Id(7)] DateOnly PeriodEnd,
    [property: Id(8)] IReadOnlyList<string> Participants,
    [property: Id(9)] CampaignTargets Targets,
    [property: Id(10)] ImmutableSortedDictionary<string, ActivityReport> Reports,
    [property: Id(11)] string? ClosedReason)
{
    public static string StreamIdFor(string campaignId) => $"campaign/{campaignId}";

    public static Campaign None(string campaignId) => new(StreamIdFor(campaignId), campaignId, CampaignStatus.None, "", "",
        CampaignKind.StudyDrive, default, default, [], CampaignTargets.None, ImmutableSortedDictionary.Create<string, ActivityReport>(StringComparer.Ordinal), null);
}

/// <summary>A report's current figures; <see cref="Corrections"/> counts the corrections that led to them.</summary>
[GenerateSerializer, Immutable]
public sealed record ActivityReport(
    [property: Id(0)] string ReportId,
    [property: Id(1)] string CommitteeCode,
    [property: Id(2)] IReadOnlyList<string> CommitteePath,
    [property: Id(3)] DateOnly PeriodStart,
    [property: Id(4)] DateOnly PeriodEnd,
    [property: Id(5)] ActivityFigures Figures,
    [property: Id(6)] int Corrections);

using TuyenGiao.Common;

namespace TuyenGiao.Campaigns;

/// <summary>One campaign with its participants' activity reports, keyed by the campaign id.</summary>
public interface ICampaignGrain : IGrainWithStringKey
{
    Task<CommandResult> Launch(LaunchCampaign command, CommandContext context);

    Task<CommandResult> Close(CloseCampaign command, CommandContext context);

    /// <summary>Records a report; the same report id with the same content again records nothing.</summary>
    Task<CommandResult> Report(ReportActivity command, CommandContext context);

    Task<CommandResult> Correct(CorrectActivityReport command, CommandContext context);

    /// <summary>Null when no campaign has this id.</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<CampaignFigures?> GetFigures();

    /// <summary>The figures with committees as organised on <paramref name="day"/>; null when no campaign has this id.</summary>
    Task<CampaignFigures?> GetFiguresAsOrganisedOn(DateOnly day);

    [Orleans.Concurrency.AlwaysInterleave]
    Task<ActivityReport?> GetReport(string reportId);
}

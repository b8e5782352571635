using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using TuyenGiao.Committees;
using TuyenGiao.Common;
using TuyenGiao.EventStore;
using TuyenGiao.Committees.Organisation;

namespace TuyenGiao.Campaigns;

/// <summary>Thin: looks up the committees the rules need, lets <see cref="CampaignDecisions"/> decide, records the events.</summary>
[Reentrant]
public sealed class CampaignGrain(IEventJournal journal, ISnapshotStore snapshots, IOptions<EventStoreOptions> options, CommitteeDirectory directory, OrganisationHistory organisation, TimeProvider time,
    ILogger<CampaignGrain> logger)
    : EventSourcedGrain<Campaign>(journal, options.Value, time, logger, snapshots), ICampaignGrain
{
    private string CampaignId => this.GetPrimaryKeyString();

    protected override string StreamId => Campaign.StreamIdFor(CampaignId);

    protected override Campaign Initial => Campaign.None(CampaignId);

    protected override Campaign Evolve(Campaign state, object @event) => CampaignEvolution.Evolve(state, @event);

    public async Task<CommandResult> Launch(LaunchCampaign command, CommandContext context)
    {
        var launcher = CommitteeCode.Validate("launcherCode", command.LauncherCode) is null
            ? await directory.FindAsync(CommitteeCode.Normalize(command.LauncherCode))
            : null;
        var paths = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var code in command.Participants.Take(CampaignDecisions.MaxParticipants).Select(CommitteeCode.Normalize).Distinct())
            paths[code] = CommitteeCode.Validate("participants", code) is null ? await PathOf(code) : [];
        return await Execute((state, _) => CampaignDecisions.Launch(state, command, launcher, paths), context);
    }

    public Task<CommandResult> Close(CloseCampaign command, CommandContext context) =>
        Execute((state, now) => CampaignDecisions.Close(state, command, now), context);

    public async Task<CommandResult> Report(ReportActivity command, CommandContext context)
    {
        var path = CommitteeCode.Validate("committeeCode", command.CommitteeCode) is null ? await PathOf(CommitteeCode.Normalize(command.CommitteeCode)) : [];
        var standingFor = Successors.Of(Stored.Participants ?? [], await organisation.TodayAsync(Time));
        return await Execute((state, _) => CampaignDecisions.Report(state, command, path, standingFor), context);
    }

    public Task<CommandResult> Correct(CorrectActivityReport command, CommandContext context) =>
        Execute((state, _) => CampaignDecisions.Correct(state, command), context);

    public async Task<CampaignFigures?> GetFiguresAsOrganisedOn(DateOnly day) =>
        Stored is { Status: not CampaignStatus.None } campaign
            ? CampaignFigureBuilder.Build(campaign, Version, await organisation.ChartAsync(day))
            : null;

    public Task<CampaignFigures?> GetFigures() => Task.FromResult(Stored is { Status: not CampaignStatus.None } campaign
        ? CampaignFigureBuilder.Build(campaign, Version)
        : null);

    public Task<ActivityReport?> GetReport(string reportId) => Task.FromResult(Stored.Reports.GetValueOrDefault(reportId));

    private async Task<IReadOnlyList<string>> PathOf(string code) => (await directory.PathToRootAsync(code)).Select(c => c.Code).ToList();
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using TuyenGiao.Committees.Organisation;
using TuyenGiao.Common;
using TuyenGiao.Contests;
using TuyenGiao.EventStore;

namespace TuyenGiao.Committees;

/// <summary>
/// Thin: looks up what the rules need, lets <see cref="CommitteeDecisions"/> or <see cref="ReorganisationDecisions"/>
/// decide, records the events. A dated reorganisation is decided against the chart of its effective day, so it sees
/// every change already scheduled before it.
/// </summary>
[Reentrant]
public sealed class CommitteeGrain(IEventJournal journal, IOptions<EventStoreOptions> options, CommitteeDirectory directory, OrganisationHistory history, TimeProvider time,
    ILogger<CommitteeGrain> logger)
    : EventSourcedGrain<Committee>(journal, options.Value, time, logger), ICommitteeGrain
{
    private string Code => this.GetPrimaryKeyString();

    protected override string StreamId => Committee.StreamIdFor(Code);

    protected override Committee Initial => Committee.Unregistered(Code);

    protected override Committee Evolve(Committee state, object @event) => CommitteeEvolution.Evolve(state, @event);

    public async Task<CommandResult> Register(RegisterCommittee command, CommandContext context)
    {
        var parent = ParentCodeOrNull(command.ParentCode) is { } parentCode ? await directory.FindAsync(parentCode) : null;
        return await Execute((state, now) => CommitteeDecisions.Register(state, command, parent, VietnamTime.DayOf(now)), context);
    }

    public Task<CommandResult> Rename(RenameCommittee command, CommandContext context) =>
        AsItStandsToday(today => CommitteeDecisions.Rename(today, command), context);

    public Task<CommandResult> ChangeMemberCount(ChangeMemberCount command, CommandContext context) =>
        AsItStandsToday(today => CommitteeDecisions.ChangeMemberCount(today, command), context);

    public async Task<CommandResult> MoveUnder(MoveCommittee command, CommandContext context)
    {
        var parentCode = CommitteeCode.Normalize(command.ParentCode);
        var path = await directory.PathToRootAsync(parentCode);
        var parent = path.Count > 0 ? path[0] : null;
        return await AsItStandsToday(today => CommitteeDecisions.Move(today, command, parent, path.Select(c => c.Code).ToList()), context);
    }

    public Task<CommandResult> Reparent(ReparentCommittee command, CommandContext context) =>
        Reorganise(command.EffectiveOn, (timeline, chart, today) => ReorganisationDecisions.Reparent(timeline, command, chart, today), context);

    public Task<CommandResult> RenameOn(RenameCommitteeOn command, CommandContext context) =>
        Reorganise(command.EffectiveOn, (timeline, chart, today) => ReorganisationDecisions.Rename(timeline, command, chart, today), context);

    public Task<CommandResult> Merge(MergeCommittee command, CommandContext context) =>
        Reorganise(command.EffectiveOn, (timeline, chart, today) => ReorganisationDecisions.Merge(timeline, command, chart, today), context);

    public Task<CommandResult> Dissolve(DissolveCommittee command, CommandContext context) =>
        Reorganise(command.EffectiveOn, (timeline, chart, today) => ReorganisationDecisions.Dissolve(timeline, command, chart, today), context);

    public Task<Committee?> Get()
    {
        var state = Stored;
        return Task.FromResult(state is { IsRegistered: true } ? state with { Version = Version } : null);
    }

    /// <summary>
    /// The undated changes apply to the committee as it stands today (its name and parent may come from a dated
    /// reorganisation); one that has ceased, or is not yet established, takes none.
    /// </summary>
    private async Task<CommandResult> AsItStandsToday(Func<Committee, Decision> decide, CommandContext context)
    {
        var today = await directory.FindAsync(Code);
        return await Execute((state, _) => state.IsRegistered && today is null
            ? Rejection.RuleViolation("code", $"'{Code}' does not stand today (merged, dissolved or not yet established): see its history")
            : decide(today is null ? state : today with { MemberCount = state.MemberCount }), context);
    }

    private async Task<CommandResult> Reorganise(DateOnly effectiveOn, Func<CommitteeTimeline?, OrganisationChart, DateOnly, Decision> decide, CommandContext context)
    {
        var chart = await history.ChartAsync(effectiveOn);
        return await Execute((state, now) => decide(state.IsRegistered ? chart.TimelineOf(Code) : null, chart, VietnamTime.DayOf(now)), context);
    }

    private static string? ParentCodeOrNull(string? code) => code is null ? null : CommitteeCode.Normalize(code);
}

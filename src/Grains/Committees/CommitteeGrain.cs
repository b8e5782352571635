using Microsoft.Extensions.Logging;
using Orleans.Concurrency;
using TuyenGiao.Common;
using TuyenGiao.EventStore;

namespace TuyenGiao.Committees;

/// <summary>Thin: looks up what the rules need, lets <see cref="CommitteeDecisions"/> decide, records the events.</summary>
[Reentrant]
public sealed class CommitteeGrain(IEventJournal journal, CommitteeDirectory directory, TimeProvider time, ILogger<CommitteeGrain> logger)
    : EventSourcedGrain<Committee>(journal, time, logger), ICommitteeGrain
{
    private string Code => this.GetPrimaryKeyString();

    protected override string StreamId => Committee.StreamIdFor(Code);

    protected override Committee Initial => Committee.Unregistered(Code);

    protected override Committee Evolve(Committee state, object @event) => CommitteeEvolution.Evolve(state, @event);

    public async Task<CommandResult> Register(RegisterCommittee command, CommandContext context)
    {
        var parent = ParentCodeOrNull(command.ParentCode) is { } parentCode ? await directory.FindAsync(parentCode) : null;
        return await Execute((state, _) => CommitteeDecisions.Register(state, command, parent), context);
    }

    public Task<CommandResult> Rename(RenameCommittee command, CommandContext context) =>
        Execute((state, _) => CommitteeDecisions.Rename(state, command), context);

    public Task<CommandResult> ChangeMemberCount(ChangeMemberCount command, CommandContext context) =>
        Execute((state, _) => CommitteeDecisions.ChangeMemberCount(state, command), context);

    public async Task<CommandResult> MoveUnder(MoveCommittee command, CommandContext context)
    {
        var parentCode = CommitteeCode.Normalize(command.ParentCode);
        var path = await directory.PathToRootAsync(parentCode);
        var parent = path.Count > 0 ? path[0] : null;
        return await Execute((state, _) => CommitteeDecisions.Move(state, command, parent, path.Select(c => c.Code).ToList()), context);
    }

    public Task<Committee?> Get()
    {
        var state = State.Current;
        return Task.FromResult(state is { IsRegistered: true } ? state with { Version = Version } : null);
    }

    private static string? ParentCodeOrNull(string? code) => code is null ? null : CommitteeCode.Normalize(code);
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using TuyenGiao.Committees;
using TuyenGiao.Common;
using TuyenGiao.EventStore;

namespace TuyenGiao.CommitteeRecords;

/// <summary>Thin: looks up the committee's path where a record needs it, lets <see cref="CommitteeRecordsDecisions"/> decide.</summary>
[Reentrant]
public sealed class CommitteeRecordsGrain(IEventJournal journal, IOptions<EventStoreOptions> options, CommitteeDirectory directory, TimeProvider time, ILogger<CommitteeRecordsGrain> logger)
    : EventSourcedGrain<CommitteeRecordBook>(journal, options.Value, time, logger), ICommitteeRecordsGrain
{
    private string Code => this.GetPrimaryKeyString();

    protected override string StreamId => CommitteeRecordBook.StreamIdFor(Code);

    protected override CommitteeRecordBook Initial => CommitteeRecordBook.Empty(Code);

    protected override CommitteeRecordBook Evolve(CommitteeRecordBook state, object @event) => CommitteeRecordsEvolution.Evolve(state, @event);

    public async Task<CommandResult> RegisterProgramme(RegisterModelProgramme command, CommandContext context)
    {
        var path = await Path();
        return await Execute((book, _) => CommitteeRecordsDecisions.RegisterProgramme(book, command, path), context);
    }

    public Task<CommandResult> MaintainProgramme(MaintainModelProgramme command, CommandContext context) =>
        Execute((book, _) => CommitteeRecordsDecisions.Maintain(book, command), context);

    public Task<CommandResult> CommendProgramme(CommendModelProgramme command, CommandContext context) =>
        Execute((book, _) => CommitteeRecordsDecisions.Commend(book, command), context);

    public Task<CommandResult> RetireProgramme(RetireModelProgramme command, CommandContext context) =>
        Execute((book, _) => CommitteeRecordsDecisions.Retire(book, command), context);

    public async Task<CommandResult> RecordCommendation(RecordCommendation command, CommandContext context)
    {
        var path = await Path();
        return await Execute((book, _) => CommitteeRecordsDecisions.RecordCommendation(book, command, path), context);
    }

    public async Task<CommandResult> OpenOpinionIssue(OpenOpinionIssue command, CommandContext context)
    {
        var path = await Path();
        return await Execute((book, _) => CommitteeRecordsDecisions.OpenIssue(book, command, path), context);
    }

    public Task<CommandResult> ResolveOpinionIssue(ResolveOpinionIssue command, CommandContext context) =>
        Execute((book, _) => CommitteeRecordsDecisions.ResolveIssue(book, command), context);

    public async Task<CommandResult> RecordInspection(RecordInspection command, CommandContext context)
    {
        var path = await Path();
        return await Execute((book, _) => CommitteeRecordsDecisions.RecordInspection(book, command, path), context);
    }

    public Task<CommandResult> RecordInspectionFollowUp(RecordInspectionFollowUp command, CommandContext context) =>
        Execute((book, _) => CommitteeRecordsDecisions.RecordFollowUp(book, command), context);

    public Task<CommitteeRecordBook> Get() => Task.FromResult(Stored with { Version = Version });

    /// <summary>Looked up for every creating command, so that a record carries the hierarchy as it is when recorded.</summary>
    private async Task<IReadOnlyList<string>> Path() => (await directory.PathToRootAsync(Code)).Select(c => c.Code).ToList();
}

using TuyenGiao.Common;

namespace TuyenGiao.CommitteeRecords;

/// <summary>A committee's model programmes, commendations, public-opinion issues and inspections, keyed by its code.</summary>
public interface ICommitteeRecordsGrain : IGrainWithStringKey
{
    Task<CommandResult> RegisterProgramme(RegisterModelProgramme command, CommandContext context);

    Task<CommandResult> MaintainProgramme(MaintainModelProgramme command, CommandContext context);

    Task<CommandResult> CommendProgramme(CommendModelProgramme command, CommandContext context);

    Task<CommandResult> RetireProgramme(RetireModelProgramme command, CommandContext context);

    Task<CommandResult> RecordCommendation(RecordCommendation command, CommandContext context);

    Task<CommandResult> OpenOpinionIssue(OpenOpinionIssue command, CommandContext context);

    Task<CommandResult> ResolveOpinionIssue(ResolveOpinionIssue command, CommandContext context);

    Task<CommandResult> RecordInspection(RecordInspection command, CommandContext context);

    Task<CommandResult> RecordInspectionFollowUp(RecordInspectionFollowUp command, CommandContext context);

    [Orleans.Concurrency.AlwaysInterleave]
    Task<CommitteeRecordBook> Get();
}

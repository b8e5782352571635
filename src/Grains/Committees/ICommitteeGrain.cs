using TuyenGiao.Committees.Organisation;
using TuyenGiao.Common;

namespace TuyenGiao.Committees;

/// <summary>One Propaganda and Education Committee, keyed by its code.</summary>
public interface ICommitteeGrain : IGrainWithStringKey
{
    Task<CommandResult> Register(RegisterCommittee command, CommandContext context);

    Task<CommandResult> Rename(RenameCommittee command, CommandContext context);

    Task<CommandResult> ChangeMemberCount(ChangeMemberCount command, CommandContext context);

    Task<CommandResult> MoveUnder(MoveCommittee command, CommandContext context);

    // Dated reorganisations: each takes effect on its day, which may lie ahead.

    Task<CommandResult> Reparent(ReparentCommittee command, CommandContext context);

    Task<CommandResult> RenameOn(RenameCommitteeOn command, CommandContext context);

    Task<CommandResult> Merge(MergeCommittee command, CommandContext context);

    Task<CommandResult> Dissolve(DissolveCommittee command, CommandContext context);

    /// <summary>The committee as stored, or null when no committee has this code.</summary>
    Task<Committee?> Get();
}

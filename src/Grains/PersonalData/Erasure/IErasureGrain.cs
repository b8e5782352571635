using TuyenGiao.Common;

namespace TuyenGiao.PersonalData;

/// <summary>One erasure request, keyed by its request id.</summary>
public interface IErasureGrain : IGrainWithStringKey
{
    Task<CommandResult> Erase(ErasePerson command, CommandContext context);

    /// <summary>The request as recorded; not done when none was.</summary>
    Task<Erasure> Get();
}

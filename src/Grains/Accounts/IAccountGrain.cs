using TuyenGiao.Access;
using TuyenGiao.Common;

namespace TuyenGiao.Accounts;

/// <summary>A user's account, keyed by its username in lower case.</summary>
public interface IAccountGrain : IGrainWithStringKey
{
    Task<CommandResult> Create(CreateAccount command, CommandContext context);

    Task<CommandResult> Grant(Grant grant, CommandContext context);

    Task<CommandResult> Revoke(Grant grant, CommandContext context);

    Task<CommandResult> Disable(string reason, CommandContext context);

    Task<CommandResult> Enable(CommandContext context);

    Task<SignInResult> SignIn(string password, CommandContext context);

    /// <summary>Records a sign-in the single sign-on provider proved; the access the session holds, or the rejection.</summary>
    Task<SignInResult> SignOnThroughProvider(string provider, string subject, CommandContext context);

    Task<CommandResult> ChangePassword(string currentPassword, string newPassword, CommandContext context);

    /// <summary>A new one-time link (the one before stops working), or the rejection.</summary>
    Task<ResetLinkResult> IssueResetLink(CommandContext context);

    Task<CommandResult> ResetPassword(string secret, string newPassword, CommandContext context);

    /// <summary>The account as stored, or null when none has this username.</summary>
    Task<Account?> Get();

    /// <summary>What a session or token of this account may do now; null when it may do nothing.</summary>
    Task<AccountAccess?> GetAccess();
}

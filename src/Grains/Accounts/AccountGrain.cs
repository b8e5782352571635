using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TuyenGiao.Access;
using TuyenGiao.Common;
using TuyenGiao.EventStore;

namespace TuyenGiao.Accounts;

/// <summary>
/// Thin: checks a password against the credential the account names (the one costly step, done before the decision),
/// stores a new credential row before the event that names it, lets <see cref="AccountDecisions"/> decide. One
/// activation per account in the cluster, so failed sign-ins from every node count towards one lockout.
/// </summary>
public sealed class AccountGrain(IEventJournal journal, IOptions<EventStoreOptions> options, AccountCredentials credentials, TimeProvider time,
    ILogger<AccountGrain> logger)
    : EventSourcedGrain<Account>(journal, options.Value, time, logger), IAccountGrain
{
    private string Username => this.GetPrimaryKeyString();

    protected override string StreamId => Account.StreamIdFor(Username);

    protected override Account Initial => Account.NotCreated(Username);

    protected override Account Evolve(Account state, object @event) => AccountEvolution.Evolve(state, @event);

    public async Task<CommandResult> Create(CreateAccount command, CommandContext context)
    {
        if (AccountDecisions.MayCreate(Stored, command) is { } refused)
            return CommandResult.Rejected(refused);
        Guid? first = command.Kind == AccountKind.Person ? await credentials.StoreAsync(Username, command.FirstPassword!) : null;
        return await Execute((state, _) => AccountDecisions.Create(state, command, first), context);
    }

    public Task<CommandResult> Grant(Grant grant, CommandContext context) => Execute((state, _) => AccountDecisions.Grant(state, grant), context);

    public Task<CommandResult> Revoke(Grant grant, CommandContext context) => Execute((state, _) => AccountDecisions.Revoke(state, grant), context);

    public Task<CommandResult> Disable(string reason, CommandContext context) => Execute((state, _) => AccountDecisions.Disable(state, reason), context);

    public Task<CommandResult> Enable(CommandContext context) => Execute((state, _) => AccountDecisions.Enable(state), context);

    public async Task<SignInResult> SignIn(string password, CommandContext context)
    {
        // Refused before any password is checked: a locked account costs an attacker nothing to ask and us no hashing.
        if (AccountDecisions.MayNotSignIn(Stored, Time.GetUtcNow()) is not null)
            return Answer(signedIn: false);
        var checkedAgainst = Stored.CredentialId;
        var matches = await credentials.MatchesAsync(Username, checkedAgainst, password);
        // A password changed while this one was being checked makes the check stale: it does not match what is stored now.
        var result = await Execute((state, now) => AccountDecisions.SignIn(state, matches && state.CredentialId == checkedAgainst, now), context);
        return Answer(signedIn: matches && result.Succeeded);
    }

    public async Task<SignInResult> SignOnThroughProvider(string provider, string subject, CommandContext context)
    {
        var result = await Execute((state, _) => AccountDecisions.SignOnThroughProvider(state, provider, subject), context);
        return result.Succeeded ? new SignInResult(SignInOutcome.SignedIn, Access: AccountAccess.Of(Stored)) : new SignInResult(SignInOutcome.Refused);
    }

    public async Task<CommandResult> ChangePassword(string currentPassword, string newPassword, CommandContext context)
    {
        if (AccountDecisions.MayNotSignIn(Stored, Time.GetUtcNow()) is { } refused)
            return CommandResult.Rejected(refused);
        if (PasswordPolicy.Check("newPassword", newPassword, Username) is { } weak)
            return CommandResult.Rejected(weak);
        var checkedAgainst = Stored.CredentialId;
        if (!await credentials.MatchesAsync(Username, checkedAgainst, currentPassword))
            return CommandResult.Rejected(Rejection.RuleViolation("currentPassword", "is not the account's current password"));
        var credential = await credentials.StoreAsync(Username, newPassword);
        return await Execute((state, now) => AccountDecisions.ChangePassword(state, state.CredentialId == checkedAgainst, credential, now), context);
    }

    public async Task<ResetLinkResult> IssueResetLink(CommandContext context)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var result = await Execute((state, now) => AccountDecisions.IssueResetLink(state, HashOf(secret), now), context);
        return result.Rejection is { } rejection
            ? new ResetLinkResult(null, rejection)
            : new ResetLinkResult(new ResetLink(secret, Stored.ResetExpiresAt!.Value), null);
    }

    public async Task<CommandResult> ResetPassword(string secret, string newPassword, CommandContext context)
    {
        var hash = HashOf(secret);
        if ((AccountDecisions.MayResetWith(Stored, hash, Time.GetUtcNow()) ?? PasswordPolicy.Check("newPassword", newPassword, Username)) is { } refused)
            return CommandResult.Rejected(refused);
        var credential = await credentials.StoreAsync(Username, newPassword);
        return await Execute((state, now) => AccountDecisions.ResetPassword(state, hash, credential, now), context);
    }

    public Task<Account?> Get() => Task.FromResult(Stored.IsCreated ? Stored with { Version = Version } : null);

    public Task<AccountAccess?> GetAccess() => Task.FromResult(AccountAccess.Of(Stored));

    private SignInResult Answer(bool signedIn)
    {
        var state = Stored;
        if (signedIn)
            return new SignInResult(SignInOutcome.SignedIn, Access: AccountAccess.Of(state));
        return state.IsCreated && state.IsLockedAt(Time.GetUtcNow())
            ? new SignInResult(SignInOutcome.LockedOut, state.LockedUntil)
            : new SignInResult(SignInOutcome.Refused);
    }

    private static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret)));
}

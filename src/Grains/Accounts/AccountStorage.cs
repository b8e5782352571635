using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;

namespace TuyenGiao.Accounts;

/// <summary>What the accounts feature needs from Marten: its events, the inline snapshot, the credential rows.</summary>
public static class AccountStorage
{
    /// <summary>The events of an account stream, and only of one: the snapshot projection takes exactly these.</summary>
    public static readonly IReadOnlyList<Type> EventTypes =
    [
        typeof(AccountCreated), typeof(RoleGranted), typeof(RoleRevoked), typeof(AccountDisabled), typeof(AccountEnabled),
        typeof(PasswordChanged), typeof(PasswordResetLinkIssued), typeof(SignedIn), typeof(SignInFailed), typeof(AccountLockedOut),
        typeof(SignedOnThroughProvider),
    ];

    public static void Configure(StoreOptions options)
    {
        options.Projections.Add<AccountSnapshotProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<AccountCredential>().Index(c => c.Username);
        options.Events.AddEventTypes(EventTypes);
    }
}

/// <summary>Keeps each account's snapshot current in the append's own transaction, with the grain's own fold.</summary>
public sealed class AccountSnapshotProjection : SingleStreamProjection<Account, string>
{
    public AccountSnapshotProjection()
    {
        foreach (var type in AccountStorage.EventTypes)
            IncludeType(type);
    }

    public override Account Evolve(Account? snapshot, string id, IEvent e) =>
        AccountEvolution.Evolve(snapshot ?? Account.NotCreated(id[(id.IndexOf('/') + 1)..]), e.Data);
}

namespace TuyenGiao.Accounts;

/// <summary>The pure fold of account events, shared by the grain, the inline snapshot and the tests.</summary>
public static class AccountEvolution
{
    public static Account Evolve(Account state, object @event) => @event switch
    {
        AccountCreated e => state with
        {
            FullName = e.FullName, Email = e.Email, Phone = e.Phone, Kind = e.Kind, IsCreated = true,
            CredentialId = e.FirstCredentialId, MustChangePassword = e.FirstCredentialId is not null,
        },
        RoleGranted e => state with { Grants = [.. state.Grants, e.Grant] },
        RoleRevoked e => state with { Grants = state.Grants.Where(g => g != e.Grant).ToList(), SessionStamp = state.SessionStamp + 1 },
        AccountDisabled => state with { IsDisabled = true, SessionStamp = state.SessionStamp + 1 },
        AccountEnabled => state with { IsDisabled = false, FailuresInARow = 0, LockedUntil = null },
        PasswordChanged e => state with
        {
            CredentialId = e.CredentialId, MustChangePassword = false, FailuresInARow = 0, LockedUntil = null,
            ResetTokenHash = null, ResetExpiresAt = null, SessionStamp = state.SessionStamp + 1,
        },
        PasswordResetLinkIssued e => state with { ResetTokenHash = e.TokenHash, ResetExpiresAt = e.ExpiresAt },
        SignedIn => state with { FailuresInARow = 0, LockedUntil = null },
        SignInFailed e => state with { FailuresInARow = e.FailuresInARow },
        AccountLockedOut e => state with { LockedUntil = e.Until, FailuresInARow = 0 },
        _ => state,
    };
}

using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TuyenGiao.Accounts;

namespace TuyenGiao.Api.Security;

/// <summary>
/// A session cookie or an account's bearer token names the account and the session stamp it was issued under; this
/// reads what the account may do now (from its grain, kept on this node for at most <see cref="AuthSettings.AccountCheckEvery"/>)
/// and gives the request a principal with the account's current grants, or none when the account was disabled, or a grant
/// revoked or the password changed since. Grants are never read from the cookie or token themselves.
/// </summary>
public sealed class AccountSessions(IGrainFactory grains, IMemoryCache cache, IOptions<AuthSettings> auth)
{
    /// <summary>The account's session stamp when the cookie or token was issued.</summary>
    public const string StampClaim = "stamp";

    /// <summary>Present while the account's first (or reset) password is still to be changed: it is granted nothing until then.</summary>
    public const string MustChangePasswordClaim = "must_change_password";

    /// <summary>Present on a session (and its tokens) the single sign-on provider proved: see <see cref="PrincipalOf"/>.</summary>
    public const string SignedOnElsewhereClaim = "signed_on_elsewhere";

    public async Task<AccountAccess?> CurrentAsync(string username) =>
        await cache.GetOrCreateAsync(("account-access", username), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = auth.Value.AccountCheckEvery;
            return grains.GetGrain<IAccountGrain>(username).GetAccess();
        });

    /// <summary>What this node knows of the account is read again at its next use (after a change made through this node).</summary>
    public void Forget(string username) => cache.Remove(("account-access", username));

    /// <summary>The principal for a request presenting <paramref name="presented"/>, or null when its session must end.</summary>
    public async Task<ClaimsPrincipal?> CurrentPrincipalAsync(ClaimsPrincipal presented, string authenticationType)
    {
        var username = presented.FindFirst(TokenClaims.Subject)?.Value;
        if (string.IsNullOrEmpty(username) || !int.TryParse(presented.FindFirst(StampClaim)?.Value, out var stamp))
            return null;
        var access = await CurrentAsync(username);
        return access is not null && access.SessionStamp == stamp
            ? PrincipalOf(access, authenticationType, SignedOnElsewhere(presented))
            : null;
    }

    public static bool SignedOnElsewhere(ClaimsPrincipal principal) => principal.HasClaim(SignedOnElsewhereClaim, "true");

    /// <summary>
    /// Whether the account's first (or reset) password, still to be changed, holds its grants back in this session: it
    /// does, unless the single sign-on provider proved who this is (no password of the account was used).
    /// </summary>
    public static bool MustChangePasswordFirst(AccountAccess access, bool signedOnElsewhere) => access.MustChangePassword && !signedOnElsewhere;

    /// <summary>Whether the principal is of an account (a session, or a token issued to an account), not a key holder's token.</summary>
    public static bool IsOfAnAccount(ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == StampClaim);

    /// <summary>The account's username, or null for a key holder's token (whose subject names no account).</summary>
    public static string? UsernameOf(ClaimsPrincipal principal) =>
        IsOfAnAccount(principal) ? principal.FindFirst(TokenClaims.Subject)?.Value : null;

    /// <summary>
    /// The username of the account with this e-mail, kept on this node as long as an account's access is (single sign-on
    /// asks at every request; a change of e-mail reaches it within <see cref="AuthSettings.AccountCheckEvery"/>).
    /// </summary>
    public async Task<string?> UsernameByEmailAsync(string email, AccountDirectory accounts, CancellationToken ct) =>
        await cache.GetOrCreateAsync(("account-by-email", email.Trim().ToLowerInvariant()), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = auth.Value.AccountCheckEvery;
            return (await accounts.FindByEmailAsync(email, ct))?.Username;
        });

    /// <summary>Why an account's token stopped working before it expired.</summary>
    public sealed class SessionEndedException(string message) : Microsoft.IdentityModel.Tokens.SecurityTokenException(message);

    /// <param name="signedOnElsewhere">Proven by the single sign-on provider: the account's own first password, which is
    /// never used then, does not hold its grants back.</param>
    public static ClaimsPrincipal PrincipalOf(AccountAccess access, string authenticationType, bool signedOnElsewhere = false)
    {
        List<Claim> claims =
        [
            new(TokenClaims.Subject, access.Username),
            new(TokenClaims.Name, access.FullName),
            new(StampClaim, access.SessionStamp.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
        if (signedOnElsewhere)
            claims.Add(new Claim(SignedOnElsewhereClaim, "true"));
        if (MustChangePasswordFirst(access, signedOnElsewhere))
            claims.Add(new Claim(MustChangePasswordClaim, "true"));
        else
            claims.AddRange(access.Grants.Select(g => new Claim(TokenClaims.Grant, g.ToClaim()))
                .Concat(access.Grants.Select(g => g.Role).Distinct().Select(r => new Claim(TokenClaims.Role, r.ClaimValue()))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, TokenClaims.Subject, TokenClaims.Role));
    }
}

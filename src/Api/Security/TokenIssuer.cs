using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TuyenGiao.Access;
using TuyenGiao.Committees;

namespace TuyenGiao.Api.Security;

/// <summary>
/// Mints tokens this Api accepts, signed with the configured key: for the tests and the benchmark, which sign in
/// as real users would. ops/token.sh mints the same tokens from the shell. A token's lifetime is real time, whatever
/// clock the domain runs on, so it reads the system clock.
/// </summary>
public sealed class TokenIssuer(IOptions<AuthSettings> options)
{
    /// <summary>
    /// A token for an account (a signed-in user's, or a service account's): it names the account and its session stamp,
    /// never its grants, which are read from the account at each use, so disabling the account or revoking a grant stops it.
    /// </summary>
    /// <param name="signedOnElsewhere">Issued to a session the single sign-on provider proved, and holds what it holds.</param>
    public (string Token, DateTimeOffset ExpiresAt) IssueForAccount(TuyenGiao.Accounts.AccountAccess access, bool signedOnElsewhere = false)
    {
        var claims = new Dictionary<string, object>
        {
            [TokenClaims.Subject] = access.Username,
            [TokenClaims.Name] = access.FullName,
            [AccountSessions.StampClaim] = access.SessionStamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (signedOnElsewhere)
            claims[AccountSessions.SignedOnElsewhereClaim] = "true";
        return Sign(claims, options.Value.AccountTokenLifetime);
    }

    /// <summary>A key holder's token: its claims say the role, trusted for as long as it lives.</summary>
    public string Issue(string subject, Role role, string? committeeCode = null, string? name = null, TimeSpan? lifetime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        if (role is Role.Officer or Role.Organiser && committeeCode is null)
            throw new ArgumentException($"an {role.ClaimValue()} acts for a committee: give its code", nameof(committeeCode));
        var claims = new Dictionary<string, object> { [TokenClaims.Subject] = subject, [TokenClaims.Role] = role.ClaimValue() };
        if (committeeCode is not null)
            claims[TokenClaims.Committee] = CommitteeCode.Normalize(committeeCode);
        if (name is not null)
            claims[TokenClaims.Name] = name;
        return Sign(claims, lifetime ?? options.Value.TokenLifetime).Token;
    }

    private (string Token, DateTimeOffset ExpiresAt) Sign(Dictionary<string, object> claims, TimeSpan lifetime)
    {
        var settings = options.Value;
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(settings.Key(), SecurityAlgorithms.HmacSha256),
        });
        return (token, new DateTimeOffset(now + lifetime, TimeSpan.Zero));
    }
}

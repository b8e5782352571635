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
    public (string Token, DateTimeOffset ExpiresAt) IssueForAccount(TuyenGiao.Accounts.AccountAccess access)
    {
        var settings = options.Value;
        var now = DateTime.UtcNow;
        var expires = now + settings.AccountTokenLifetime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            Claims = new Dictionary<string, object>
            {
                [TokenClaims.Subject] = access.Username,
                [TokenClaims.Name] = access.FullName,
                [AccountSessions.StampClaim] = access.SessionStamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            SigningCredentials = new SigningCredentials(settings.Key(), SecurityAlgorithms.HmacSha256),
        });
        return (token, new DateTimeOffset(expires, TimeSpan.Zero));
    }

    /// <summary>A key holder's token with several grants at once (ops/token.sh mints one grant per token).</summary>
    public string Issue(string subject, IReadOnlyList<Grant> grants, TimeSpan? lifetime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        var settings = options.Value;
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? settings.TokenLifetime),
            Claims = new Dictionary<string, object>
            {
                [TokenClaims.Subject] = subject,
                [TokenClaims.Grant] = grants.Select(g => g.ToClaim()).ToArray(),
                [TokenClaims.Role] = grants.Select(g => g.Role.ClaimValue()).Distinct().ToArray(),
            },
            SigningCredentials = new SigningCredentials(settings.Key(), SecurityAlgorithms.HmacSha256),
        });
    }

    public string Issue(string subject, Role role, string? committeeCode = null, string? name = null, TimeSpan? lifetime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        if (role is Role.Officer or Role.Organiser && committeeCode is null)
            throw new ArgumentException($"an {role.ClaimValue()} acts for a committee: give its code", nameof(committeeCode));
        var settings = options.Value;
        var now = DateTime.UtcNow;
        var claims = new Dictionary<string, object> { [TokenClaims.Subject] = subject, [TokenClaims.Role] = role.ClaimValue() };
        if (committeeCode is not null)
            claims[TokenClaims.Committee] = CommitteeCode.Normalize(committeeCode);
        if (name is not null)
            claims[TokenClaims.Name] = name;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? settings.TokenLifetime),
            Claims = claims,
            SigningCredentials = new SigningCredentials(settings.Key(), SecurityAlgorithms.HmacSha256),
        });
    }
}

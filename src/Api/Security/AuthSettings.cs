using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace TuyenGiao.Api.Security;

/// <summary>
/// The "Auth" section: who issues the bearer tokens this Api accepts, for which audience, and the HMAC key that
/// signs them. The key is a secret and has no default: ops/run.sh keeps one in .secrets/ for local use.
/// </summary>
public sealed class AuthSettings
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "tuyengiao";

    public string Audience { get; set; } = "tuyengiao-api";

    /// <summary>Base64 of at least 32 random bytes (HS256).</summary>
    public string? SigningKey { get; set; }

    /// <summary>How long a token minted by this system lives.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a bearer token issued to an account (a signed-in user, or a service account by an admin) lives.</summary>
    public TimeSpan AccountTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a session cookie lives without use (each use slides it on).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How long a node trusts what it last read of an account (enabled, grants, session stamp): a disabled account, a
    /// revoked grant or a changed password ends its sessions and tokens on every node within this time.
    /// </summary>
    public TimeSpan AccountCheckEvery { get; set; } = TimeSpan.FromSeconds(30);

    public SymmetricSecurityKey Key() => new(Convert.FromBase64String(SigningKey!));

    /// <summary>Fails the start with a sentence that says what to set, instead of a 401 on every request later.</summary>
    public sealed class Validation : IValidateOptions<AuthSettings>
    {
        public ValidateOptionsResult Validate(string? name, AuthSettings options)
        {
            if (string.IsNullOrWhiteSpace(options.SigningKey))
                return ValidateOptionsResult.Fail(
                    "Auth:SigningKey is not set. Set it (or the environment variable Auth__SigningKey) to base64 of at least 32 random bytes, " +
                    "for example `openssl rand -base64 32`; ops/run.sh creates one in .secrets/jwt-signing-key.");
            Span<byte> bytes = stackalloc byte[512];
            if (!Convert.TryFromBase64String(options.SigningKey, bytes, out var length))
                return ValidateOptionsResult.Fail("Auth:SigningKey is not valid base64 (or is longer than 512 bytes).");
            if (length < 32)
                return ValidateOptionsResult.Fail($"Auth:SigningKey must be at least 32 bytes; it is {length}.");
            if (options.AccountCheckEvery <= TimeSpan.Zero || options.AccountCheckEvery > TimeSpan.FromMinutes(1))
                return ValidateOptionsResult.Fail("Auth:AccountCheckEvery must be more than 0 and at most a minute (a disabled account must stop working within a minute).");
            if (string.IsNullOrWhiteSpace(options.Issuer) || string.IsNullOrWhiteSpace(options.Audience))
                return ValidateOptionsResult.Fail("Auth:Issuer and Auth:Audience must not be empty.");
            return ValidateOptionsResult.Success;
        }
    }
}

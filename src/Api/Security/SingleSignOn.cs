using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TuyenGiao.Accounts;

namespace TuyenGiao.Api.Security;

/// <summary>
/// Tokens from the province's OpenID Connect provider (Keycloak or any other): the authority's signing keys come from
/// its discovery document, RS256 only, for the configured audience. A token is mapped to an account, by the provider's
/// subject when it is an account's username, else by its verified e-mail; the request then holds that account's grants
/// as they stand, like a session. A provider's user with no enabled account is refused: signing on proves who someone is,
/// the grants say what they may do.
/// </summary>
public static class SingleSignOn
{
    public const string Scheme = "single-sign-on";

    /// <summary>The "Auth:Oidc" section; single sign-on is off while Authority is empty.</summary>
    public sealed class Settings
    {
        public const string Section = "Auth:Oidc";

        /// <summary>The provider's issuer URL, for example https://sso.travinh.gov.vn/realms/tuyengiao.</summary>
        public string? Authority { get; set; }

        /// <summary>The audience the provider's tokens must be for (the client id given to TuyenGiao).</summary>
        public string Audience { get; set; } = "tuyengiao";

        /// <summary>Off only for a provider on a developer's machine or inside the tests.</summary>
        public bool RequireHttpsMetadata { get; set; } = true;

        public bool IsOn => !string.IsNullOrWhiteSpace(Authority);
    }

    public static void Add(Microsoft.AspNetCore.Authentication.AuthenticationBuilder authentication, Settings settings)
    {
        if (!settings.IsOn)
            return;
        authentication.AddJwtBearer(Scheme, o =>
        {
            o.Authority = settings.Authority;
            o.Audience = settings.Audience;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.MapInboundClaims = false;
            o.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
            o.TokenValidationParameters.NameClaimType = TokenClaims.Subject;
            o.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
            o.Events = new JwtBearerEvents { OnTokenValidated = MapToAccountAsync };
        });
    }

    /// <summary>Whether the request's bearer token is the provider's (by its issuer, read before any validation).</summary>
    public static bool IsProviderToken(HttpContext http, Settings settings)
    {
        if (!settings.IsOn)
            return false;
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return false;
        var handler = new JsonWebTokenHandler();
        var token = header["Bearer ".Length..].Trim();
        return handler.CanReadToken(token) &&
               string.Equals(handler.ReadJsonWebToken(token).Issuer.TrimEnd('/'), settings.Authority!.TrimEnd('/'), StringComparison.Ordinal);
    }

    private static async Task MapToAccountAsync(TokenValidatedContext context)
    {
        var presented = context.Principal!;
        var services = context.HttpContext.RequestServices;
        var sessions = services.GetRequiredService<AccountSessions>();
        var subject = presented.FindFirst(TokenClaims.Subject)?.Value;
        var email = presented.FindFirst("email")?.Value;
        var verified = !string.Equals(presented.FindFirst("email_verified")?.Value, "false", StringComparison.OrdinalIgnoreCase);
        var access = Usernames.TryNormalize(subject) is { } username ? await sessions.CurrentAsync(username) : null;
        if (access is null && email is not null && verified &&
            await sessions.UsernameByEmailAsync(email, services.GetRequiredService<AccountDirectory>(), context.HttpContext.RequestAborted) is { } byEmail)
            access = await sessions.CurrentAsync(byEmail);
        if (access is null)
            context.Fail(new AccountSessions.SessionEndedException(
                "no enabled account has this sign-on's subject as its username or its verified e-mail: an admin creates one"));
        else
            context.Principal = AccountSessions.PrincipalOf(access, Scheme, signedOnElsewhere: true);
    }
}

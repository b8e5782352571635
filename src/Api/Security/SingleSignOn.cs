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

        /// <summary>
        /// The client id under which the web UI signs in through the provider (authorisation code with PKCE); the
        /// audience when not set. Register the redirect URI https://&lt;site&gt;/api/session/single-sign-on/callback for it.
        /// </summary>
        public string? ClientId { get; set; }

        /// <summary>Only for a provider that treats the web UI as a confidential client; PKCE alone serves a public one.</summary>
        public string? ClientSecret { get; set; }

        /// <summary>What the login page's button names the provider, for example "Hệ thống đăng nhập một lần của tỉnh".</summary>
        public string? DisplayName { get; set; }

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

    public const string NoAccount = "no enabled account has this sign-on's subject as its username or its verified e-mail: an admin creates one";

    private static async Task MapToAccountAsync(TokenValidatedContext context)
    {
        if (await AccountOfAsync(context.Principal!, context.HttpContext) is { } access)
            context.Principal = AccountSessions.PrincipalOf(access, Scheme, signedOnElsewhere: true);
        else
            context.Fail(new AccountSessions.SessionEndedException(NoAccount));
    }

    /// <summary>
    /// The enabled account the provider's user is: the one whose username is the provider's subject, else the one with
    /// the provider's e-mail when the provider says it verified it; null when there is none.
    /// </summary>
    public static async Task<AccountAccess?> AccountOfAsync(System.Security.Claims.ClaimsPrincipal presented, HttpContext http)
    {
        var services = http.RequestServices;
        var sessions = services.GetRequiredService<AccountSessions>();
        var email = presented.FindFirst("email")?.Value;
        var verified = !string.Equals(presented.FindFirst("email_verified")?.Value, "false", StringComparison.OrdinalIgnoreCase);
        if (Usernames.TryNormalize(presented.FindFirst(TokenClaims.Subject)?.Value) is { } username && await sessions.CurrentAsync(username) is { } bySubject)
            return bySubject;
        return email is not null && verified &&
               await sessions.UsernameByEmailAsync(email, services.GetRequiredService<AccountDirectory>(), http.RequestAborted) is { } byEmail
            ? await sessions.CurrentAsync(byEmail)
            : null;
    }
}

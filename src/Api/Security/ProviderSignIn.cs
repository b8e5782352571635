using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using TuyenGiao.Accounts;
using TuyenGiao.Common;

namespace TuyenGiao.Api.Security;

/// <summary>
/// The web UI's sign-in through the province's single sign-on provider: OpenID Connect's authorisation code flow with
/// PKCE (S256), the answer read from the query (no cross-site form post, so no SameSite=None cookie is needed). The
/// provider proves who the person is; the account they map to (<see cref="SingleSignOn.AccountOfAsync"/>) says what they
/// may do. The sign-in is recorded in the account's log and becomes the same session cookie a password gives, marked as
/// proven elsewhere. Any failure, a person without an account included, lands on the login page with a reason, never on
/// an error page. The state and nonce are protected by the shared key ring, so the provider may answer to any node.
/// </summary>
public static class ProviderSignIn
{
    public const string Scheme = "single-sign-on-web";

    public const string CallbackPath = "/api/session/single-sign-on/callback";

    /// <summary>Where the login page is; a reason (<see cref="Refusal"/>) is added to its query when signing on failed.</summary>
    public const string SignInPage = WebUi.WebUiSetup.Path + "/#/dang-nhap";

    /// <summary>Why signing on through the provider did not sign anyone in, as the login page's query names it.</summary>
    public static class Refusal
    {
        public const string NoAccount = "no-account";
        public const string Failed = "failed";
    }

    public static void Add(AuthenticationBuilder authentication, SingleSignOn.Settings settings)
    {
        if (!settings.IsOn)
            return;
        authentication.AddOpenIdConnect(Scheme, o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = settings.ClientId ?? settings.Audience;
            o.ClientSecret = string.IsNullOrWhiteSpace(settings.ClientSecret) ? null : settings.ClientSecret;
            o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.CallbackPath = CallbackPath;
            o.SignInScheme = SecuritySetup.Session;
            o.Scope.Clear();
            o.Scope.Add("openid");
            o.Scope.Add("profile");
            o.Scope.Add("email");
            o.MapInboundClaims = false;
            // The provider's tokens are not kept: the session is the account's, and the cookie stays small.
            o.SaveTokens = false;
            o.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
            o.TokenValidationParameters.NameClaimType = TokenClaims.Subject;
            // The provider's answer is a top-level GET from its site: Lax cookies come with it, and Secure follows the request
            // (a site reached at localhost over HTTP, as in the tests, keeps them; any other is on HTTPS).
            foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
            o.Events = new OpenIdConnectEvents
            {
                OnTokenValidated = SignOnAsync,
                OnRemoteFailure = context =>
                {
                    var reason = context.Failure is NoAccountException ? Refusal.NoAccount : Refusal.Failed;
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProviderSignIn))
                        .LogWarning(context.Failure, "Signing on through the provider failed ({Reason})", reason);
                    context.Response.Redirect($"{context.Request.PathBase}{SignInPage}?sso={reason}");
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
            };
        });
    }

    /// <summary>
    /// The challenge that sends the browser to the provider; it comes back to the login page, which goes on to
    /// <paramref name="next"/> (a page of the web UI) or the user's landing page.
    /// </summary>
    public static AuthenticationProperties Challenge(string? next) => new()
    {
        RedirectUri = next is null ? SignInPage : $"{SignInPage}?next={Uri.EscapeDataString(next)}",
    };

    /// <summary>Null when <paramref name="next"/> is a page of the web UI (or absent); else why it is not.</summary>
    public static string? CheckNext(string? next) =>
        next is null || (next.StartsWith("#/", StringComparison.Ordinal) && next.Length <= 500) ? null : "must be a page of the web UI, starting with #/";

    private static async Task SignOnAsync(TokenValidatedContext context)
    {
        var http = context.HttpContext;
        var presented = context.Principal!;
        if (await SingleSignOn.AccountOfAsync(presented, http) is not { } account)
        {
            context.Fail(new NoAccountException());
            return;
        }
        var provider = presented.FindFirst("iss")?.Value ?? context.Options.Authority!;
        var subject = presented.FindFirst(TokenClaims.Subject)?.Value ?? "";
        var result = await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IAccountGrain>(account.Username)
            .SignOnThroughProvider(provider, subject, new CommandContext(account.Username, Http.Correlation.CommandContext(http).CorrelationId));
        if (result is not { Outcome: SignInOutcome.SignedIn, Access: { } access })
        {
            context.Fail(new NoAccountException());
            return;
        }
        http.RequestServices.GetRequiredService<AccountSessions>().Forget(access.Username);
        context.Principal = AccountSessions.PrincipalOf(access, SecuritySetup.Session, signedOnElsewhere: true);
    }

    private sealed class NoAccountException() : Exception(SingleSignOn.NoAccount);
}

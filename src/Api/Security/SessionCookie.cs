using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace TuyenGiao.Api.Security;

/// <summary>
/// The session of a user signed in on the login page: an HttpOnly, SameSite=Strict cookie, Secure unless the site is
/// reached at localhost over plain HTTP, sliding over <see cref="AuthSettings.SessionLifetime"/>. It names the account and
/// its session stamp only; every request reads the account as it stands (<see cref="AccountSessions"/>), and a session
/// whose account was disabled, or whose grant was revoked or password changed, ends there.
/// </summary>
public static class SessionCookie
{
    public const string Name = "tuyengiao.session";

    public static void Configure(CookieAuthenticationOptions o, AuthSettings settings)
    {
        o.Cookie.Name = Name;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = settings.SessionLifetime;
        o.SlidingExpiration = true;
        o.Events = new CookieAuthenticationEvents
        {
            // An API answers 401 and 403 with a ProblemDetails (AuthorizationProblems); the web UI shows its sign-in page itself.
            OnRedirectToLogin = context => Status(context, StatusCodes.Status401Unauthorized),
            OnRedirectToAccessDenied = context => Status(context, StatusCodes.Status403Forbidden),
            OnSigningIn = context =>
            {
                context.CookieOptions.Secure |= !IsLocal(context.HttpContext.Request);
                return Task.CompletedTask;
            },
            OnValidatePrincipal = async context =>
            {
                var current = context.Principal is { } principal
                    ? await context.HttpContext.RequestServices.GetRequiredService<AccountSessions>().CurrentPrincipalAsync(principal, SecuritySetup.Session)
                    : null;
                if (current is null)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(SecuritySetup.Session);
                }
                else
                {
                    context.ReplacePrincipal(current);
                }
            },
        };
    }

    /// <summary>The site is reached at localhost (a developer's machine, the tests), where browsers keep cookies over HTTP.</summary>
    private static bool IsLocal(HttpRequest request) =>
        request.Host.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
        IPAddress.TryParse(request.Host.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}

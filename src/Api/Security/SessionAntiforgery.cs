using Microsoft.AspNetCore.Antiforgery;
using TuyenGiao.Api.Http;

namespace TuyenGiao.Api.Security;

/// <summary>
/// A browser sends the session cookie with any request, a forged one from another site included (SameSite=Strict
/// stops most, not all: a sibling subdomain is the same site). So every request that changes something on the strength
/// of the session cookie, and every sign-in, carries the antiforgery token the page read from GET /api/session/antiforgery
/// in the <see cref="HeaderName"/> header. A request with a bearer token needs none: no browser attaches one by itself.
/// </summary>
public static class SessionAntiforgery
{
    public const string HeaderName = "X-CSRF-TOKEN";
    public const string CookieName = "tuyengiao.antiforgery";

    public static void AddSessionAntiforgery(this IServiceCollection services) =>
        services.AddAntiforgery(o =>
        {
            o.HeaderName = HeaderName;
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

    public static void UseSessionAntiforgery(this WebApplication app) => app.Use(async (http, next) =>
    {
        if (NeedsToken(http))
        {
            try
            {
                await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                await Problems.WriteAsync(http, StatusCodes.Status400BadRequest, HeaderName,
                    $"this request changes something on the strength of the session cookie and needs the antiforgery token: read it from " +
                    $"GET /api/session/antiforgery and send it in the {HeaderName} header");
                return;
            }
        }
        await next(http);
    });

    private static bool NeedsToken(HttpContext http)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) ||
            HttpMethods.IsTrace(request.Method) || !string.IsNullOrEmpty(request.Headers.Authorization))
            return false;
        var bySession = http.User.Identity is { IsAuthenticated: true, AuthenticationType: SecuritySetup.Session };
        return bySession || request.Path.StartsWithSegments("/api/session");
    }
}

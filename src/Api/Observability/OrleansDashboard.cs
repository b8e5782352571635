using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using TuyenGiao.Access;
using TuyenGiao.Api.Security;

namespace TuyenGiao.Api.Observability;

/// <summary>
/// Orleans' dashboard at /dashboard, for admins. Its pages fetch their data without an Authorization header, so a
/// browser signs in once at /dashboard/sign-in with an admin token, which is then kept in an HttpOnly cookie that
/// only /dashboard sends and only the bearer handler reads. Scripts and curl may send the bearer header instead.
/// </summary>
public static class OrleansDashboard
{
    public const string Path = "/dashboard";
    public const string SignInPath = Path + "/sign-in";
    private const string CookieName = "tuyengiao_dashboard";

    /// <summary>For <see cref="JwtBearerEvents.OnMessageReceived"/>: the cookie stands in for the header under /dashboard.</summary>
    /// <summary>Whether the request is the dashboard's, with the token cookie its sign-in page sets.</summary>
    public static bool HasTokenCookie(HttpContext http) =>
        http.Request.Path.StartsWithSegments(Path) && !string.IsNullOrEmpty(http.Request.Cookies[CookieName]);

    public static Task TokenFromCookie(MessageReceivedContext context)
    {
        var request = context.HttpContext.Request;
        if (string.IsNullOrEmpty(request.Headers.Authorization) && request.Path.StartsWithSegments(Path)
            && request.Cookies.TryGetValue(CookieName, out var token) && !string.IsNullOrEmpty(token))
            context.Token = token;
        return Task.CompletedTask;
    }

    /// <summary>A browser that is not signed in is sent to the sign-in page rather than shown a 401 body.</summary>
    public static bool WantsSignInPage(HttpContext http) =>
        http.Request.Path.StartsWithSegments(Path) && HttpMethods.IsGet(http.Request.Method)
        && http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    public static void MapTuyenGiaoDashboard(this IEndpointRouteBuilder app)
    {
        app.MapOrleansDashboard(Path).RequireAuthorization(Policies.Admins).ExcludeFromDescription();

        app.MapGet(SignInPath, (HttpContext http) => SignInPage(http, error: null, StatusCodes.Status200OK))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapPost(SignInPath, SignIn).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        app.MapPost(Path + "/sign-out", (HttpContext http) =>
        {
            http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = Path });
            return Results.Redirect(SignInPath, preserveMethod: false);
        }).AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
    }

    private static async Task<IResult> SignIn(HttpContext http, IOptionsMonitor<JwtBearerOptions> bearer)
    {
        if (!http.Request.HasFormContentType)
            return SignInPage(http, "send the form: token=<an admin token>", StatusCodes.Status415UnsupportedMediaType);
        var token = (await http.Request.ReadFormAsync()).TryGetValue("token", out var value) ? value.ToString().Trim() : "";
        if (token.Length == 0)
            return SignInPage(http, "paste a token (ops/token.sh admin prints one)", StatusCodes.Status400BadRequest);

        // The same handler and parameters as every API call, so the cookie holds only what a header would be accepted with.
        var options = bearer.Get(JwtBearerDefaults.AuthenticationScheme);
        var result = await options.TokenHandlers[0].ValidateTokenAsync(token, options.TokenValidationParameters);
        if (!result.IsValid)
            return SignInPage(http, "this token is not valid here (expired, or signed with another key)", StatusCodes.Status401Unauthorized);
        if (result.ClaimsIdentity.FindFirst(TokenClaims.Role)?.Value != Role.Admin.ClaimValue())
            return SignInPage(http, "the dashboard is for admins; this token's role is not admin", StatusCodes.Status403Forbidden);

        http.Response.Cookies.Append(CookieName, token, new CookieOptions
        {
            Path = Path,
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Expires = result.SecurityToken.ValidTo,
        });
        return Results.Redirect(Path + "/", preserveMethod: false);
    }

    private static IResult SignInPage(HttpContext http, string? error, int status)
    {
        var message = error is null ? "" : $"<p role=\"alert\" style=\"color:#b00\">{HtmlEncoder.Default.Encode(error)}</p>";
        var html = $"""
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>TuyenGiao: Orleans dashboard</title></head>
            <body style="font-family:sans-serif;max-width:40em;margin:3em auto">
            <h1>Orleans dashboard</h1>
            <p>For admins. Paste an admin token (<code>ops/token.sh admin</code>); it is kept in a cookie for this page only until it expires.</p>
            {message}
            <form method="post" action="{SignInPath}">
              <label>Token <input name="token" type="password" autocomplete="off" required style="width:100%"></label>
              <p><button type="submit">Sign in</button></p>
            </form>
            </body></html>
            """;
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}

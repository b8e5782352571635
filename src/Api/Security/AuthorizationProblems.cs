using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.IdentityModel.Tokens;
using TuyenGiao.Api.Http;
using TuyenGiao.Api.Observability;

namespace TuyenGiao.Api.Security;

/// <summary>
/// A refused request gets the same ProblemDetails as any other: 401 says what is wrong with the token (missing,
/// expired, badly signed), 403 says which roles the endpoint is for.
/// </summary>
public sealed class AuthorizationProblems : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext http, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        if (result.Challenged)
        {
            // The handler caches its result for the request: this reads why the token failed, it does not validate again.
            var failure = (await http.AuthenticateAsync()).Failure;
            if (OrleansDashboard.WantsSignInPage(http))
            {
                http.Response.Redirect(OrleansDashboard.SignInPath);
                return;
            }
            // The bearer scheme's challenge (WWW-Authenticate: Bearer, with the token's error) whichever scheme was tried: a
            // program learns what to send; the web UI reads the 401 and shows its sign-in page.
            await http.ChallengeAsync(JwtBearerDefaults.AuthenticationScheme);
            await Problems.WriteAsync(http, StatusCodes.Status401Unauthorized, "Authorization", WhyUnauthenticated(http, failure));
            return;
        }
        if (result.Forbidden)
        {
            await http.ForbidAsync();
            var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToList();
            var reason = roles.Count == 0
                ? "your token does not allow this"
                : $"this is for {string.Join(", ", roles)}; your roles: {RolesOf(http)}";
            await Problems.WriteAsync(http, StatusCodes.Status403Forbidden, "role", reason);
            return;
        }
        await _default.HandleAsync(next, http, policy, result);
    }

    private static string RolesOf(HttpContext http) =>
        http.User.FindAll(TokenClaims.Role).Select(c => c.Value).Distinct().ToList() is { Count: > 0 } held
            ? string.Join(", ", held)
            : http.User.HasClaim(c => c.Type == AccountSessions.MustChangePasswordClaim) ? "none until the first password is changed" : "none";

    private static string WhyUnauthenticated(HttpContext http, Exception? failure) =>
        failure switch
        {
            null when string.IsNullOrEmpty(http.Request.Headers.Authorization) =>
                "a bearer token is required: send 'Authorization: Bearer <token>' (ops/token.sh mints one), or sign in for a session (POST /api/session)",
            AccountSessions.SessionEndedException ended => ended.Message,
            null => "the Authorization header must be 'Bearer <token>'",
            SecurityTokenExpiredException => "the token has expired",
            SecurityTokenNotYetValidException => "the token is not valid yet",
            SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "the token's signature does not match this system's key",
            SecurityTokenInvalidIssuerException => "the token was issued by someone else",
            SecurityTokenInvalidAudienceException => "the token is for another audience",
            _ => "the token is not valid",
        };
}

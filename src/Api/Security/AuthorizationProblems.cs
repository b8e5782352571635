using Microsoft.AspNetCore.Authentication;
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
            await http.ChallengeAsync();
            await Problems.WriteAsync(http, StatusCodes.Status401Unauthorized, "Authorization", WhyUnauthenticated(http, failure));
            return;
        }
        if (result.Forbidden)
        {
            await http.ForbidAsync();
            var roles = policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToList();
            var reason = roles.Count == 0
                ? "your token does not allow this"
                : $"this is for {string.Join(", ", roles)}; your token's role is '{http.User.FindFirst(TokenClaims.Role)?.Value ?? "none"}'";
            await Problems.WriteAsync(http, StatusCodes.Status403Forbidden, "role", reason);
            return;
        }
        await _default.HandleAsync(next, http, policy, result);
    }

    private static string WhyUnauthenticated(HttpContext http, Exception? failure) =>
        failure switch
        {
            null when string.IsNullOrEmpty(http.Request.Headers.Authorization) => "a bearer token is required: send 'Authorization: Bearer <token>' (ops/token.sh mints one)",
            null => "the Authorization header must be 'Bearer <token>'",
            SecurityTokenExpiredException => "the token has expired",
            SecurityTokenNotYetValidException => "the token is not valid yet",
            SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "the token's signature does not match this system's key",
            SecurityTokenInvalidIssuerException => "the token was issued by someone else",
            SecurityTokenInvalidAudienceException => "the token is for another audience",
            _ => "the token is not valid",
        };
}

using System.Security.Claims;
using TuyenGiao.Access;

namespace TuyenGiao.Api.Security;

/// <summary>The caller of a request, from its validated token; anonymous when it has none.</summary>
public static class Callers
{
    public static string ClaimValue(this Role role) => role.ToString().ToLowerInvariant();

    public static Role? ParseRole(string? value) =>
        Enum.TryParse<Role>(value, ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(value, out _) ? role : null;

    public static Caller Caller(this HttpContext http) => From(http.User);

    public static Caller From(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true })
            return Access.Caller.Anonymous;
        var id = user.FindFirst(TokenClaims.Subject)?.Value;
        if (string.IsNullOrWhiteSpace(id))
            return Access.Caller.Anonymous;
        return new Caller(id, ParseRole(user.FindFirst(TokenClaims.Role)?.Value), user.FindFirst(TokenClaims.Committee)?.Value);
    }
}

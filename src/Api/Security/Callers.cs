using System.Security.Claims;
using TuyenGiao.Access;

namespace TuyenGiao.Api.Security;

/// <summary>
/// The caller of a request, from its validated token or session cookie; anonymous when it has none. Its grants are its
/// <c>grant</c> claims (an account's), or, for a key holder's token (ops/token.sh) that has none, every <c>role</c> claim
/// (the <c>committee</c> claim scoping the officer's or organiser's among them): all of them, never only the first.
/// </summary>
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
        // An account's principal names its grants; its role claims only serve the endpoint policies, and reading them as
        // grants too would widen a judge of one contest into a judge of any.
        var committee = user.FindFirst(TokenClaims.Committee)?.Value;
        var grants = (user.HasClaim(c => c.Type == TokenClaims.Grant)
                ? user.FindAll(TokenClaims.Grant).Select(c => Grant.FromClaim(c.Value)).OfType<Grant>()
                : user.FindAll(TokenClaims.Role).Select(c => ParseRole(c.Value) is { } role
                    ? new Grant(role, Grant.ActsForACommittee(role) ? committee : null)
                    : null).OfType<Grant>())
            // An officer's role without its committee acts for none: it is kept out rather than read as everywhere.
            .Where(g => !Grant.ActsForACommittee(g.Role) || g.CommitteeCode is not null)
            .Distinct()
            .ToList();
        return new Caller(id, grants);
    }
}

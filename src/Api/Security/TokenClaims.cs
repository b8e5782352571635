namespace TuyenGiao.Api.Security;

/// <summary>
/// The claims of a TuyenGiao token, read as they are written (no mapping to .NET's long claim type names):
/// sub is the user (and a judge's id on the panel), role one of <see cref="TuyenGiao.Access.Role"/> in lower case,
/// committee the committee an officer or organiser acts for.
/// </summary>
public static class TokenClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Committee = "committee";
    public const string Name = "name";

    /// <summary>One grant per claim (<see cref="TuyenGiao.Access.Grant.ToClaim"/>), as the account holds them.</summary>
    public const string Grant = "grant";
}

namespace TuyenGiao.Access;

/// <summary>
/// Who is asking: the token's subject, role and committee (officers and organisers act for one). Anonymous
/// callers are represented by <see cref="Anonymous"/>, with no role.
/// </summary>
public sealed record Caller(string Id, Role? Role, string? CommitteeCode)
{
    public static readonly Caller Anonymous = new("anonymous", null, null);

    public bool Is(Role role) => Role == role;

    public bool IsSignedIn => Role is not null;
}

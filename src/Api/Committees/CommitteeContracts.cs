using System.ComponentModel.DataAnnotations;
using TuyenGiao.Committees;

namespace TuyenGiao.Api.Committees;

// The JSON shapes of the committee endpoints. Request fields are nullable so that a missing field is
// reported by name instead of silently becoming 0 or null.

public sealed record RegisterCommitteeRequest([property: Required] string? Code, [property: Required] string? Name, [property: Required] CommitteeLevel? Level, string? ParentCode, [property: Required] int? MemberCount, DateOnly? EstablishedOn = null);

public sealed record RenameCommitteeRequest([property: Required] string? Name);

public sealed record ChangeMemberCountRequest([property: Required] int? MemberCount);

public sealed record MoveCommitteeRequest([property: Required] string? ParentCode);

public sealed record CommitteeResponse(string Code, string Name, CommitteeLevel Level, string? ParentCode, int MemberCount, long Version)
{
    public static CommitteeResponse From(Committee c) => new(c.Code, c.Name, c.Level, c.ParentCode, c.MemberCount, c.Version);
}

public sealed record CommitteeNodeResponse(string Code, string Name, CommitteeLevel Level, string? ParentCode, int MemberCount, int Depth);

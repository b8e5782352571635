using TuyenGiao.Committees;

namespace TuyenGiao.Api.Committees;

// The JSON shapes of the committee endpoints. Request fields are nullable so that a missing field is
// reported by name instead of silently becoming 0 or null.

public sealed record RegisterCommitteeRequest(string? Code, string? Name, CommitteeLevel? Level, string? ParentCode, int? MemberCount, DateOnly? EstablishedOn = null);

public sealed record RenameCommitteeRequest(string? Name);

public sealed record ChangeMemberCountRequest(int? MemberCount);

public sealed record MoveCommitteeRequest(string? ParentCode);

public sealed record CommitteeResponse(string Code, string Name, CommitteeLevel Level, string? ParentCode, int MemberCount, long Version)
{
    public static CommitteeResponse From(Committee c) => new(c.Code, c.Name, c.Level, c.ParentCode, c.MemberCount, c.Version);
}

public sealed record CommitteeNodeResponse(string Code, string Name, CommitteeLevel Level, string? ParentCode, int MemberCount, int Depth);

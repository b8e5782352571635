namespace TuyenGiao.Committees;

// Commands sent to a committee grain; the committee's code is the grain's key.

[GenerateSerializer, Immutable]
public sealed record RegisterCommittee(
    [property: Id(0)] string Name,
    [property: Id(1)] CommitteeLevel Level,
    [property: Id(2)] string? ParentCode,
    [property: Id(3)] int MemberCount,
    [property: Id(4)] DateOnly? EstablishedOn = null);

[GenerateSerializer, Immutable]
public sealed record RenameCommittee([property: Id(0)] string Name);

[GenerateSerializer, Immutable]
public sealed record ChangeMemberCount([property: Id(0)] int MemberCount);

[GenerateSerializer, Immutable]
public sealed record MoveCommittee([property: Id(0)] string ParentCode);

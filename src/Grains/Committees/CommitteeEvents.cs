namespace TuyenGiao.Committees;

// The facts of a committee's life. Immutable; a change is a new event, never an edit.

public sealed record CommitteeRegistered(string Code, string Name, CommitteeLevel Level, string? ParentCode, int MemberCount);

public sealed record CommitteeRenamed(string Code, string Name);

public sealed record CommitteeMemberCountChanged(string Code, int MemberCount);

public sealed record CommitteeMoved(string Code, string? FromParentCode, string ToParentCode);

namespace TuyenGiao.Committees;

// The facts of a committee's life. Immutable; a change is a new event, never an edit.

/// <param name="EstablishedOn">
/// The day a committee set up by a reorganisation (the one several are merged into) begins; null for a committee that
/// stood before the system kept dates, which counts as standing from the beginning.
/// </param>
public sealed record CommitteeRegistered(string Code, string Name, CommitteeLevel Level, string? ParentCode, int MemberCount, DateOnly? EstablishedOn = null);

public sealed record CommitteeRenamed(string Code, string Name);

public sealed record CommitteeMemberCountChanged(string Code, int MemberCount);

public sealed record CommitteeMoved(string Code, string? FromParentCode, string ToParentCode);

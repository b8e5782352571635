namespace TuyenGiao.Committees.Organisation;

// Reorganisations of the hierarchy. Each takes effect on a day (which may lie ahead: a change can be decided before
// it applies), cites the decision that made it, and is recorded on the committee it changes. Immutable, like every
// event: a reorganisation decided in error is undone by another, never edited.

/// <summary>From <paramref name="EffectiveOn"/> the committee sits under <paramref name="ToParentCode"/>.</summary>
public sealed record CommitteeReparented(string Code, string? FromParentCode, string ToParentCode, DateOnly EffectiveOn, string LegalReference);

/// <summary>From <paramref name="EffectiveOn"/> the committee bears a new name (its code, and so its history, stays).</summary>
public sealed record CommitteeRenamedOn(string Code, string Name, DateOnly EffectiveOn, string LegalReference);

/// <summary>
/// From <paramref name="EffectiveOn"/> the committee is part of <paramref name="SuccessorCode"/>: it ceases, and its
/// records and its children count under the successor in today's view.
/// </summary>
public sealed record CommitteeMerged(string Code, string SuccessorCode, DateOnly EffectiveOn, string LegalReference);

/// <summary>From <paramref name="EffectiveOn"/> the committee no longer exists; <paramref name="SuccessorCode"/> takes over its children and records.</summary>
public sealed record CommitteeDissolved(string Code, string SuccessorCode, DateOnly EffectiveOn, string LegalReference);

namespace TuyenGiao.Committees.Organisation;

// Reorganisations, each sent to the committee it changes: from which day, and by which decision.

[GenerateSerializer, Immutable]
public sealed record ReparentCommittee([property: Id(0)] string ParentCode, [property: Id(1)] DateOnly EffectiveOn, [property: Id(2)] string LegalReference);

[GenerateSerializer, Immutable]
public sealed record RenameCommitteeOn([property: Id(0)] string Name, [property: Id(1)] DateOnly EffectiveOn, [property: Id(2)] string LegalReference);

[GenerateSerializer, Immutable]
public sealed record MergeCommittee([property: Id(0)] string SuccessorCode, [property: Id(1)] DateOnly EffectiveOn, [property: Id(2)] string LegalReference);

[GenerateSerializer, Immutable]
public sealed record DissolveCommittee([property: Id(0)] string SuccessorCode, [property: Id(1)] DateOnly EffectiveOn, [property: Id(2)] string LegalReference);

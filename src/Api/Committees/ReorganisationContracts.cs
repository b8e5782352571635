using System.ComponentModel.DataAnnotations;
using TuyenGiao.Committees;
using TuyenGiao.Committees.Organisation;

namespace TuyenGiao.Api.Committees;

// The JSON shapes of dated reorganisations. Every change names its effective day (which may lie ahead) and the
// decision that made it (its number, free text).

public sealed record ReparentCommitteeRequest([property: Required] string? ParentCode, [property: Required] DateOnly? EffectiveOn, [property: Required] string? LegalReference);

public sealed record RenameCommitteeOnRequest([property: Required] string? Name, [property: Required] DateOnly? EffectiveOn, [property: Required] string? LegalReference);

public sealed record DissolveCommitteeRequest([property: Required] string? SuccessorCode, [property: Required] DateOnly? EffectiveOn, [property: Required] string? LegalReference);

/// <summary>Several committees merged into one (an existing committee, or one registered with its establishedOn).</summary>
public sealed record MergeCommitteesRequest(IReadOnlyList<string>? CommitteeCodes, [property: Required] string? SuccessorCode, [property: Required] DateOnly? EffectiveOn, [property: Required] string? LegalReference);

public sealed record MergeCommitteesResponse(IReadOnlyList<string> Merged, string SuccessorCode, DateOnly EffectiveOn);

/// <summary>
/// A committee through time. A <c>from</c> of null means "from the beginning": as the committee stood when it was
/// registered, before the system kept dates.
/// </summary>
public sealed record CommitteeHistoryResponse(
    string Code, CommitteeLevel Level, DateOnly? EstablishedOn, IReadOnlyList<DatedParent> Parents, IReadOnlyList<DatedName> Names, CeasedResponse? Ceased)
{
    public static CommitteeHistoryResponse From(CommitteeTimeline t) => new(t.Code, t.Level, t.EstablishedOn,
        t.Parents.Select(p => new DatedParent(FromDay(p.From), p.Value)).ToList(),
        t.Names.Select(n => new DatedName(FromDay(n.From), n.Value)).ToList(),
        t.Ceased is { } c ? new CeasedResponse(c.On, c.SuccessorCode, c.Dissolved ? "dissolved" : "merged") : null);

    private static DateOnly? FromDay(DateOnly day) => day == CommitteeTimeline.Always ? null : day;
}

public sealed record DatedParent(DateOnly? From, string? ParentCode);

public sealed record DatedName(DateOnly? From, string Name);

public sealed record CeasedResponse(DateOnly On, string SuccessorCode, string How);

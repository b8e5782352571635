using System.ComponentModel.DataAnnotations;
using TuyenGiao.PersonalData;

namespace TuyenGiao.Api.PersonalData;

/// <param name="RequestId">The client's id for this request: sent again, it answers the first erasure and erases nothing more.</param>
/// <param name="LegalBasis">Why: the person's request and the law it rests on (for example Decree 13/2023/NĐ-CP, Article 16).</param>
public sealed record ErasePersonRequest(
    [property: Required] string? RequestId,
    [property: Required] string? AuthorName,
    [property: Required] string? CommitteeCode,
    [property: Required] string? LegalBasis);

/// <param name="Person">The person's pseudonym, as the access log names them.</param>
/// <param name="Held">What was held of theirs when it was erased, stream by stream.</param>
public sealed record ErasureResponse(string RequestId, string Person, string LegalBasis, IReadOnlyList<HeldData> Held, DateTimeOffset ErasedAt)
{
    public static ErasureResponse From(Erasure e) => new(e.RequestId, PersonPseudonym.Show(e.PersonKey!.Value), e.LegalBasis!, e.Held, e.ErasedAt!.Value);
}

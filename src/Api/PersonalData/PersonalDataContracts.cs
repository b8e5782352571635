using System.ComponentModel.DataAnnotations;
using TuyenGiao.PersonalData;

namespace TuyenGiao.Api.PersonalData;

/// <summary>One person: an author by <paramref name="AuthorName"/> and <paramref name="CommitteeCode"/>, or a quiz participant by <paramref name="Phone"/>.</summary>
/// <param name="RequestId">The client's id for this request: sent again, it answers the first erasure and erases nothing more.</param>
/// <param name="LegalBasis">Why: the person's request and the law it rests on (for example Decree 13/2023/NĐ-CP, Article 16).</param>
/// <param name="Phone">A quiz participant's number, 0… or +84… (one person either way).</param>
public sealed record ErasePersonRequest(
    [property: Required] string? RequestId,
    string? AuthorName,
    string? CommitteeCode,
    [property: Required] string? LegalBasis,
    string? Phone);

/// <param name="Person">The person's pseudonym, as the access log names them.</param>
/// <param name="Held">What was held of theirs when it was erased, stream by stream.</param>
public sealed record ErasureResponse(string RequestId, string Person, string LegalBasis, IReadOnlyList<HeldData> Held, DateTimeOffset ErasedAt)
{
    public static ErasureResponse From(Erasure e) => new(e.RequestId, PersonPseudonyms.Show(e.PersonKey!.Value), e.LegalBasis!, e.Held, e.ErasedAt!.Value);
}

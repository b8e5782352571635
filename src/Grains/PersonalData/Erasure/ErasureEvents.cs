namespace TuyenGiao.PersonalData;

/// <summary>How many of a person's data keys a stream held when they were destroyed (one per event with their texts).</summary>
[GenerateSerializer, Immutable]
public sealed record HeldData([property: Id(0)] string StreamId, [property: Id(1)] long DataKeys);

/// <summary>
/// A person's personal data erased at their request: every data key of theirs, in every stream, is destroyed in this
/// event's transaction, so their texts read "[đã xoá]" everywhere from then on. The event names the person by
/// pseudonym only, never by name: it stays in the log after what it erased.
/// </summary>
/// <param name="LegalBasis">Why: the request and the law it rests on (for example Decree 13/2023/NĐ-CP, Article 16).</param>
/// <param name="Held">What was held of theirs at the request, stream by stream.</param>
public sealed record PersonErased(string RequestId, long PersonKey, string LegalBasis, IReadOnlyList<HeldData> Held, DateTimeOffset ErasedAt)
    : IErasesPersonalData
{
    long? IErasesPersonalData.ErasesPerson => PersonKey;

    IReadOnlyList<string> IErasesPersonalData.ErasesStreams => [];
}

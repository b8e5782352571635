namespace TuyenGiao.PersonalData;

/// <summary>
/// One erasure request, by its id: its stream is <c>erasure/{id}</c> (the id makes a retried request land once), and this
/// document, kept in the append's transaction, lists it for auditors.
/// </summary>
/// <param name="Id">The stream's id (erasure/ID): Marten keys the document by it.</param>
[GenerateSerializer, Immutable]
public sealed record Erasure(
    [property: Id(0)] string Id,
    [property: Id(1)] string RequestId,
    [property: Id(2)] long? PersonKey,
    [property: Id(3)] string? LegalBasis,
    [property: Id(4)] IReadOnlyList<HeldData> Held,
    [property: Id(5)] DateTimeOffset? ErasedAt)
{
    public bool IsDone => ErasedAt is not null;

    public static string StreamIdFor(string requestId) => $"erasure/{requestId}";

    public static Erasure NotRequested(string requestId) => new(StreamIdFor(requestId), requestId, null, null, [], null);
}

/// <summary>
/// Erase the personal data of a person, for this reason: an author (their name within a committee) or a quiz participant
/// (their number), one or the other.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ErasePerson(
    [property: Id(0)] string? AuthorName,
    [property: Id(1)] string? CommitteeCode,
    [property: Id(2)] string LegalBasis,
    [property: Id(3)] string? Phone)
{
    /// <summary>Whom it names.</summary>
    public NamedPerson Person => new(AuthorName, CommitteeCode, Phone);
}

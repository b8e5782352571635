using TuyenGiao.EventStore;

namespace TuyenGiao.Committees;

/// <summary>
/// A committee as its events made it. The same record is the grain's state and Marten's inline snapshot,
/// which is also the read model that hierarchy queries run on.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Committee(
    [property: Id(0)] string Id,
    [property: Id(1)] string Code,
    [property: Id(2)] string Name,
    [property: Id(3)] CommitteeLevel Level,
    [property: Id(4)] string? ParentCode,
    [property: Id(5)] int MemberCount,
    [property: Id(6)] bool IsRegistered) : IVersionedSnapshot
{
    /// <inheritdoc />
    [Id(7)]
    public long Version { get; init; }

    public static string StreamIdFor(string code) => $"committee/{code}";

    public static Committee Unregistered(string code) =>
        new(StreamIdFor(code), code, "", CommitteeLevel.Grassroots, null, 0, false);
}

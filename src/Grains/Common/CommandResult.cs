namespace TuyenGiao.Common;

/// <summary>What a grain answers to a command: the stream version after it, or the rejection.</summary>
[GenerateSerializer, Immutable]
public sealed record CommandResult(
    [property: Id(0)] long Version,
    [property: Id(1)] Rejection? Rejection)
{
    public bool Succeeded => Rejection is null;
    public static CommandResult Accepted(long version) => new(version, null);
    public static CommandResult Rejected(Rejection rejection) => new(-1, rejection);
}

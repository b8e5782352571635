namespace TuyenGiao.Common;

/// <summary>Who sent a command and under which correlation id: recorded as metadata on every event it causes.</summary>
[GenerateSerializer, Immutable]
public sealed record CommandContext(
    [property: Id(0)] string Actor,
    [property: Id(1)] string CorrelationId)
{
    public static CommandContext System(string correlationId) => new("system", correlationId);
}

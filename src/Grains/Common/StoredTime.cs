namespace TuyenGiao.Common;

/// <summary>
/// PostgreSQL keeps instants to the microsecond, .NET to a tenth of one. An instant that a read model stores and a
/// receipt repeats (an entry's submission time) is cut to the microsecond when it is decided, so that the first answer
/// and a retry's answer read back from the store are the same instant.
/// </summary>
public static class StoredTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1_000;

    public static DateTimeOffset Of(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % TicksPerMicrosecond, TimeSpan.Zero);
}

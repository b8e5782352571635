namespace TuyenGiao.Common;

/// <summary>
/// PostgreSQL keeps instants to the microsecond, .NET to a tenth of one. The write loop decides every command at an
/// instant cut to the microsecond, so that what an answer says (an entry's submission time in its receipt) is exactly
/// what the store and its read models hold, and a retry's receipt read back from them equals the first.
/// </summary>
public static class StoredTime
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1_000;

    public static DateTimeOffset Of(DateTimeOffset instant) =>
        new(instant.UtcTicks - instant.UtcTicks % TicksPerMicrosecond, TimeSpan.Zero);
}

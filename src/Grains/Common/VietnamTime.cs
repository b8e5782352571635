namespace TuyenGiao.Common;

/// <summary>
/// Times are stored in UTC and shown, and counted by day, in Vietnam time: UTC+7 all year (Vietnam keeps no daylight
/// saving). Contests, committees, campaigns and reports all use this one calendar.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The day in Vietnam at <paramref name="instant"/> (17:00 UTC is already the next day).</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>The same instant, written with Vietnam's offset.</summary>
    public static DateTimeOffset Of(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The instant a day begins in Vietnam (00:00 +07:00).</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), Offset);
}

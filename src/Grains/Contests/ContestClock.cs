namespace TuyenGiao.Contests;

/// <summary>
/// Contest times are stored in UTC and shown in Vietnam time, UTC+7 all year (Vietnam keeps no daylight saving).
/// The submission window is half-open: an entry at exactly <c>OpensAt</c> is in, one at exactly <c>ClosesAt</c> is out.
/// </summary>
public static class ContestClock
{
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public static bool IsOpen(ContestDetails details, DateTimeOffset now) => details.OpensAt <= now && now < details.ClosesAt;

    public static DateOnly VietnamDay(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(VietnamOffset).DateTime);

    public static DateTimeOffset InVietnam(DateTimeOffset instant) => instant.ToOffset(VietnamOffset);
}

namespace TuyenGiao.Contests;

/// <summary>
/// The submission window is half-open: an entry at exactly <c>OpensAt</c> is in, one at exactly <c>ClosesAt</c> is out.
/// (Days and display times are <see cref="Common.VietnamTime"/>'s.)
/// </summary>
public static class ContestClock
{
    public static bool IsOpen(ContestDetails details, DateTimeOffset now) => details.OpensAt <= now && now < details.ClosesAt;
}

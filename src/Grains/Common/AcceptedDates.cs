namespace TuyenGiao.Common;

/// <summary>
/// The dates and instants the system takes from outside, inclusive: far enough back for any historical record a
/// committee keeps, far enough ahead for any plan, and far from the ends of .NET's and PostgreSQL's calendars, where
/// adding Vietnam's seven hours or a year overflows (a contest closing at 9999-12-31T23:59:59Z could be stored, and then
/// never read again).
/// </summary>
public static class AcceptedDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    public static readonly DateOnly Latest = new(2199, 12, 31);

    public static bool Contains(DateOnly day) => day >= Earliest && day <= Latest;

    public static bool Contains(DateTimeOffset instant) => Contains(DateOnly.FromDateTime(instant.UtcDateTime));

    public static string Reason => $"must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}";
}

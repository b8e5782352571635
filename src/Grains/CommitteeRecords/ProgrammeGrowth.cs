namespace TuyenGiao.CommitteeRecords;

public enum GrowthInterval
{
    Month,
    Quarter,
    Year,
}

/// <summary>Model programmes of one type in one period: running at its end, started, found maintained at a review, retired in it.</summary>
[GenerateSerializer, Immutable]
public sealed record ProgrammeCounts(
    [property: Id(0)] string ProgrammeType,
    [property: Id(1)] int Active,
    [property: Id(2)] int New,
    [property: Id(3)] int Maintained,
    [property: Id(4)] int Retired);

/// <summary>One period of a growth series (for example "2020", "2020-Q3" or "2020-07"), by type and in total.</summary>
[GenerateSerializer, Immutable]
public sealed record GrowthPoint(
    [property: Id(0)] string Label,
    [property: Id(1)] DateOnly From,
    [property: Id(2)] DateOnly To,
    [property: Id(3)] IReadOnlyList<ProgrammeCounts> ByType,
    [property: Id(4)] ProgrammeCounts Total);

/// <summary>
/// The growth of model programmes as a series ready for a chart. "Maintained" counts programmes found still running
/// at a review in the period; "new" those started in it; "active" those running at its end. Pure.
/// </summary>
public static class ProgrammeGrowth
{
    public const int MaxPoints = 600;

    public static IReadOnlyList<DateOnly> PeriodStarts(DateOnly from, DateOnly to, GrowthInterval interval)
    {
        var starts = new List<DateOnly>();
        for (var start = StartOf(from, interval); start <= to; start = Next(start, interval))
            starts.Add(start);
        return starts;
    }

    public static IReadOnlyList<GrowthPoint> Series(IEnumerable<ModelProgramme> programmes, DateOnly from, DateOnly to, GrowthInterval interval)
    {
        var all = programmes.ToList();
        var types = all.Select(p => p.ProgrammeType).Distinct().Order(StringComparer.Ordinal).ToList();
        return PeriodStarts(from, to, interval).Select(start =>
        {
            var end = Next(start, interval).AddDays(-1);
            var byType = types.Select(type => Count(type, all.Where(p => p.ProgrammeType == type), start, end)).ToList();
            return new GrowthPoint(Label(start, interval), start, end, byType, Count("", all, start, end));
        }).ToList();
    }

    /// <summary>Counts for one period [from, to], both days included.</summary>
    public static ProgrammeCounts Count(string type, IEnumerable<ModelProgramme> programmes, DateOnly from, DateOnly to)
    {
        int active = 0, started = 0, maintained = 0, retired = 0;
        foreach (var p in programmes)
        {
            if (p.StartedOn <= to && (p.RetiredOn is null || p.RetiredOn > to))
                active++;
            if (p.StartedOn >= from && p.StartedOn <= to)
                started++;
            if (p.MaintainedOn.Any(d => d >= from && d <= to))
                maintained++;
            if (p.RetiredOn >= from && p.RetiredOn <= to)
                retired++;
        }
        return new ProgrammeCounts(type, active, started, maintained, retired);
    }

    private static DateOnly StartOf(DateOnly day, GrowthInterval interval) => interval switch
    {
        GrowthInterval.Month => new DateOnly(day.Year, day.Month, 1),
        GrowthInterval.Quarter => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
        _ => new DateOnly(day.Year, 1, 1),
    };

    private static DateOnly Next(DateOnly start, GrowthInterval interval) => interval switch
    {
        GrowthInterval.Month => start.AddMonths(1),
        GrowthInterval.Quarter => start.AddMonths(3),
        _ => start.AddYears(1),
    };

    private static string Label(DateOnly start, GrowthInterval interval) => interval switch
    {
        GrowthInterval.Month => $"{start:yyyy-MM}",
        GrowthInterval.Quarter => $"{start.Year}-Q{(start.Month - 1) / 3 + 1}",
        _ => $"{start.Year}",
    };
}

using System.Collections.Immutable;
using TuyenGiao.CommitteeRecords;

namespace TuyenGiao.Domain.Tests.CommitteeRecords;

public class ProgrammeGrowthTests
{
    private static ModelProgramme Programme(string type, DateOnly started, DateOnly? retired = null, params DateOnly[] reviews) =>
        new(Guid.NewGuid().ToString("N"), "Mô hình", type, "", started, [.. reviews], ImmutableList<ProgrammeCommendation>.Empty, retired, null);

    [Fact]
    public void Given_32_directive_05_programmes_maintained_and_34_new_dan_van_kheo_in_2020_When_the_year_is_counted_Then_it_says_32_maintained_and_34_new()
    {
        var programmes = Enumerable.Range(0, 32).Select(_ => Programme("Chỉ thị 05", new DateOnly(2019, 3, 1), null, new DateOnly(2020, 11, 30)))
            .Concat(Enumerable.Range(0, 34).Select(i => Programme("Dân vận khéo", new DateOnly(2020, 1 + i % 12, 15))));

        var year = ProgrammeGrowth.Series(programmes, new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), GrowthInterval.Year).Single();

        Assert.Equal("2020", year.Label);
        Assert.Equal([new ProgrammeCounts("Chỉ thị 05", 32, 0, 32, 0), new ProgrammeCounts("Dân vận khéo", 34, 34, 0, 0)], year.ByType);
        Assert.Equal(new ProgrammeCounts("", 66, 34, 32, 0), year.Total);
    }

    [Fact]
    public void Given_a_programme_retired_in_the_second_quarter_When_counted_by_quarter_Then_it_is_active_until_then_and_retired_in_that_quarter()
    {
        var programmes = new[] { Programme("Dân vận khéo", new DateOnly(2020, 2, 10), new DateOnly(2020, 5, 1)) };

        var quarters = ProgrammeGrowth.Series(programmes, new DateOnly(2020, 1, 1), new DateOnly(2020, 9, 30), GrowthInterval.Quarter);

        Assert.Equal(["2020-Q1", "2020-Q2", "2020-Q3"], quarters.Select(q => q.Label));
        Assert.Equal([(1, 1, 0), (0, 0, 1), (0, 0, 0)], quarters.Select(q => (q.Total.Active, q.Total.New, q.Total.Retired)));
    }

    [Fact]
    public void Given_a_range_that_starts_mid_month_When_counted_by_month_Then_periods_are_whole_calendar_months()
    {
        var months = ProgrammeGrowth.Series([], new DateOnly(2020, 1, 20), new DateOnly(2020, 3, 2), GrowthInterval.Month);

        Assert.Equal([("2020-01", new DateOnly(2020, 1, 1), new DateOnly(2020, 1, 31)), ("2020-02", new DateOnly(2020, 2, 1), new DateOnly(2020, 2, 29)),
            ("2020-03", new DateOnly(2020, 3, 1), new DateOnly(2020, 3, 31))], months.Select(m => (m.Label, m.From, m.To)));
    }
}

using TuyenGiao.Committees.Organisation;
using static TuyenGiao.Domain.Tests.Committees.Organisation.Reorganised;

namespace TuyenGiao.Domain.Tests.Committees.Organisation;

/// <summary>Figures of 2023 rolled up as organised then and as organised today, after the middle tier was dissolved.</summary>
public class OrganisedRollUpTests
{
    // Entries of a 2023 contest: each cell's, and one from the district of D1 itself.
    private static readonly (string, long)[] Figures2023 = [("C11", 10), ("C12", 5), ("C21", 7), ("D1", 2)];

    [Fact]
    public void Given_figures_of_2023_When_rolled_up_as_organised_in_2023_Then_the_districts_sum_their_cells()
    {
        var lines = OrganisedRollUp.Sum(Figures2023, WithoutDistricts().On(In2023)).ToDictionary(l => l.Code);

        Assert.Equal(new OrganisedRollUp.Line("D1", 2, 17), lines["D1"]);
        Assert.Equal(new OrganisedRollUp.Line("D2", 0, 7), lines["D2"]);
        Assert.Equal(new OrganisedRollUp.Line("P", 0, 24), lines["P"]);
    }

    [Fact]
    public void Given_figures_of_2023_When_rolled_up_as_organised_today_Then_the_districts_figures_count_under_the_province_and_nothing_is_lost()
    {
        var lines = OrganisedRollUp.Sum(Figures2023, WithoutDistricts().On(Today)).ToDictionary(l => l.Code);

        Assert.False(lines.ContainsKey("D1"));
        Assert.False(lines.ContainsKey("D2"));
        Assert.Equal(new OrganisedRollUp.Line("P", 2, 24), lines["P"]);
        Assert.Equal(10, lines["C11"].Total);
        Assert.Equal(7, lines["C21"].Total);
        // Both views: the top holds every figure once, and it is the sum of what lies directly below plus its own.
        Assert.Equal(lines["P"].Total, lines["P"].Own + lines["C11"].Total + lines["C12"].Total + lines["C21"].Total);
    }

    [Fact]
    public void Given_a_committee_the_chart_does_not_know_When_rolled_up_Then_its_figure_stays_under_its_own_code()
    {
        var lines = OrganisedRollUp.Sum([("X9", 4)], WithoutDistricts().On(Today));

        Assert.Equal(new OrganisedRollUp.Line("X9", 4, 4), Assert.Single(lines));
    }
}

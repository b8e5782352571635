using TuyenGiao.Campaigns;
using static TuyenGiao.Domain.Tests.Campaigns.CampaignSpec;

namespace TuyenGiao.Domain.Tests.Campaigns;

public class CampaignFiguresTests
{
    [Fact]
    public void Given_reports_from_a_cell_its_district_and_another_district_When_rolled_up_Then_each_ancestor_sums_its_subtree()
    {
        var state = Given(Launched(),
            Reported("cell", ThotNotCell, Figures(members: 10, studied: 10, classes: 1, learners: 20)),
            Reported("tn", ThotNot, Figures(members: 290, studied: 260, classes: 34, learners: 2_591)),
            Reported("cd", CoDo, Figures(members: 400, studied: 396, classes: 43, learners: 5_712)));

        var byCode = CampaignFigureBuilder.Build(state, 4).ByCommittee.ToDictionary(c => c.Code);

        Assert.Equal((1, 1, 20), (byCode["CT-TN-01"].Reports, byCode["CT-TN-01"].Subtree.Classes, byCode["CT-TN-01"].Subtree.Learners));
        Assert.Equal((1, 2, 35, 2_611), (byCode["CT-TN"].OwnReports, byCode["CT-TN"].Reports, byCode["CT-TN"].Subtree.Classes, byCode["CT-TN"].Subtree.Learners));
        Assert.Equal((0, 3, 78, 8_323), (byCode["CT"].OwnReports, byCode["CT"].Reports, byCode["CT"].Subtree.Classes, byCode["CT"].Subtree.Learners));
    }

    [Fact]
    public void Given_a_small_cell_at_100_percent_and_a_large_one_at_50_When_rolled_up_Then_the_rate_divides_the_sums_instead_of_averaging()
    {
        var state = Given(Launched(), Reported("a", ["A", "CT"], Figures(members: 10, studied: 10)), Reported("b", ["B", "CT"], Figures(members: 990, studied: 495)));

        var total = CampaignFigureBuilder.Build(state, 3).Total;

        Assert.Equal(50.5m, total.ParticipationPercent); // not (100 + 50) / 2 = 75
    }

    [Fact]
    public void Given_63_classes_against_a_plan_of_54_When_the_campaign_is_measured_Then_it_achieved_117_percent()
    {
        var state = Given(Launched(targets: new CampaignTargets(97m, 40, 54, 15_000)),
            Reported("q", ThotNot, Figures(members: 2_800, studied: 2_720, classes: 63, learners: 16_837)));

        var achievement = CampaignFigureBuilder.Build(state, 2).Achievement;

        Assert.Equal(new Achievement(true, 10m, 117m, 112m), achievement); // 4 of 40 sessions; 97.1% meets 97%
    }

    [Fact]
    public void Given_no_members_When_rates_are_computed_Then_there_is_no_rate_rather_than_a_division_by_zero()
    {
        Assert.Null(ActivityRates.ParticipationPercent(ActivityFigures.Zero));
        Assert.Null(ActivityRates.AchievementPercent(5, 0));
        Assert.Null(ActivityRates.AchievementPercent(5, null));
    }

    [Fact]
    public void Given_training_classes_of_several_types_When_figures_are_added_Then_classes_are_summed_per_type()
    {
        var a = Figures() with { TrainingClasses = [new("Đảng viên mới", 3, 270), new("Đối tượng 4", 1, 89)] };
        var b = Figures() with { TrainingClasses = [new("Đối tượng 4", 1, 90), new("Nghiệp vụ", 1, 165)] };

        var sum = a.Add(b);

        Assert.Equal([new("Đảng viên mới", 3, 270), new("Đối tượng 4", 2, 179), new TrainingClassFigures("Nghiệp vụ", 1, 165)], sum.TrainingClasses.ToArray());
        Assert.Equal((6, 614, 200), (sum.Classes, sum.Learners, sum.PartyMembers));
    }
}

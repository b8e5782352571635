using TuyenGiao.Campaigns;
using TuyenGiao.Common;
using static TuyenGiao.Domain.Tests.Campaigns.CampaignSpec;
using static TuyenGiao.Domain.Tests.Common.DecisionAssertions;

namespace TuyenGiao.Domain.Tests.Campaigns;

public class LaunchCampaignTests
{
    private static LaunchCampaign Command(string title = "Chuyên đề năm 2020", string[]? participants = null, DateOnly? end = null, CampaignTargets? targets = null) =>
        new("ct", title, CampaignKind.AnnualTheme, new DateOnly(2020, 1, 1), end ?? new DateOnly(2020, 12, 31), participants ?? [], targets ?? CampaignTargets.None);

    private static readonly Dictionary<string, IReadOnlyList<string>> Paths = new()
    {
        ["CT-TN"] = ThotNot, ["CT-CD"] = CoDo, ["QT"] = ["QT"], ["ZZ"] = [],
    };

    [Fact]
    public void Given_no_campaign_When_launched_without_participants_Then_the_launchers_subtree_takes_part()
    {
        var decision = CampaignDecisions.Launch(Campaign.None(Id), Command(), Launcher, Paths);

        var launched = Assert.IsType<CampaignLaunched>(Assert.Single(decision.Events));
        Assert.Equal("CT", launched.LauncherCode);
        Assert.Equal(["CT"], launched.Participants);
    }

    [Fact]
    public void Given_no_campaign_When_launched_with_a_title_typed_with_combining_marks_Then_the_title_is_stored_in_NFC()
    {
        var decomposed = "Chuyên đề năm 2020".Normalize(System.Text.NormalizationForm.FormD);

        var launched = Assert.IsType<CampaignLaunched>(Assert.Single(CampaignDecisions.Launch(Campaign.None(Id), Command(decomposed), Launcher, Paths).Events));

        Assert.Equal("Chuyên đề năm 2020", launched.Title);
        Assert.True(launched.Title.IsNormalized(System.Text.NormalizationForm.FormC));
    }

    [Fact]
    public void Given_a_participant_outside_the_launchers_subtree_When_launched_Then_it_is_a_rule_violation() =>
        ThenRejected(CampaignDecisions.Launch(Campaign.None(Id), Command(participants: ["CT-TN", "QT"]), Launcher, Paths), RejectionKind.RuleViolation, "participants");

    [Fact]
    public void Given_an_unregistered_participant_When_launched_Then_it_is_not_found() =>
        ThenRejected(CampaignDecisions.Launch(Campaign.None(Id), Command(participants: ["ZZ"]), Launcher, Paths), RejectionKind.NotFound, "participants");

    [Fact]
    public void Given_a_period_that_ends_before_it_starts_When_launched_Then_it_is_invalid() =>
        ThenRejected(CampaignDecisions.Launch(Campaign.None(Id), Command(end: new DateOnly(2019, 12, 31)), Launcher, Paths), RejectionKind.Invalid, "periodEnd");

    [Fact]
    public void Given_a_participation_target_over_100_When_launched_Then_it_is_invalid() =>
        ThenRejected(CampaignDecisions.Launch(Campaign.None(Id), Command(targets: new CampaignTargets(101m, null, null, null)), Launcher, Paths),
            RejectionKind.Invalid, "targets.participationPercent");

    [Fact]
    public void Given_a_launched_campaign_When_launched_again_Then_it_is_a_conflict() =>
        ThenRejected(CampaignDecisions.Launch(Given(Launched()), Command(), Launcher, Paths), RejectionKind.Conflict, "campaignId");

    [Fact]
    public void Given_a_launched_campaign_When_closed_twice_Then_the_second_close_changes_nothing()
    {
        var closed = CampaignDecisions.Close(Given(Launched()), new CloseCampaign("Tổng kết"), DateTimeOffset.UnixEpoch);

        Assert.IsType<CampaignClosed>(Assert.Single(closed.Events));
        Assert.Empty(CampaignDecisions.Close(Given(Launched(), closed.Events[0]), new CloseCampaign("Tổng kết"), DateTimeOffset.UnixEpoch).Events);
    }
}

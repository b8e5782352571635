using TuyenGiao.Campaigns;
using TuyenGiao.Common;
using static TuyenGiao.Campaigns.CampaignDecisions;
using static TuyenGiao.Domain.Tests.Campaigns.CampaignSpec;
using static TuyenGiao.Domain.Tests.Common.DecisionAssertions;

namespace TuyenGiao.Domain.Tests.Campaigns;

/// <summary>The limits of the campaign rules on both sides: the last value in, the first one out.</summary>
public class CampaignBoundaryTests
{
    private static readonly DateOnly Jan1 = new(2020, 1, 1);
    private static readonly LaunchCampaign Launch = new("CT", "Học tập Nghị quyết", CampaignKind.AnnualTheme, Jan1, new DateOnly(2020, 12, 31), [],
        CampaignTargets.None);

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Paths = new Dictionary<string, IReadOnlyList<string>>
    {
        ["CT-TN"] = ThotNot, ["CT-CD"] = CoDo, ["CT-TN-01"] = ThotNotCell,
    };

    private static Decision Launching(LaunchCampaign command) => CampaignDecisions.Launch(Campaign.None(Id), command, Launcher, Paths);

    [Fact]
    public void Given_a_period_of_one_day_or_ending_the_day_before_it_starts_When_launched_Then_one_day_is_a_period_and_the_other_is_not()
    {
        Assert.Single(Launching(Launch with { PeriodEnd = Jan1 }).Events);
        ThenRejected(Launching(Launch with { PeriodEnd = Jan1.AddDays(-1) }), RejectionKind.Invalid, "periodEnd");
    }

    [Fact]
    public void Given_participants_at_the_limit_or_one_over_When_launched_Then_the_limit_is_counted_before_duplicates_are_removed()
    {
        var atLimit = Enumerable.Repeat("CT-TN", MaxParticipants).ToList();

        Assert.Equal(["CT-TN"], Assert.IsType<CampaignLaunched>(Assert.Single(Launching(Launch with { Participants = atLimit }).Events)).Participants);
        ThenRejected(Launching(Launch with { Participants = [.. atLimit, "CT-TN"] }), RejectionKind.Invalid, "participants");
    }

    [Fact]
    public void Given_participants_When_launched_Then_they_are_kept_as_named_and_none_means_the_launcher()
    {
        Assert.Equal(["CT-TN", "CT-CD"], Assert.IsType<CampaignLaunched>(Assert.Single(Launching(Launch with { Participants = ["ct-tn", "CT-CD"] }).Events)).Participants);
        Assert.Equal(["CT"], Assert.IsType<CampaignLaunched>(Assert.Single(Launching(Launch).Events)).Participants);
        ThenRejected(Launching(Launch with { Participants = ["CT-XX"] }), RejectionKind.NotFound, "participants");
        var outside = new Dictionary<string, IReadOnlyList<string>> { ["HG"] = ["HG"] };
        ThenRejected(CampaignDecisions.Launch(Campaign.None(Id), Launch with { Participants = ["HG"] }, Launcher, outside), RejectionKind.RuleViolation, "participants");
    }

    [Theory]
    [InlineData("0", null, null, null, null)]
    [InlineData("100", null, null, null, null)]
    [InlineData("-0.1", null, null, null, "targets.participationPercent")]
    [InlineData("100.1", null, null, null, "targets.participationPercent")]
    [InlineData(null, 0, MaxCount, MaxCount, null)]
    [InlineData(null, -1, null, null, "targets.studySessions")]
    [InlineData(null, MaxCount + 1, null, null, "targets.studySessions")]
    [InlineData(null, null, -1, null, "targets.trainingClasses")]
    [InlineData(null, null, MaxCount + 1, null, "targets.trainingClasses")]
    [InlineData(null, null, null, -1, "targets.learners")]
    [InlineData(null, null, null, MaxCount + 1, "targets.learners")]
    [InlineData(null, MaxCount, 0, 0, null)]
    public void Given_targets_at_and_past_their_bounds_When_launched_Then_each_bound_is_inclusive(string? percent, int? sessions, int? classes, int? learners,
        string? refusedField)
    {
        var targets = new CampaignTargets(percent is null ? null : decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), sessions, classes, learners);

        var decision = Launching(Launch with { Targets = targets });

        if (refusedField is null)
            Assert.Single(decision.Events);
        else
            ThenRejected(decision, RejectionKind.Invalid, refusedField);
    }

    private static readonly Campaign Running = Given(Launched(["CT"]));

    [Fact]
    public void Given_figures_whose_parts_equal_their_whole_or_exceed_it_by_one_When_reported_Then_equal_is_allowed()
    {
        var whole = Figures(members: 100, studied: 100, pledged: 100);

        Assert.Single(CampaignDecisions.Report(Running, Report("r1", "CT-TN", whole), ThotNot).Events);
        ThenRejected(CampaignDecisions.Report(Running, Report("r1", "CT-TN", whole with { MembersStudied = 101 }), ThotNot), RejectionKind.Invalid, "figures.membersStudied");
        ThenRejected(CampaignDecisions.Report(Running, Report("r1", "CT-TN", whole with { MembersPledged = 101 }), ThotNot), RejectionKind.Invalid, "figures.membersPledged");
        ThenRejected(CampaignDecisions.Report(Running, Report("r1", "CT-TN", whole with { StudyMemberAttendances = whole.StudyAttendances + 1 }), ThotNot),
            RejectionKind.Invalid, "figures.studyMemberAttendances");
        Assert.Single(CampaignDecisions.Report(Running, Report("r1", "CT-TN", whole with { StudyMemberAttendances = whole.StudyAttendances }), ThotNot).Events);
    }

    [Fact]
    public void Given_counts_at_the_limit_or_past_it_When_reported_Then_the_limit_is_inclusive()
    {
        var big = Figures(members: MaxCount, studied: 0) with { OralSessions = MaxCount };

        Assert.Single(CampaignDecisions.Report(Running, Report("r1", "CT-TN", big), ThotNot).Events);
        ThenRejected(CampaignDecisions.Report(Running, Report("r1", "CT-TN", big with { OralSessions = MaxCount + 1 }), ThotNot), RejectionKind.Invalid, "figures.oralSessions");
        ThenRejected(CampaignDecisions.Report(Running, Report("r1", "CT-TN", big with { OralSessions = -1 }), ThotNot), RejectionKind.Invalid, "figures.oralSessions");
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(MaxCount, MaxCount, null)]
    [InlineData(-1, 0, "figures.trainingClasses[0]")]
    [InlineData(MaxCount + 1, 0, "figures.trainingClasses[0]")]
    [InlineData(0, -1, "figures.trainingClasses[0]")]
    [InlineData(0, MaxCount + 1, "figures.trainingClasses[0]")]
    public void Given_training_classes_at_and_past_their_bounds_When_reported_Then_classes_and_learners_are_each_checked(int classes, int learners,
        string? refusedField)
    {
        var figures = Figures() with { TrainingClasses = [new TrainingClassFigures("Bồi dưỡng", classes, learners)] };

        var decision = CampaignDecisions.Report(Running, Report("r1", "CT-TN", figures), ThotNot);

        if (refusedField is null)
            Assert.Single(decision.Events);
        else
            ThenRejected(decision, RejectionKind.Invalid, refusedField);
    }

    [Fact]
    public void Given_class_types_at_the_limit_or_one_over_When_reported_Then_the_limit_is_inclusive()
    {
        System.Collections.Immutable.ImmutableArray<TrainingClassFigures> Types(int n) => [.. Enumerable.Range(1, n).Select(i => new TrainingClassFigures($"Lớp {i}", 1, 1))];

        Assert.Single(CampaignDecisions.Report(Running, Report("r1", "CT-TN", Figures() with { TrainingClasses = Types(MaxClassTypes) }), ThotNot).Events);
        ThenRejected(CampaignDecisions.Report(Running, Report("r1", "CT-TN", Figures() with { TrainingClasses = Types(MaxClassTypes + 1) }), ThotNot),
            RejectionKind.Invalid, "figures.trainingClasses");
    }

    [Fact]
    public void Given_a_report_period_on_the_campaigns_own_bounds_or_a_day_past_them_When_reported_Then_the_bounds_are_inclusive_and_the_field_is_named()
    {
        Assert.Single(CampaignDecisions.Report(Running, Report("r1", "CT-TN", from: Jan1, to: Jan1), ThotNot).Events);
        ThenRejected(CampaignDecisions.Report(Running, Report("r1", "CT-TN", from: Jan1, to: Jan1.AddDays(-1)), ThotNot), RejectionKind.Invalid, "periodEnd");
        ThenRejected(CampaignDecisions.Report(Running, Report("r1", "CT-TN", from: Jan1.AddDays(-1)), ThotNot), RejectionKind.RuleViolation, "periodStart");
        ThenRejected(CampaignDecisions.Report(Running, Report("r1", "CT-TN", to: new DateOnly(2021, 1, 1)), ThotNot), RejectionKind.RuleViolation, "periodEnd");
    }

    [Fact]
    public void Given_a_recorded_report_When_sent_again_with_one_detail_changed_Then_each_is_a_conflict_and_the_same_is_nothing()
    {
        var report = Report("r1", "CT-TN");
        var state = CampaignDecisions.Report(Running, report, ThotNot).Events.Aggregate(Running, CampaignEvolution.Evolve);

        ThenNothing(CampaignDecisions.Report(state, report, ThotNot));
        ThenRejected(CampaignDecisions.Report(state, report with { CommitteeCode = "CT-CD" }, CoDo), RejectionKind.Conflict, "reportId");
        ThenRejected(CampaignDecisions.Report(state, report with { PeriodStart = Jan1.AddDays(1) }, ThotNot), RejectionKind.Conflict, "reportId");
        ThenRejected(CampaignDecisions.Report(state, report with { PeriodEnd = new DateOnly(2020, 12, 30) }, ThotNot), RejectionKind.Conflict, "reportId");
        ThenRejected(CampaignDecisions.Report(state, report with { Figures = Figures(studied: 97) }, ThotNot), RejectionKind.Conflict, "reportId");
        // Once corrected, even the original content is another report: the correction is what stands.
        var corrected = CampaignDecisions.Correct(state, new CorrectActivityReport("r1", Figures(studied: 97), "Sửa số liệu")).Events.Aggregate(state, CampaignEvolution.Evolve);
        ThenRejected(CampaignDecisions.Report(corrected, report with { Figures = Figures(studied: 97) }, ThotNot), RejectionKind.Conflict, "reportId");
    }

    [Fact]
    public void Given_a_campaign_not_launched_When_any_command_comes_Then_it_is_not_found()
    {
        ThenRejected(CampaignDecisions.Report(Campaign.None(Id), Report("r1", "CT-TN"), ThotNot), RejectionKind.NotFound, "campaignId");
        ThenRejected(CampaignDecisions.Close(Campaign.None(Id), new CloseCampaign("Kết thúc"), DateTimeOffset.UtcNow), RejectionKind.NotFound, "campaignId");
    }
}

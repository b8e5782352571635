using TuyenGiao.Campaigns;
using TuyenGiao.Common;
using static TuyenGiao.Domain.Tests.Campaigns.CampaignSpec;
using static TuyenGiao.Domain.Tests.Common.DecisionAssertions;

namespace TuyenGiao.Domain.Tests.Campaigns;

public class ActivityReportTests
{
    [Fact]
    public void Given_a_campaign_When_a_cell_below_a_participant_reports_Then_the_report_carries_its_path_under_a_name_based_event_id()
    {
        var decision = CampaignDecisions.Report(Given(Launched()), Report("r1", "CT-TN-01"), ThotNotCell);

        var reported = Assert.IsType<ActivityReported>(Assert.Single(decision.Events));
        Assert.Equal(ThotNotCell, reported.CommitteePath);
        Assert.Equal(CampaignDecisions.ReportEventId(Id, "r1"), decision.FirstEventId);
    }

    [Fact]
    public void Given_a_campaign_for_one_district_When_the_other_district_reports_Then_it_does_not_take_part() =>
        ThenRejected(CampaignDecisions.Report(Given(Launched(participants: ["CT-TN"])), Report("r1", "CT-CD"), CoDo), RejectionKind.RuleViolation, "committeeCode");

    [Fact]
    public void Given_a_participant_district_merged_into_the_other_When_the_successor_reports_Then_it_takes_part_through_the_merged_one()
    {
        var state = Given(Launched(participants: ["CT-TN"]));
        var merged = new Dictionary<string, string> { ["CT-TN"] = "CT-CD" };

        Assert.Null(CampaignDecisions.Report(state, Report("r1", "CT-CD"), CoDo, merged).Rejection);
        ThenRejected(CampaignDecisions.Report(state, Report("r2", "CT-CD"), CoDo), RejectionKind.RuleViolation, "committeeCode");
    }

    [Theory]
    [InlineData(2019, 12, 31, 2020, 6, 30, "periodStart")]
    [InlineData(2020, 7, 1, 2021, 1, 1, "periodEnd")]
    public void Given_a_campaign_for_2020_When_a_report_reaches_outside_it_Then_the_period_is_refused(int y1, int m1, int d1, int y2, int m2, int d2, string field) =>
        ThenRejected(CampaignDecisions.Report(Given(Launched()), Report("r1", "CT-TN", from: new DateOnly(y1, m1, d1), to: new DateOnly(y2, m2, d2)), ThotNot),
            RejectionKind.RuleViolation, field);

    [Fact]
    public void Given_a_campaign_When_a_report_covers_exactly_its_period_Then_it_is_accepted() =>
        Assert.Null(CampaignDecisions.Report(Given(Launched()), Report("r1", "CT-TN", from: new DateOnly(2020, 1, 1), to: new DateOnly(2020, 12, 31)), ThotNot).Rejection);

    [Fact]
    public void Given_an_unregistered_committee_When_it_reports_Then_it_is_not_found() =>
        ThenRejected(CampaignDecisions.Report(Given(Launched()), Report("r1", "CT-XX"), []), RejectionKind.NotFound, "committeeCode");

    [Theory]
    [InlineData(100, 101, 0, "figures.membersStudied")]
    [InlineData(100, 50, 101, "figures.membersPledged")]
    [InlineData(-1, 0, 0, "figures.partyMembers")]
    public void Given_figures_whose_parts_exceed_their_whole_When_reported_Then_they_are_invalid(int members, int studied, int pledged, string field) =>
        ThenRejected(CampaignDecisions.Report(Given(Launched()), Report("r1", "CT-TN", Figures(members, studied, pledged: pledged)), ThotNot),
            RejectionKind.Invalid, field);

    [Fact]
    public void Given_a_report_When_the_same_report_comes_again_Then_nothing_is_recorded_and_other_content_is_a_conflict()
    {
        var state = Given(Launched(), Reported("r1", ThotNot));

        Assert.Empty(CampaignDecisions.Report(state, Report("r1", "CT-TN"), ThotNot).Events);
        ThenRejected(CampaignDecisions.Report(state, Report("r1", "CT-TN", Figures(studied: 90)), ThotNot), RejectionKind.Conflict, "reportId");
    }

    [Fact]
    public void Given_a_closed_campaign_When_a_new_report_comes_Then_it_is_refused_while_a_correction_is_accepted()
    {
        var state = Given(Launched(), Reported("r1", ThotNot), new CampaignClosed(Id, "Tổng kết", DateTimeOffset.UnixEpoch));

        ThenRejected(CampaignDecisions.Report(state, Report("r2", "CT-CD"), CoDo), RejectionKind.RuleViolation, "campaignId");
        Assert.IsType<ActivityReportCorrected>(Assert.Single(CampaignDecisions.Correct(state, new CorrectActivityReport("r1", Figures(studied: 90), "Đối chiếu lại")).Events));
    }

    [Fact]
    public void Given_a_report_When_corrected_Then_the_state_has_the_new_figures_and_the_same_correction_again_records_nothing()
    {
        var state = Given(Launched(), Reported("r1", ThotNot));
        var correction = new CorrectActivityReport("r1", Figures(studied: 90), "Số liệu đã được đối chiếu");

        var corrected = CampaignDecisions.Correct(state, correction).Events.Aggregate(state, CampaignEvolution.Evolve);

        Assert.Equal((90, 1), (corrected.Reports["r1"].Figures.MembersStudied, corrected.Reports["r1"].Corrections));
        Assert.Empty(CampaignDecisions.Correct(corrected, correction).Events);
        ThenRejected(CampaignDecisions.Correct(state, correction with { Reason = " " }), RejectionKind.Invalid, "reason");
        ThenRejected(CampaignDecisions.Correct(state, correction with { ReportId = "r9" }), RejectionKind.NotFound, "reportId");
    }

    [Fact]
    public void Given_two_class_types_with_the_same_name_When_reported_Then_the_duplicate_is_named()
    {
        var figures = Figures() with { TrainingClasses = [new("Lớp A", 1, 10), new("Lớp A", 2, 20)] };

        ThenRejected(CampaignDecisions.Report(Given(Launched()), Report("r1", "CT-TN", figures), ThotNot), RejectionKind.Invalid, "figures.trainingClasses[1].classType");
    }
}

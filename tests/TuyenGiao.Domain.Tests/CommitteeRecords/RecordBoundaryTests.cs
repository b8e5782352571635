using TuyenGiao.CommitteeRecords;
using TuyenGiao.Common;
using static TuyenGiao.CommitteeRecords.CommitteeRecordsDecisions;
using static TuyenGiao.Domain.Tests.Common.DecisionAssertions;

namespace TuyenGiao.Domain.Tests.CommitteeRecords;

/// <summary>
/// The limits and boundaries of the record rules, each on both sides: the last value in, the first one out; a retry
/// with the same content records nothing, with any one detail changed it is a conflict.
/// </summary>
public class RecordBoundaryTests
{
    private static readonly string[] Path = ["CT-TN", "CT"];
    private static readonly DateOnly Started = new(2020, 3, 1);
    private static readonly RegisterModelProgramme Programme = new("dvk-1", "Dân vận khéo", "Dân vận khéo", "Hành chính", Started);
    private static readonly RecordCommendation Commendation = new("kt-1", CommendationForm.Certificate, AwardingLevel.District, "Huyện ủy Thốt Nốt", 2, 3,
        new DateOnly(2020, 12, 1), "Thành tích xuất sắc");
    private static readonly RecordInspection Inspection = new("kt-2020", "CT", new DateOnly(2020, 6, 1), ["Nguyễn Văn An", "Trần Thị Bình"],
        "Thực hiện tốt", "Tiếp tục phát huy");
    private static readonly string Long = new('a', MaxTextLength);
    private static readonly string TooLong = new('a', MaxTextLength + 1);

    private static CommitteeRecordBook Empty => CommitteeRecordBook.Empty("CT-TN");

    private static CommitteeRecordBook After(CommitteeRecordBook book, Decision decision)
    {
        Assert.Null(decision.Rejection);
        return decision.Events.Aggregate(book, CommitteeRecordsEvolution.Evolve);
    }

    private static CommitteeRecordBook WithProgramme => After(Empty, RegisterProgramme(Empty, Programme, Path));

    [Fact]
    public void Given_a_registered_programme_When_registered_again_with_one_detail_changed_Then_each_is_a_conflict_and_the_same_is_nothing()
    {
        var book = WithProgramme;

        ThenNothing(RegisterProgramme(book, Programme, Path));
        ThenRejected(RegisterProgramme(book, Programme with { ProgrammeType = "Khác" }, Path), RejectionKind.Conflict, "programmeId");
        ThenRejected(RegisterProgramme(book, Programme with { Field = "Kinh tế" }, Path), RejectionKind.Conflict, "programmeId");
        ThenRejected(RegisterProgramme(book, Programme with { StartedOn = Started.AddDays(1) }, Path), RejectionKind.Conflict, "programmeId");
    }

    [Fact]
    public void Given_a_programme_When_its_type_or_field_is_invalid_Then_the_field_is_named_and_an_empty_field_is_allowed()
    {
        ThenRejected(RegisterProgramme(Empty, Programme with { ProgrammeType = "" }, Path), RejectionKind.Invalid, "programmeType");
        ThenRejected(RegisterProgramme(Empty, Programme with { Field = "a\u200Bb" }, Path), RejectionKind.Invalid, "field");
        var registered = Assert.IsType<ModelProgrammeRegistered>(Assert.Single(RegisterProgramme(Empty, Programme with { Field = null! }, Path).Events));
        Assert.Equal("", registered.Field);
    }

    [Fact]
    public void Given_a_programme_When_reviewed_on_its_first_day_or_the_day_before_or_with_a_note_at_the_limit_Then_the_boundaries_hold()
    {
        var book = WithProgramme;

        Assert.Single(Maintain(book, new MaintainModelProgramme("dvk-1", Started, "Duy trì")).Events);
        ThenRejected(Maintain(book, new MaintainModelProgramme("dvk-1", Started.AddDays(-1), "Duy trì")), RejectionKind.RuleViolation, "reviewedOn");
        Assert.Single(Maintain(book, new MaintainModelProgramme("dvk-1", Started, Long)).Events);
        ThenRejected(Maintain(book, new MaintainModelProgramme("dvk-1", Started, TooLong)), RejectionKind.Invalid, "note");
        Assert.Equal("", Assert.IsType<ModelProgrammeMaintained>(Assert.Single(Maintain(book, new MaintainModelProgramme("dvk-1", Started, null!)).Events)).Note);
    }

    [Fact]
    public void Given_a_programme_When_commended_on_its_first_day_the_day_before_or_twice_Then_the_boundaries_hold()
    {
        var book = WithProgramme;
        var commend = new CommendModelProgramme("dvk-1", Started, "Tỉnh ủy");

        var once = After(book, Commend(book, commend));
        ThenRejected(Commend(book, commend with { CommendedOn = Started.AddDays(-1) }), RejectionKind.RuleViolation, "commendedOn");
        ThenNothing(Commend(once, commend));
        Assert.Single(Commend(once, commend with { CommendedBy = "Huyện ủy" }).Events);
    }

    [Fact]
    public void Given_reviews_When_a_programme_is_retired_on_the_last_review_day_or_the_day_before_Then_the_last_review_decides_not_the_first()
    {
        var book = WithProgramme;
        book = After(book, Maintain(book, new MaintainModelProgramme("dvk-1", new DateOnly(2021, 3, 1), "Duy trì")));
        book = After(book, Maintain(book, new MaintainModelProgramme("dvk-1", new DateOnly(2022, 3, 1), "Duy trì")));

        Assert.Single(Retire(book, new RetireModelProgramme("dvk-1", new DateOnly(2022, 3, 1), "Kết thúc")).Events);
        ThenRejected(Retire(book, new RetireModelProgramme("dvk-1", new DateOnly(2022, 2, 28), "Kết thúc")), RejectionKind.RuleViolation, "retiredOn");
        Assert.Single(Retire(WithProgramme, new RetireModelProgramme("dvk-1", Started, "Kết thúc")).Events);
        ThenRejected(Retire(WithProgramme, new RetireModelProgramme("dvk-1", Started.AddDays(-1), "Kết thúc")), RejectionKind.RuleViolation, "retiredOn");
    }

    [Theory]
    [InlineData(0, 1, null)]
    [InlineData(1, 0, null)]
    [InlineData(MaxRecipients, MaxRecipients, null)]
    [InlineData(0, 0, "individuals")]
    [InlineData(-1, 1, "collectives")]
    [InlineData(MaxRecipients + 1, 1, "collectives")]
    [InlineData(1, -1, "individuals")]
    [InlineData(1, MaxRecipients + 1, "individuals")]
    [InlineData(2, -2, "individuals")]
    public void Given_counts_of_recipients_When_a_commendation_is_recorded_Then_each_count_lies_between_0_and_the_limit_and_one_at_least(
        int collectives, int individuals, string? refusedField)
    {
        var decision = RecordCommendation(Empty, Commendation with { Collectives = collectives, Individuals = individuals }, Path);

        if (refusedField is null)
            Assert.Single(decision.Events);
        else
            ThenRejected(decision, RejectionKind.Invalid, refusedField);
    }

    [Fact]
    public void Given_a_commendation_When_its_reason_is_at_the_limit_or_over_it_or_missing_Then_the_boundaries_hold()
    {
        Assert.Single(RecordCommendation(Empty, Commendation with { Reason = Long }, Path).Events);
        ThenRejected(RecordCommendation(Empty, Commendation with { Reason = TooLong }, Path), RejectionKind.Invalid, "reason");
        Assert.Equal("", Assert.IsType<CommendationRecorded>(Assert.Single(RecordCommendation(Empty, Commendation with { Reason = null! }, Path).Events)).Reason);
    }

    [Fact]
    public void Given_a_recorded_commendation_When_sent_again_Then_the_same_records_nothing_and_another_is_a_conflict()
    {
        var book = After(Empty, RecordCommendation(Empty, Commendation, Path));

        ThenNothing(RecordCommendation(book, Commendation, Path));
        ThenRejected(RecordCommendation(book, Commendation with { Individuals = 4 }, Path), RejectionKind.Conflict, "commendationId");
    }

    [Fact]
    public void Given_an_opened_issue_When_opened_again_or_resolved_on_its_first_day_or_before_Then_the_boundaries_hold()
    {
        var open = new OpenOpinionIssue("dl-1", "Giá điện tăng", new DateOnly(2020, 4, 1));
        var book = After(Empty, OpenIssue(Empty, open, Path));

        ThenNothing(OpenIssue(book, open, Path));
        ThenRejected(OpenIssue(book, open with { Subject = "Khác" }, Path), RejectionKind.Conflict, "issueId");
        ThenRejected(OpenIssue(book, open with { OpenedOn = open.OpenedOn.AddDays(1) }, Path), RejectionKind.Conflict, "issueId");
        Assert.Single(ResolveIssue(book, new ResolveOpinionIssue("dl-1", open.OpenedOn, "Đã giải thích")).Events);
        ThenRejected(ResolveIssue(book, new ResolveOpinionIssue("dl-1", open.OpenedOn.AddDays(-1), "Đã giải thích")), RejectionKind.RuleViolation, "resolvedOn");
    }

    [Fact]
    public void Given_a_resolved_issue_When_resolved_again_Then_only_the_same_day_and_outcome_is_a_retry()
    {
        var open = new OpenOpinionIssue("dl-1", "Giá điện tăng", new DateOnly(2020, 4, 1));
        var resolve = new ResolveOpinionIssue("dl-1", new DateOnly(2020, 5, 1), "Đã giải thích");
        var book = After(Empty, OpenIssue(Empty, open, Path));
        book = After(book, ResolveIssue(book, resolve));

        ThenNothing(ResolveIssue(book, resolve));
        ThenRejected(ResolveIssue(book, resolve with { ResolvedOn = new DateOnly(2020, 5, 2) }), RejectionKind.Conflict, "issueId");
        ThenRejected(ResolveIssue(book, resolve with { Outcome = "Khác" }), RejectionKind.Conflict, "issueId");
    }

    [Fact]
    public void Given_an_inspection_When_its_texts_and_delegation_are_at_or_past_their_limits_Then_the_boundaries_hold()
    {
        Assert.Single(RecordInspection(Empty, Inspection with { Recommendations = Long }, Path).Events);
        ThenRejected(RecordInspection(Empty, Inspection with { Recommendations = TooLong }, Path), RejectionKind.Invalid, "recommendations");
        Assert.Equal("", Assert.IsType<InspectionRecorded>(Assert.Single(RecordInspection(Empty, Inspection with { Recommendations = null! }, Path).Events)).Recommendations);
        var fifty = Enumerable.Range(1, MaxDelegation).Select(i => $"Thành viên {i}").ToList();
        Assert.Single(RecordInspection(Empty, Inspection with { Delegation = fifty }, Path).Events);
        ThenRejected(RecordInspection(Empty, Inspection with { Delegation = [.. fifty, "Một người nữa"] }, Path), RejectionKind.Invalid, "delegation");
        ThenRejected(RecordInspection(Empty, Inspection with { Delegation = [] }, Path), RejectionKind.Invalid, "delegation");
    }

    [Fact]
    public void Given_a_recorded_inspection_When_sent_again_with_one_detail_changed_Then_each_is_a_conflict_and_the_same_is_nothing()
    {
        var book = After(Empty, RecordInspection(Empty, Inspection, Path));

        ThenNothing(RecordInspection(book, Inspection, Path));
        ThenRejected(RecordInspection(book, Inspection with { InspectedOn = new DateOnly(2020, 6, 2) }, Path), RejectionKind.Conflict, "inspectionId");
        ThenRejected(RecordInspection(book, Inspection with { Findings = "Khác" }, Path), RejectionKind.Conflict, "inspectionId");
        ThenRejected(RecordInspection(book, Inspection with { Recommendations = "Khác" }, Path), RejectionKind.Conflict, "inspectionId");
        ThenRejected(RecordInspection(book, Inspection with { Delegation = ["Nguyễn Văn An"] }, Path), RejectionKind.Conflict, "inspectionId");
    }

    [Fact]
    public void Given_an_inspection_When_a_follow_up_comes_on_its_day_the_day_before_or_twice_or_for_an_unknown_one_Then_the_boundaries_hold()
    {
        var book = After(Empty, RecordInspection(Empty, Inspection, Path));
        var followUp = new RecordInspectionFollowUp("kt-2020", Inspection.InspectedOn, "Đã khắc phục");

        var once = After(book, RecordFollowUp(book, followUp));
        ThenRejected(RecordFollowUp(book, followUp with { RecordedOn = Inspection.InspectedOn.AddDays(-1) }), RejectionKind.RuleViolation, "recordedOn");
        ThenNothing(RecordFollowUp(once, followUp));
        Assert.Single(RecordFollowUp(once, followUp with { Actions = "Bổ sung" }).Events);
        ThenRejected(RecordFollowUp(book, followUp with { InspectionId = "kt-9999" }), RejectionKind.NotFound, "inspectionId");
    }
}

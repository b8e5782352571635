using TuyenGiao.CommitteeRecords;
using TuyenGiao.Common;
using static TuyenGiao.Domain.Tests.Common.DecisionAssertions;

namespace TuyenGiao.Domain.Tests.CommitteeRecords;

public class ModelProgrammeTests
{
    private static readonly string[] Path = ["CT-TN", "CT"];
    private static readonly RegisterModelProgramme Register = new("dvk-1", "Dân vận khéo trong cải cách hành chính", "Dân vận khéo", "Hành chính", new DateOnly(2020, 3, 1));

    private static CommitteeRecordBook Given(params object[] events) => events.Aggregate(CommitteeRecordBook.Empty("CT-TN"), CommitteeRecordsEvolution.Evolve);

    private static CommitteeRecordBook Registered() =>
        Given(CommitteeRecordsDecisions.RegisterProgramme(CommitteeRecordBook.Empty("CT-TN"), Register, Path).Events.ToArray());

    private static CommitteeRecordBook RetiredOn(DateOnly day)
    {
        var book = Registered();
        return CommitteeRecordsDecisions.Retire(book, new RetireModelProgramme("dvk-1", day, "Hết nhu cầu")).Events.Aggregate(book, CommitteeRecordsEvolution.Evolve);
    }

    [Fact]
    public void Given_a_committee_When_a_programme_is_registered_Then_it_carries_the_path_and_a_retry_records_nothing()
    {
        var decision = CommitteeRecordsDecisions.RegisterProgramme(CommitteeRecordBook.Empty("CT-TN"), Register, Path);
        var book = Given(decision.Events.ToArray());

        var registered = Assert.IsType<ModelProgrammeRegistered>(Assert.Single(decision.Events));
        Assert.Equal(Path, registered.CommitteePath);
        Assert.Equal(Path, book.Path);
        Assert.Empty(CommitteeRecordsDecisions.RegisterProgramme(book, Register, Path).Events);
        ThenRejected(CommitteeRecordsDecisions.RegisterProgramme(book, Register with { Name = "Tên khác" }, Path), RejectionKind.Conflict, "programmeId");
    }

    [Fact]
    public void Given_an_unregistered_committee_When_a_programme_is_registered_Then_it_is_not_found() =>
        ThenRejected(CommitteeRecordsDecisions.RegisterProgramme(CommitteeRecordBook.Empty("CT-XX"), Register, []), RejectionKind.NotFound, "committeeCode");

    [Fact]
    public void Given_a_programme_When_reviewed_before_it_started_or_after_it_retired_Then_the_review_is_refused()
    {
        var retired = RetiredOn(new DateOnly(2021, 6, 30));

        ThenRejected(CommitteeRecordsDecisions.Maintain(Registered(), new MaintainModelProgramme("dvk-1", new DateOnly(2020, 2, 28), "")), RejectionKind.RuleViolation, "reviewedOn");
        ThenRejected(CommitteeRecordsDecisions.Maintain(retired, new MaintainModelProgramme("dvk-1", new DateOnly(2021, 7, 1), "")), RejectionKind.RuleViolation, "reviewedOn");
        Assert.Single(CommitteeRecordsDecisions.Maintain(retired, new MaintainModelProgramme("dvk-1", new DateOnly(2020, 12, 1), "")).Events);
    }

    [Fact]
    public void Given_a_retired_programme_When_retired_again_Then_the_same_date_changes_nothing_and_another_is_a_conflict()
    {
        var book = RetiredOn(new DateOnly(2021, 6, 30));

        Assert.Empty(CommitteeRecordsDecisions.Retire(book, new RetireModelProgramme("dvk-1", new DateOnly(2021, 6, 30), "Hết nhu cầu")).Events);
        ThenRejected(CommitteeRecordsDecisions.Retire(book, new RetireModelProgramme("dvk-1", new DateOnly(2022, 1, 1), "Khác")), RejectionKind.Conflict, "programmeId");
    }

    [Fact]
    public void Given_a_cell_When_a_committee_that_is_not_above_it_inspects_it_Then_only_an_ancestor_may()
    {
        var book = CommitteeRecordBook.Empty("CT-TN");
        RecordInspection Inspect(string inspector) => new("kt-1", inspector, new DateOnly(2020, 10, 28), ["Lê Thị Sương Mai"], "Tốt", "Tiếp tục");

        Assert.Single(CommitteeRecordsDecisions.RecordInspection(book, Inspect("CT"), Path).Events);
        ThenRejected(CommitteeRecordsDecisions.RecordInspection(book, Inspect("CT-CD"), Path), RejectionKind.RuleViolation, "inspectorCode");
        ThenRejected(CommitteeRecordsDecisions.RecordInspection(book, Inspect("CT-TN"), Path), RejectionKind.RuleViolation, "inspectorCode");
    }

    [Fact]
    public void Given_an_opinion_issue_When_resolved_before_it_was_opened_Then_it_is_refused_and_a_second_resolution_is_a_conflict()
    {
        var book = Given(new OpinionIssueOpened("CT-TN", Path, "o1", "Giá điện", new DateOnly(2019, 3, 5)));

        ThenRejected(CommitteeRecordsDecisions.ResolveIssue(book, new ResolveOpinionIssue("o1", new DateOnly(2019, 3, 4), "Đã giải thích")), RejectionKind.RuleViolation, "resolvedOn");
        var resolved = Given(new OpinionIssueOpened("CT-TN", Path, "o1", "Giá điện", new DateOnly(2019, 3, 5)),
            new OpinionIssueResolved("CT-TN", "o1", new DateOnly(2019, 3, 25), "Đã giải thích"));
        ThenRejected(CommitteeRecordsDecisions.ResolveIssue(resolved, new ResolveOpinionIssue("o1", new DateOnly(2019, 4, 1), "Khác")), RejectionKind.Conflict, "issueId");
    }

    [Fact]
    public void Given_a_commendation_to_nobody_When_recorded_Then_it_is_invalid() =>
        ThenRejected(CommitteeRecordsDecisions.RecordCommendation(CommitteeRecordBook.Empty("LA-KT"),
            new RecordCommendation("k1", CommendationForm.Certificate, AwardingLevel.District, "UBND thị xã", 0, 0, new DateOnly(2020, 5, 19), ""), ["LA-KT", "LA"]),
            RejectionKind.Invalid, "individuals");
}

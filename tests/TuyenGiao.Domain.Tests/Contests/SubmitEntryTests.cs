using System.Text;
using TuyenGiao.Common;
using TuyenGiao.Contests;
using static TuyenGiao.Domain.Tests.Contests.ContestSpec;
using static TuyenGiao.Domain.Tests.Common.DecisionAssertions;

namespace TuyenGiao.Domain.Tests.Contests;

public class SubmitEntryTests
{
    private static readonly Contest Open = Given(Announced());

    private static Decision Submit(Contest state, SubmitEntry entry, IReadOnlyList<string>? path = null, DateTimeOffset? at = null) =>
        ContestDecisions.Submit(state, ContestDecisions.Normalize(entry), path ?? CellPath, at ?? During);

    [Fact]
    public void Given_an_open_contest_When_an_eligible_author_submits_Then_the_entry_is_numbered_and_carries_its_committee_path()
    {
        var decision = Submit(Open, Entry("s-1"));

        var submitted = Assert.IsType<EntrySubmitted>(Assert.Single(decision.Events));
        Assert.Equal((1, "TV-KHOI-SGD", During), (submitted.EntryNumber, submitted.CommitteeCode, submitted.SubmittedAt));
        Assert.Equal(CellPath, submitted.CommitteePath);
        Assert.Equal(SubmissionIdentity.EventId(Id, "s-1"), decision.FirstEventId);
    }

    [Fact]
    public void Given_an_entry_When_the_same_submission_id_comes_again_with_the_same_body_Then_nothing_is_recorded()
    {
        var state = Submitted(Open, Entry("s-1"));

        var decision = Submit(state, Entry("s-1"));

        Assert.Null(decision.Rejection);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_an_entry_When_the_retry_types_the_title_with_combining_marks_Then_it_is_the_same_body()
    {
        var state = Submitted(Open, Entry("s-1"));

        var decision = Submit(state, Entry("s-1", title: "Khát vọng vươn lên".Normalize(NormalizationForm.FormD)));

        Assert.Null(decision.Rejection);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_an_entry_When_the_same_submission_id_comes_with_another_body_Then_conflict() =>
        ThenRejected(Submit(Submitted(Open, Entry("s-1")), Entry("s-1", title: "Bài khác")), RejectionKind.Conflict, "submissionId");

    [Fact]
    public void Given_the_window_When_an_entry_arrives_at_exactly_the_opening_instant_Then_it_is_in() =>
        Assert.Null(Submit(Open, Entry("s-1"), at: Opens).Rejection);

    [Fact]
    public void Given_the_window_When_an_entry_arrives_one_tick_before_the_close_Then_it_is_in() =>
        Assert.Null(Submit(Open, Entry("s-1"), at: Closes.AddTicks(-1)).Rejection);

    [Fact]
    public void Given_the_window_When_an_entry_arrives_at_exactly_the_closing_instant_Then_it_is_out() =>
        ThenRejected(Submit(Open, Entry("s-1"), at: Closes), RejectionKind.RuleViolation, "submittedAt");

    [Fact]
    public void Given_the_window_When_an_entry_arrives_before_the_opening_Then_it_is_out() =>
        ThenRejected(Submit(Open, Entry("s-1"), at: Opens.AddTicks(-1)), RejectionKind.RuleViolation, "submittedAt");

    [Fact]
    public void Given_an_entry_accepted_before_the_close_When_it_is_retried_after_the_close_Then_the_first_answer_stands()
    {
        var state = Submitted(Open, Entry("s-1"));

        var decision = Submit(state, Entry("s-1"), at: Closes.AddDays(1));

        Assert.Null(decision.Rejection);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void Given_a_contest_of_the_bloc_When_a_committee_outside_its_subtree_submits_Then_it_is_not_eligible_coded_for_a_fresh_lookup() =>
        Assert.Equal(RejectionCode.CommitteeNotEligible,
            ThenRejected(Submit(Open, Entry("s-1", committee: "CT"), path: ["CT"]), RejectionKind.RuleViolation, "committeeCode").Code);

    [Fact]
    public void Given_an_explicit_eligible_list_When_a_committee_below_a_listed_one_submits_Then_it_is_eligible()
    {
        var state = Given(Announced(details: Details(eligible: ["TV-KHOI-SGD"])));

        Assert.Null(Submit(state, Entry("s-1")).Rejection);
        ThenRejected(Submit(state, Entry("s-2", committee: "TV-KHOI"), path: BlocPath), RejectionKind.RuleViolation, "committeeCode");
    }

    [Fact]
    public void Given_an_eligible_cell_merged_into_another_When_the_successor_submits_Then_it_is_eligible_through_the_merged_cell()
    {
        var state = Given(Announced(details: Details(eligible: ["TV-KHOI-SGD"])));
        string[] successorPath = ["TV-KHOI-SYT", "TV-KHOI", "TV"];
        var merged = new Dictionary<string, string> { ["TV-KHOI-SGD"] = "TV-KHOI-SYT" };

        ThenRejected(Submit(state, Entry("s-1", committee: "TV-KHOI-SYT"), path: successorPath), RejectionKind.RuleViolation, "committeeCode");
        var decision = ContestDecisions.Submit(state, ContestDecisions.Normalize(Entry("s-1", committee: "TV-KHOI-SYT")), successorPath, During, merged);
        Assert.Equal(successorPath, Assert.IsType<EntrySubmitted>(Assert.Single(decision.Events)).CommitteePath);
    }

    [Fact]
    public void Given_an_open_contest_When_the_committee_is_unknown_Then_not_found_coded_for_a_fresh_lookup() =>
        Assert.Equal(RejectionCode.CommitteeUnknown,
            ThenRejected(Submit(Open, Entry("s-1", committee: "NOPE"), path: []), RejectionKind.NotFound, "committeeCode").Code);

    [Fact]
    public void Given_a_committee_code_that_is_malformed_When_submitted_Then_refused_without_a_code_since_no_lookup_would_change_it() =>
        Assert.Equal(RejectionCode.None,
            ThenRejected(Submit(Open, Entry("s-1", committee: "x y"), path: []), RejectionKind.Invalid, "committeeCode").Code);

    [Fact]
    public void Given_an_author_at_the_limit_When_they_submit_again_Then_refused_and_a_withdrawal_frees_a_place()
    {
        var state = Submitted(Submitted(Open, Entry("s-1")), Entry("s-2", title: "Bài hai"));

        ThenRejected(Submit(state, Entry("s-3", title: "Bài ba")), RejectionKind.RuleViolation, "authorName");
        // The same name typed in NFD is the same author.
        ThenRejected(Submit(state, Entry("s-3", author: "Nguyễn Văn An".Normalize(NormalizationForm.FormD), title: "Bài ba")), RejectionKind.RuleViolation, "authorName");

        var withdrawn = ContestDecisions.Withdraw(state, new WithdrawEntry("s-1"), OnRecord(1, Entry("s-1")), During).Events.Aggregate(state, ContestEvolution.Evolve);
        Assert.Null(Submit(withdrawn, Entry("s-3", title: "Bài ba")).Rejection);
    }

    [Theory]
    [InlineData("", "Tác giả", "Tiêu đề", 100, "submissionId")]
    [InlineData("id with space", "Tác giả", "Tiêu đề", 100, "submissionId")]
    [InlineData("s-1", " ", "Tiêu đề", 100, "authorName")]
    [InlineData("s-1", "Tác\u200Bgiả", "Tiêu đề", 100, "authorName")]
    [InlineData("s-1", "Tác giả", "", 100, "title")]
    [InlineData("s-1", "Tác giả", "Tiêu đề", 0, "words")]
    [InlineData("s-1", "Tác giả", "Tiêu đề", 100_001, "words")]
    public void Given_an_open_contest_When_the_entry_is_malformed_Then_invalid(string submissionId, string author, string title, int words, string field) =>
        ThenRejected(Submit(Open, new SubmitEntry(submissionId, author, "TV-KHOI-SGD", title, words, null, null)), RejectionKind.Invalid, field);

    [Fact]
    public void Given_a_quiz_When_an_entry_has_more_correct_than_answered_Then_invalid()
    {
        var quiz = Given(Announced(ContestKind.Quiz));

        ThenRejected(Submit(quiz, Entry("s-1") with { QuestionsAnswered = 20, QuestionsCorrect = 21 }), RejectionKind.Invalid, "questionsCorrect");
        ThenRejected(Submit(quiz, Entry("s-1")), RejectionKind.Invalid, "questionsAnswered");
        Assert.Null(Submit(quiz, Entry("s-1") with { QuestionsAnswered = 20, QuestionsCorrect = 18 }).Rejection);
    }

    [Fact]
    public void Given_a_writing_contest_When_an_entry_carries_quiz_answers_Then_invalid() =>
        ThenRejected(Submit(Open, Entry("s-1") with { QuestionsAnswered = 3, QuestionsCorrect = 1 }), RejectionKind.Invalid, "questionsAnswered");

    [Fact]
    public void Given_no_contest_When_submitting_Then_not_found() =>
        ThenRejected(Submit(Given(), Entry("s-1")), RejectionKind.NotFound, "contestId");

    [Fact]
    public void Given_a_cancelled_contest_When_submitting_Then_refused() =>
        ThenRejected(Submit(Given(Announced(), new ContestCancelled(Id, "Hoãn")), Entry("s-1")), RejectionKind.RuleViolation, "contestId");
}

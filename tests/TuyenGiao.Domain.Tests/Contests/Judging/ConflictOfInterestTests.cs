using TuyenGiao.Common;
using TuyenGiao.Contests;
using static TuyenGiao.Domain.Tests.Common.DecisionAssertions;
using static TuyenGiao.Domain.Tests.Contests.ContestSpec;
using static TuyenGiao.Domain.Tests.Contests.Judging.JudgingSpec;

namespace TuyenGiao.Domain.Tests.Contests.Judging;

public class ConflictOfInterestTests
{
    [Fact]
    public void Given_a_judge_who_scored_an_entry_When_they_declare_a_conflict_with_it_Then_the_score_is_set_aside_and_the_ranking_says_so()
    {
        var state = Scored(Scored(Panel(), 2, "L", 90), 2, "H", 60);
        Assert.Equal(75m, Ranking.Rank(state).Single().Score);

        var declared = ThenSingleEvent(Conflict(state, "L", 2, "  Người thân của tác giả "));
        state = Then(state, Decision.Accept(declared));

        Assert.Equal(new ConflictDeclared(Id, "L", 2, "Người thân của tác giả", false, Numbered(2)!.Facts), declared);
        var ranked = Ranking.Rank(state).Single();
        Assert.Equal((60m, 1, 1), (ranked.Score, ranked.Judges, ranked.ScoresSetAside));
        Assert.Equal(0, JudgeWork.ScoredCount(state, "L", 1));
    }

    [Fact]
    public void Given_a_conflict_recorded_in_error_When_the_organiser_lifts_it_Then_the_earlier_score_counts_again_and_the_judge_may_score()
    {
        var state = Scored(Scored(Panel(), 2, "L", 90), 2, "H", 60);
        state = Then(state, Conflict(state, "L", 2, byOrganiser: true));
        Assert.Equal(60m, Ranking.Rank(state).Single().Score);

        var lifted = ThenSingleEvent(JudgingDecisions.LiftConflict(state, new LiftConflict("L", 2, " Ghi nhầm giám khảo ")));
        state = Then(state, Decision.Accept(lifted));

        Assert.Equal(new ConflictLifted(Id, "L", 2, "Ghi nhầm giám khảo"), lifted);
        Assert.Equal((75m, 0), (Ranking.Rank(state).Single().Score, Ranking.Rank(state).Single().ScoresSetAside));
        ThenSingleEvent(Score(state, 2, "L", 95));
        Assert.Equal(5, JudgeWork.QueueSize(state, state.Judging.Judges["L"]));
    }

    [Fact]
    public void Given_no_such_conflict_or_no_reason_or_published_results_When_a_conflict_is_lifted_Then_refused()
    {
        var state = Then(Panel(), Conflict(Panel(), "L", 2));

        ThenRejected(JudgingDecisions.LiftConflict(state, new LiftConflict("H", 2, "Nhầm")), RejectionKind.NotFound, "entryNumber");
        ThenRejected(JudgingDecisions.LiftConflict(state, new LiftConflict("L", 3, "Nhầm")), RejectionKind.NotFound, "entryNumber");
        ThenRejected(JudgingDecisions.LiftConflict(state, new LiftConflict("L", 2, "  ")), RejectionKind.Invalid, "reason");
        var published = Then(state, JudgingDecisions.Publish(state, Closes));
        ThenRejected(JudgingDecisions.LiftConflict(published, new LiftConflict("L", 2, "Nhầm")), RejectionKind.RuleViolation, "contestId");
    }

    [Fact]
    public void Given_a_declared_conflict_When_the_judge_scores_the_entry_Then_refused_and_other_entries_still_scored()
    {
        var state = Then(Panel(), Conflict(Panel(), "L", 2));

        ThenRejected(Score(state, 2, "L", 90), RejectionKind.RuleViolation, "entryNumber");
        ThenSingleEvent(Score(state, 3, "L", 90));
        ThenSingleEvent(Score(state, 2, "H", 90));
    }

    [Fact]
    public void Given_an_entry_whose_only_score_is_set_aside_When_ranked_Then_it_is_not_ranked()
    {
        var state = Scored(Scored(Panel(), 2, "L", 90), 3, "L", 80);
        state = Then(state, Conflict(state, "L", 2));

        Assert.Equal([3], Ranking.Rank(state).Select(r => r.EntryNumber));
    }

    [Fact]
    public void Given_conflicts_When_the_judges_queue_is_sized_Then_each_conflicting_entry_still_in_leaves_it_once()
    {
        var state = Panel();
        var l = state.Judging.Judges["L"];
        Assert.Equal(5, JudgeWork.QueueSize(state, l));

        state = Then(state, Conflict(state, "L", 2));
        state = Then(state, Conflict(state, "L", 5, byOrganiser: true));
        state = Then(state, Conflict(state, "H", 3));

        Assert.Equal(3, JudgeWork.QueueSize(state, l));
        Assert.Equal([2, 5], JudgeWork.ConflictsInQueue(state, l).Order());
        var withdrawn = Then(state, ContestDecisions.Disqualify(state, new DisqualifyEntry(2, "Đạo văn"), Numbered(2)));
        Assert.Equal([5], JudgeWork.ConflictsInQueue(withdrawn, l));
        Assert.Equal(3, JudgeWork.QueueSize(withdrawn, l));
    }

    [Fact]
    public void Given_a_conflict_already_declared_When_declared_again_by_the_organiser_Then_nothing_is_recorded()
    {
        var state = Then(Panel(), Conflict(Panel(), "L", 2));

        ThenNothing(Conflict(state, "L", 2, "Đồng nghiệp", byOrganiser: true));
    }

    [Fact]
    public void Given_the_organiser_When_they_record_a_conflict_Then_the_event_says_it_was_them() =>
        Assert.True(((ConflictDeclared)ThenSingleEvent(Conflict(Panel(), "H", 4, "Thầy hướng dẫn", byOrganiser: true))).ByOrganiser);

    [Fact]
    public void Given_someone_off_the_panel_When_a_conflict_is_declared_Then_refused() =>
        ThenRejected(Conflict(Panel(), "stranger", 2), RejectionKind.RuleViolation, "judgeId");

    [Fact]
    public void Given_an_entry_not_in_the_read_model_or_another_one_found_When_a_conflict_is_declared_Then_not_found()
    {
        ThenRejected(Conflict(Panel(), "L", 9), RejectionKind.NotFound, "entryNumber");
        ThenRejected(JudgingDecisions.DeclareConflict(Panel(), new DeclareConflict("L", 9, "Người thân", false), Numbered(2)), RejectionKind.NotFound, "entryNumber");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Lý do\u0000")]
    public void Given_a_reason_that_is_not_text_When_a_conflict_is_declared_Then_invalid(string reason) =>
        ThenRejected(Conflict(Panel(), "L", 2, reason), RejectionKind.Invalid, "reason");

    [Fact]
    public void Given_published_results_When_a_conflict_is_declared_Then_refused()
    {
        var state = Then(Panel(), JudgingDecisions.Publish(Panel(), Closes));

        ThenRejected(Conflict(state, "L", 2), RejectionKind.RuleViolation, "contestId");
    }

    [Fact]
    public void Given_a_judge_of_the_province_When_the_contest_extends_conflicts_to_the_subtree_Then_no_entry_below_the_province_is_theirs_to_score()
    {
        var plain = Panel();
        var subtree = Panel(JudgingRules.Default with { ConflictsCoverSubtree = true });

        ThenSingleEvent(Score(plain, 5, "L", 80));
        var refused = ThenRejected(Score(subtree, 5, "L", 80), RejectionKind.RuleViolation, "entryNumber");
        Assert.Contains("below it", refused.Reason);
        Assert.Equal((5, 0), (JudgeWork.QueueSize(plain, plain.Judging.Judges["L"]), JudgeWork.QueueSize(subtree, subtree.Judging.Judges["L"])));
        // H sits for another bloc: neither its own committee nor above any entry, so the rule leaves H's queue whole.
        ThenSingleEvent(Score(subtree, 5, "H", 80));
        Assert.Equal(5, JudgeWork.QueueSize(subtree, subtree.Judging.Judges["H"]));
    }

    [Fact]
    public void Given_a_judge_of_the_bloc_When_the_subtree_rule_is_on_Then_the_cells_entries_are_refused_and_without_it_only_the_blocs_own()
    {
        var plain = Then(Panel(), JudgingDecisions.AssignJudge(Panel(), new AssignJudge("B", "Giám khảo Bình", "TV-KHOI"), true));
        var subtreeRules = Panel(JudgingRules.Default with { ConflictsCoverSubtree = true });
        var subtree = Then(subtreeRules, JudgingDecisions.AssignJudge(subtreeRules, new AssignJudge("B", "Giám khảo Bình", "TV-KHOI"), true));

        ThenSingleEvent(Score(plain, 1, "B", 80));
        var own = ThenRejected(Score(plain, 5, "B", 80), RejectionKind.RuleViolation, "entryNumber");
        Assert.Equal("a judge may not score entries from their own committee", own.Reason);
        ThenRejected(Score(subtree, 1, "B", 80), RejectionKind.RuleViolation, "entryNumber");
        Assert.Equal((4, 0), (JudgeWork.QueueSize(plain, plain.Judging.Judges["B"]), JudgeWork.QueueSize(subtree, subtree.Judging.Judges["B"])));
    }
}

using TuyenGiao.Common;
using TuyenGiao.Contests;
using static TuyenGiao.Domain.Tests.Contests.ContestSpec;
using static TuyenGiao.Domain.Tests.Common.DecisionAssertions;

namespace TuyenGiao.Domain.Tests.Contests;

public class JudgingTests
{
    private static Contest Then(Contest state, Decision decision)
    {
        Assert.Null(decision.Rejection);
        return decision.Events.Aggregate(state, ContestEvolution.Evolve);
    }

    /// <summary>Three entries from the SGD cell, two from the bloc itself; judges from the province and another cell.</summary>
    private static Contest WithEntries()
    {
        var state = Given(Announced());
        for (var i = 1; i <= 3; i++)
            state = Submitted(state, Entry($"sgd-{i}", author: $"Tác giả {i}"));
        for (var i = 4; i <= 5; i++)
            state = Submitted(state, Entry($"khoi-{i}", author: $"Tác giả {i}", committee: "TV-KHOI"), BlocPath);
        state = Then(state, JudgingDecisions.AssignJudge(state, new AssignJudge("j1", "Giám khảo Một", "TV"), committeeExists: true));
        return Then(state, JudgingDecisions.AssignJudge(state, new AssignJudge("j2", "Giám khảo Hai", "TV-KHOI-SGD"), committeeExists: true));
    }

    /// <summary>Entry <paramref name="number"/> of <see cref="WithEntries"/> as the read model holds it; null past the five.</summary>
    private static EntryOnRecord? Numbered(int? number) => number switch
    {
        >= 1 and <= 3 => OnRecord(number.Value, Entry($"sgd-{number}", author: $"Tác giả {number}")),
        >= 4 and <= 5 => OnRecord(number.Value, Entry($"khoi-{number}", author: $"Tác giả {number}", committee: "TV-KHOI"), BlocPath),
        _ => null,
    };

    private static Decision Score(Contest state, ScoreEntry command) => JudgingDecisions.Score(state, command, Numbered(command.EntryNumber));

    private static Decision Grant(Contest state, GrantAward command, bool committeeExists) =>
        JudgingDecisions.Grant(state, command, committeeExists, command.Collective ? null : Numbered(command.EntryNumber));

    private static Decision Correct(Contest state, CorrectAward command, bool committeeExists) =>
        JudgingDecisions.Correct(state, command, committeeExists, command.Collective ? null : Numbered(command.ToEntryNumber));

    private static Contest Scored(Contest state, int entry, string judge, int score, int round = 1) =>
        Then(state, Score(state, new ScoreEntry(entry, judge, round, score)));

    [Fact]
    public void Given_scores_in_two_rounds_by_two_judges_When_a_judge_reads_their_work_Then_their_own_scores_in_the_round_and_the_count_of_entries_still_in()
    {
        var state = Scored(WithEntries(), 4, "j2", 70);
        state = Scored(state, 4, "j2", 85);
        state = Scored(state, 5, "j2", 60);
        state = Scored(state, 1, "j1", 90);
        state = Scored(state, 4, "j2", 40, round: 2);

        Assert.Equal((85, 60, (int?)null, 40), (JudgeWork.ScoreOf(state, "j2", 1, 4), JudgeWork.ScoreOf(state, "j2", 1, 5),
            JudgeWork.ScoreOf(state, "j2", 1, 1), JudgeWork.ScoreOf(state, "j2", 2, 4)));
        Assert.Null(JudgeWork.ScoreOf(state, "j1", 1, 4));
        Assert.Equal((2, 1, 1, 0), (JudgeWork.ScoredCount(state, "j2", 1), JudgeWork.ScoredCount(state, "j2", 2),
            JudgeWork.ScoredCount(state, "j1", 1), JudgeWork.ScoredCount(state, "j1", 2)));

        // j2 sits for the SGD cell (entries 1 to 3): its queue is the bloc's two; j1's is all five.
        Assert.Equal((2, 5), (JudgeWork.QueueSize(state, state.Judging.Judges["j2"]), JudgeWork.QueueSize(state, state.Judging.Judges["j1"])));

        var disqualified = Then(state, ContestDecisions.Disqualify(state, new DisqualifyEntry(5, "Vi phạm thể lệ"), Numbered(5)));

        Assert.Equal((1, 1, 4), (JudgeWork.ScoredCount(disqualified, "j2", 1), JudgeWork.QueueSize(disqualified, state.Judging.Judges["j2"]),
            JudgeWork.QueueSize(disqualified, state.Judging.Judges["j1"])));
    }

    [Fact]
    public void Given_a_judge_When_scoring_an_entry_of_their_own_committee_Then_refused() =>
        ThenRejected(Score(WithEntries(), new ScoreEntry(1, "j2", 1, 90)), RejectionKind.RuleViolation, "entryNumber");

    [Theory]
    [InlineData(-1, 1, "score")]
    [InlineData(101, 1, "score")]
    [InlineData(50, 0, "round")]
    public void Given_a_judge_When_the_score_or_round_is_out_of_range_Then_invalid(int score, int round, string field) =>
        ThenRejected(Score(WithEntries(), new ScoreEntry(4, "j2", round, score)), RejectionKind.Invalid, field);

    [Fact]
    public void Given_a_judge_When_the_entry_is_not_in_the_read_model_or_another_one_was_found_Then_not_found()
    {
        var state = WithEntries();

        ThenRejected(JudgingDecisions.Score(state, new ScoreEntry(9, "j1", 1, 80), null), RejectionKind.NotFound, "entryNumber");
        ThenRejected(JudgingDecisions.Score(state, new ScoreEntry(9, "j1", 1, 80), Numbered(4)), RejectionKind.NotFound, "entryNumber");
        ThenRejected(JudgingDecisions.Grant(state, new GrantAward("Giải nhất", false, 9, null, "Xuất sắc"), true, Numbered(4)), RejectionKind.NotFound, "entryNumber");
    }

    [Fact]
    public void Given_someone_off_the_panel_When_scoring_Then_refused() =>
        ThenRejected(Score(WithEntries(), new ScoreEntry(1, "stranger", 1, 80)), RejectionKind.RuleViolation, "judgeId");

    [Fact]
    public void Given_a_score_When_the_judge_rescores_the_same_entry_and_round_Then_the_new_score_supersedes()
    {
        var state = Scored(Scored(WithEntries(), 4, "j2", 60), 4, "j2", 85);

        Assert.Equal(85m, Ranking.Rank(state).Single().Score);
        Assert.Empty(Score(state, new ScoreEntry(4, "j2", 1, 85)).Events);
    }

    [Fact]
    public void Given_five_judges_When_scored_Then_the_highest_and_lowest_are_trimmed() =>
        Assert.Equal(80m, Ranking.Score([100, 80, 80, 80, 10]));

    [Fact]
    public void Given_four_judges_When_scored_Then_the_plain_mean_counts() =>
        Assert.Equal(87.5m, Ranking.Score([100, 80, 80, 90]));

    [Fact]
    public void Given_equal_scores_When_ranked_Then_the_earlier_entry_ranks_first_and_a_later_round_ranks_above_all()
    {
        var state = WithEntries();
        state = Scored(state, 3, "j1", 90);
        state = Scored(state, 2, "j1", 90);
        state = Scored(state, 1, "j1", 70);
        state = Scored(state, 1, "j1", 60, round: 2);

        var ranking = Ranking.Rank(state);

        Assert.Equal([1, 2, 3], ranking.Select(r => r.EntryNumber));
        Assert.Equal([1, 2, 3], ranking.Select(r => r.Place));
    }

    [Fact]
    public void Given_a_ranking_When_awards_are_granted_from_it_Then_tiers_fill_in_order_and_never_beyond_their_counts()
    {
        var state = WithEntries();
        foreach (var (entry, score) in new[] { (1, 95), (2, 90), (3, 85), (4, 80), (5, 75) })
            state = Scored(state, entry, "j1", score);

        state = Then(state, JudgingDecisions.GrantFromRanking(state));

        var tiers = ContestTallies.Build(state, 1, During).Awards.ToDictionary(t => t.Tier);
        Assert.Equal([1], tiers["Giải nhất"].Holders.Select(h => h.EntryNumber));
        Assert.Equal([2, 3], tiers["Giải nhì"].Holders.Select(h => h.EntryNumber));
        Assert.Equal([4, 5], tiers["Giải ba"].Holders.Select(h => h.EntryNumber));
        Assert.Empty(JudgingDecisions.GrantFromRanking(state).Events);
        ThenRejected(Grant(state, new GrantAward("Giải nhất", false, 5, null, "Xuất sắc"), true), RejectionKind.Conflict, "tier");
    }

    [Fact]
    public void Given_awards_When_tallied_per_committee_Then_individual_awards_roll_up_and_collective_ones_stay_with_their_committee()
    {
        var state = Scored(WithEntries(), 1, "j1", 95);
        state = Then(state, JudgingDecisions.GrantFromRanking(state));
        state = Then(state, Grant(state, new GrantAward("Giải nhất tập thể", true, null, "TV-KHOI-SGD", "Đơn vị có nhiều bài dự thi nhất"), true));

        var byCode = ContestTallies.Build(state, 1, During).AwardsByCommittee.ToDictionary(c => c.Code);

        Assert.Equal(new CommitteeAwards("TV-KHOI-SGD", 1, 1), byCode["TV-KHOI-SGD"]);
        Assert.Equal(new CommitteeAwards("TV", 1, 0), byCode["TV"]);
    }

    [Fact]
    public void Given_a_direct_grant_When_it_has_no_reason_or_an_unknown_tier_Then_refused()
    {
        var state = WithEntries();

        ThenRejected(Grant(state, new GrantAward("Giải nhất", false, 1, null, " "), true), RejectionKind.Invalid, "reason");
        ThenRejected(Grant(state, new GrantAward("Giải đặc biệt", false, 1, null, "Lý do"), true), RejectionKind.NotFound, "tier");
        ThenRejected(Grant(state, new GrantAward("Giải nhất tập thể", true, null, "NOPE", "Lý do"), false), RejectionKind.NotFound, "committeeCode");
    }

    [Fact]
    public void Given_published_results_When_scoring_granting_or_disqualifying_Then_frozen_but_a_correction_is_recorded()
    {
        var state = Scored(Scored(WithEntries(), 1, "j1", 95), 2, "j1", 90);
        state = Then(state, JudgingDecisions.GrantFromRanking(state));
        ThenRejected(JudgingDecisions.Publish(state, During), RejectionKind.RuleViolation, "contestId");
        state = Then(state, JudgingDecisions.Publish(state, Closes));

        ThenRejected(Score(state, new ScoreEntry(3, "j1", 1, 99)), RejectionKind.RuleViolation, "contestId");
        ThenRejected(JudgingDecisions.GrantFromRanking(state), RejectionKind.RuleViolation, "contestId");
        ThenRejected(ContestDecisions.Disqualify(state, new DisqualifyEntry(1, "Đạo văn"), Numbered(1)), RejectionKind.RuleViolation, "entryNumber");

        var corrected = Then(state, Correct(state, new CorrectAward("Giải nhất", false, 1, null, 3, null, "Phát hiện đạo văn sau công bố"), true));
        var first = ContestTallies.Build(corrected, 1, Closes).Awards.Single(t => t.Tier == "Giải nhất");
        Assert.Equal([3], first.Holders.Select(h => h.EntryNumber));
        Assert.True(ContestTallies.Build(corrected, 1, Closes).ResultsPublished);
    }

    [Fact]
    public void Given_grants_of_each_kind_When_recorded_Then_an_individual_names_only_its_entry_and_a_collective_only_its_committee()
    {
        var state = WithEntries();

        var individual = Assert.IsType<AwardGranted>(Assert.Single(Grant(state,
            new GrantAward("Giải nhất", false, 2, "TV-KHOI-SGD", "Xuất sắc"), true).Events));
        var collective = Assert.IsType<AwardGranted>(Assert.Single(Grant(state,
            new GrantAward("Giải nhất tập thể", true, 2, "tv-khoi-sgd", "Nhiều bài nhất"), true).Events));

        Assert.Equal((false, (int?)2, (string?)null), (individual.Collective, individual.EntryNumber, individual.CommitteeCode));
        Assert.Equal((true, (int?)null, (string?)"TV-KHOI-SGD"), (collective.Collective, collective.EntryNumber, collective.CommitteeCode));
        Assert.Contains("no collective tier", ThenRejected(Grant(state, new GrantAward("Giải nhất", true, null, "TV", "Lý do"), true),
            RejectionKind.NotFound, "tier").Reason);
        Assert.Contains("no individual tier", ThenRejected(Grant(state, new GrantAward("Giải nhất tập thể", false, 1, null, "Lý do"), true),
            RejectionKind.NotFound, "tier").Reason);
    }

    [Fact]
    public void Given_published_awards_of_each_kind_When_corrected_Then_the_award_is_found_by_its_kind_and_holder_and_moves_to_the_new_one()
    {
        var state = WithEntries();
        state = Then(state, Grant(state, new GrantAward("Giải nhất", false, 1, null, "Xuất sắc"), true));
        state = Then(state, Grant(state, new GrantAward("Giải nhất tập thể", true, null, "TV-KHOI-SGD", "Nhiều bài nhất"), true));
        state = Then(state, JudgingDecisions.Publish(state, Closes));

        var collective = Assert.IsType<AwardCorrected>(Assert.Single(Correct(state,
            new CorrectAward("Giải nhất tập thể", true, 1, "tv-khoi-sgd", 2, "tv-khoi", "Đếm lại"), true).Events));
        Assert.Equal(((int?)null, (string?)"TV-KHOI-SGD", (int?)null, (string?)"TV-KHOI"),
            (collective.FromEntryNumber, collective.FromCommitteeCode, collective.ToEntryNumber, collective.ToCommitteeCode));
        var individual = Assert.IsType<AwardCorrected>(Assert.Single(Correct(state,
            new CorrectAward("Giải nhất", false, 1, "TV-KHOI-SGD", 3, "TV-KHOI", "Đạo văn"), true).Events));
        Assert.Equal(((int?)1, (string?)null, (int?)3, (string?)null),
            (individual.FromEntryNumber, individual.FromCommitteeCode, individual.ToEntryNumber, individual.ToCommitteeCode));

        // The holder must match the kind: no collective award is held by entry 1, no individual one by a committee.
        ThenRejected(Correct(state, new CorrectAward("Giải nhất tập thể", true, 1, "TV-KHOI", 2, "TV", "Lý do"), true), RejectionKind.NotFound, "from");
        ThenRejected(Correct(state, new CorrectAward("Giải nhất", false, 2, null, 3, null, "Lý do"), true), RejectionKind.NotFound, "from");
        ThenRejected(Correct(state, new CorrectAward("Giải nhì", false, 1, null, 3, null, "Lý do"), true), RejectionKind.NotFound, "from");
        ThenRejected(Correct(state, new CorrectAward("Giải nhất", false, 1, null, 1, null, "Lý do"), true), RejectionKind.Conflict, "toEntryNumber");
    }

    [Fact]
    public void Given_an_entry_holding_a_collective_award_as_a_committee_When_it_is_granted_an_individual_award_Then_it_is_allowed()
    {
        var state = WithEntries();
        state = Then(state, Grant(state, new GrantAward("Giải nhất tập thể", true, null, "TV-KHOI-SGD", "Nhiều bài nhất"), true));

        Assert.Single(Grant(state, new GrantAward("Giải nhất", false, 1, null, "Xuất sắc"), true).Events);
    }

    [Fact]
    public void Given_a_tier_with_places_left_When_filled_from_the_ranking_Then_only_the_free_places_are_filled()
    {
        var state = Scored(Scored(Scored(WithEntries(), 1, "j1", 95), 2, "j1", 90), 3, "j1", 85);
        state = Then(state, Grant(state, new GrantAward("Giải nhì", false, 5, null, "Trực tiếp"), true));

        var granted = JudgingDecisions.GrantFromRanking(state).Events.Cast<AwardGranted>().ToList();

        Assert.Equal(1, granted.Count(g => g.Tier == "Giải nhì"));
        Assert.Equal(1, granted.Count(g => g.Tier == "Giải nhất"));
    }

    [Fact]
    public void Given_an_awarded_entry_When_it_is_disqualified_before_publication_Then_it_leaves_the_awards()
    {
        var state = Scored(WithEntries(), 1, "j1", 95);
        state = Then(state, JudgingDecisions.GrantFromRanking(state));

        state = Then(state, ContestDecisions.Disqualify(state, new DisqualifyEntry(1, "Vi phạm thể lệ"), Numbered(1)));

        Assert.Equal(0, ContestTallies.Build(state, 1, During).Awards.Single(t => t.Tier == "Giải nhất").Granted);
    }
}

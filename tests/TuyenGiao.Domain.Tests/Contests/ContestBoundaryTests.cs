using TuyenGiao.Committees;
using TuyenGiao.Common;
using TuyenGiao.Contests;
using static TuyenGiao.Contests.ContestDecisions;
using static TuyenGiao.Domain.Tests.Contests.ContestSpec;
using static TuyenGiao.Domain.Tests.Common.DecisionAssertions;

namespace TuyenGiao.Domain.Tests.Contests;

/// <summary>The limits of the contest and judging rules on both sides: the last value in, the first one out.</summary>
public class ContestBoundaryTests
{
    private static readonly Committee Bloc = new("committee/TV-KHOI", "TV-KHOI", "Đảng ủy Khối", CommitteeLevel.Bloc, "TV", 6_110, true);

    private static Decision Announcing(ContestDetails details, ContestKind kind = ContestKind.Writing) =>
        Announce(Given(), new AnnounceContest("TV-KHOI", kind, details), Bloc, []);

    private static void ThenAcceptedOrRejected(Decision decision, string? refusedField)
    {
        if (refusedField is null)
            Assert.Single(decision.Events);
        else
            ThenRejected(decision, RejectionKind.Invalid, refusedField);
    }

    [Theory]
    [InlineData(1, 1, null)]
    [InlineData(MaxTarget, MaxPerAuthorLimit, null)]
    [InlineData(0, 1, "target")]
    [InlineData(MaxTarget + 1, 1, "target")]
    [InlineData(1, 0, "perAuthorLimit")]
    [InlineData(1, MaxPerAuthorLimit + 1, "perAuthorLimit")]
    public void Given_a_target_and_a_per_author_limit_at_and_past_their_bounds_When_announced_Then_each_bound_is_inclusive(int target, int perAuthor,
        string? refusedField) =>
        ThenAcceptedOrRejected(Announcing(Details(target: target, perAuthor: perAuthor)), refusedField);

    [Fact]
    public void Given_a_description_at_the_limit_one_over_or_missing_When_announced_Then_the_limit_is_inclusive_and_missing_is_empty()
    {
        ThenAcceptedOrRejected(Announcing(Details() with { Description = new string('a', MaxDescriptionLength) }), null);
        ThenAcceptedOrRejected(Announcing(Details() with { Description = new string('a', MaxDescriptionLength + 1) }), "description");
        var announced = Assert.IsType<ContestAnnounced>(Assert.Single(Announcing(Details() with { Description = null! }).Events));
        Assert.Equal("", announced.Details.Description);
    }

    [Fact]
    public void Given_prize_tiers_at_the_limit_or_one_over_When_announced_Then_both_lists_are_checked()
    {
        PrizeTier[] Tiers(int n) => [.. Enumerable.Range(1, n).Select(i => new PrizeTier($"Giải {i}", 1))];

        ThenAcceptedOrRejected(Announcing(Details() with { IndividualPrizes = Tiers(MaxPrizeTiers), CollectivePrizes = Tiers(MaxPrizeTiers) }), null);
        ThenAcceptedOrRejected(Announcing(Details() with { IndividualPrizes = Tiers(MaxPrizeTiers + 1) }), "individualPrizes");
        ThenAcceptedOrRejected(Announcing(Details() with { CollectivePrizes = Tiers(MaxPrizeTiers + 1) }), "collectivePrizes");
        ThenAcceptedOrRejected(Announcing(Details() with { CollectivePrizes = [new PrizeTier("Tập thể", 0)] }), "collectivePrizes");
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(1_000, null)]
    [InlineData(0, "individualPrizes")]
    [InlineData(1_001, "individualPrizes")]
    public void Given_a_tier_granted_at_and_past_its_bounds_When_announced_Then_1_to_1000_is_allowed(int count, string? refusedField) =>
        ThenAcceptedOrRejected(Announcing(Details() with { IndividualPrizes = [new PrizeTier("Giải nhất", count)] }), refusedField);

    [Fact]
    public void Given_eligible_committees_named_twice_in_any_case_When_announced_Then_they_are_kept_once_each_in_order()
    {
        var announced = Assert.IsType<ContestAnnounced>(Assert.Single(Announcing(Details(eligible: ["tv-khoi-syt", "TV-KHOI-SGD", "TV-KHOI-SYT"])).Events));

        Assert.Equal(["TV-KHOI-SGD", "TV-KHOI-SYT"], announced.Details.EligibleCommittees);
    }

    private static readonly Contest Open = Given(Announced());
    private static readonly Contest Quiz = Given(Announced(ContestKind.Quiz));

    [Theory]
    [InlineData(1, null)]
    [InlineData(MaxWords, null)]
    [InlineData(0, "words")]
    [InlineData(MaxWords + 1, "words")]
    public void Given_words_at_and_past_their_bounds_When_submitted_Then_each_bound_is_inclusive(int words, string? refusedField) =>
        ThenAcceptedOrRejected(ContestDecisions.Submit(Open, Normalize(Entry("s-1") with { Words = words }), CellPath, During), refusedField);

    [Theory]
    [InlineData(1, 0, null)]
    [InlineData(1, 1, null)]
    [InlineData(MaxQuizQuestions, MaxQuizQuestions, null)]
    [InlineData(0, 0, "questionsAnswered")]
    [InlineData(MaxQuizQuestions + 1, 1, "questionsAnswered")]
    [InlineData(10, 11, "questionsCorrect")]
    [InlineData(10, -1, "questionsCorrect")]
    public void Given_quiz_answers_at_and_past_their_bounds_When_submitted_Then_correct_lies_between_0_and_answered(int answered, int correct,
        string? refusedField) =>
        ThenAcceptedOrRejected(ContestDecisions.Submit(Quiz, Normalize(Entry("q-1") with { QuestionsAnswered = answered, QuestionsCorrect = correct }), CellPath, During),
            refusedField);

    [Fact]
    public void Given_a_writing_contest_When_an_entry_carries_only_questions_correct_Then_that_field_is_named()
    {
        ThenRejected(ContestDecisions.Submit(Open, Normalize(Entry("s-1") with { QuestionsCorrect = 3 }), CellPath, During), RejectionKind.Invalid, "questionsCorrect");
        ThenRejected(ContestDecisions.Submit(Open, Normalize(Entry("s-1") with { QuestionsAnswered = 3 }), CellPath, During), RejectionKind.Invalid, "questionsAnswered");
    }

    [Fact]
    public void Given_a_limit_of_one_or_two_entries_per_author_When_exceeded_Then_the_reason_counts_in_the_singular_or_the_plural()
    {
        var one = Submitted(Given(Announced(details: Details(perAuthor: 1))), Entry("s-1"));
        var two = Submitted(Submitted(Given(Announced(details: Details(perAuthor: 2))), Entry("s-1")), Entry("s-2"));

        Assert.EndsWith("already has 1 entry, the most one author may submit",
            ThenRejected(ContestDecisions.Submit(one, Normalize(Entry("s-9")), CellPath, During), RejectionKind.RuleViolation, "authorName").Reason);
        Assert.EndsWith("already has 2 entries, the most one author may submit",
            ThenRejected(ContestDecisions.Submit(two, Normalize(Entry("s-9")), CellPath, During), RejectionKind.RuleViolation, "authorName").Reason);
    }

    [Theory]
    [InlineData(0, 1, null)]
    [InlineData(JudgingDecisions.MaxScore, JudgingDecisions.MaxRound, null)]
    [InlineData(-1, 1, "score")]
    [InlineData(JudgingDecisions.MaxScore + 1, 1, "score")]
    [InlineData(50, 0, "round")]
    [InlineData(50, JudgingDecisions.MaxRound + 1, "round")]
    public void Given_a_score_and_a_round_at_and_past_their_bounds_When_scored_Then_each_bound_is_inclusive(int score, int round, string? refusedField)
    {
        var state = Submitted(Open, Entry("s-1"));
        state = JudgingDecisions.AssignJudge(state, new AssignJudge("j1", "Giám khảo", "TV"), committeeExists: true).Events.Aggregate(state, ContestEvolution.Evolve);

        ThenAcceptedOrRejected(JudgingDecisions.Score(state, new ScoreEntry(1, "j1", round, score), OnRecord(1, Entry("s-1"))), refusedField);
    }

    [Fact]
    public void Given_a_judge_on_the_panel_When_assigned_again_Then_the_same_records_nothing_and_another_name_is_recorded()
    {
        var assign = new AssignJudge("j1", "Giám khảo", "TV");
        var state = JudgingDecisions.AssignJudge(Open, assign, committeeExists: true).Events.Aggregate(Open, ContestEvolution.Evolve);

        ThenNothing(JudgingDecisions.AssignJudge(state, assign, committeeExists: true));
        Assert.Single(JudgingDecisions.AssignJudge(state, assign with { Name = "Giám khảo Hai" }, committeeExists: true).Events);
    }
}

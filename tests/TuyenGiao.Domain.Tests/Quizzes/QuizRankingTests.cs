using TuyenGiao.Quizzes;

namespace TuyenGiao.Domain.Tests.Quizzes;

/// <summary>The four levels of the ranking, ties at each, and which attempt counts for a person.</summary>
public class QuizRankingTests
{
    private static readonly DateTimeOffset At = new(2023, 6, 6, 20, 0, 0, TimeSpan.FromHours(7));

    private static AttemptOutcome Outcome(string person, int correct, long? prediction, int seconds, int endedMinute, string? attemptId = null) =>
        new(attemptId ?? $"{person}-1", person, correct, prediction, TimeSpan.FromSeconds(seconds), At.AddMinutes(endedMinute));

    private static IEnumerable<(int Rank, string Person)> Order(RoundRanking ranking) => ranking.Ranking.Select(r => (r.Rank, r.Attempt.Participant));

    [Fact]
    public void Given_different_scores_When_ranked_Then_most_correct_first_whatever_the_rest()
    {
        var ranking = QuizRanking.Rank([Outcome("a", 3, 2, 10, 1), Outcome("b", 5, 900, 900, 9), Outcome("c", 4, 2, 10, 1)], 5, AttemptCounting.Best);

        Assert.Equal([(1, "b"), (2, "c"), (3, "a")], Order(ranking));
        Assert.Equal(1, ranking.AllCorrect);
    }

    [Fact]
    public void Given_equal_scores_When_ranked_Then_the_prediction_closest_to_the_number_all_correct_wins_from_above_or_below()
    {
        // Four people answered everything right: predictions 4 (off 0), 6 (off 2), 3 (off 1), none (last of them).
        var ranking = QuizRanking.Rank([
            Outcome("above", 5, 6, 60, 1), Outcome("exact", 5, 4, 300, 9), Outcome("below", 5, 3, 100, 1), Outcome("none", 5, null, 10, 0),
        ], 5, AttemptCounting.Best);

        Assert.Equal(4, ranking.AllCorrect);
        Assert.Equal(["exact", "below", "above", "none"], ranking.Ranking.Select(r => r.Attempt.Participant));
        Assert.Equal([0L, 1L, 2L, null], ranking.Ranking.Select(r => r.PredictionOff));
    }

    [Fact]
    public void Given_a_prediction_tie_When_ranked_Then_the_shorter_time_wins_then_the_earlier_submission()
    {
        // Nobody answered all right (0): the predictions 1 and 1 tie, as do 2 and 2.
        var ranking = QuizRanking.Rank([
            Outcome("slow", 4, 1, 500, 1), Outcome("fast", 4, 1, 100, 9), Outcome("late", 4, 2, 100, 9), Outcome("early", 4, 2, 100, 5),
        ], 5, AttemptCounting.Best);

        Assert.Equal(0, ranking.AllCorrect);
        Assert.Equal([(1, "fast"), (2, "slow"), (3, "early"), (4, "late")], Order(ranking));
    }

    [Fact]
    public void Given_people_equal_at_every_level_When_ranked_Then_they_share_a_rank_and_the_next_rank_skips()
    {
        var ranking = QuizRanking.Rank([
            Outcome("x", 4, 1, 100, 5), Outcome("a", 4, 1, 100, 5), Outcome("first", 5, 1, 100, 5), Outcome("after", 4, 1, 100, 6),
        ], 5, AttemptCounting.Best);

        Assert.Equal([(1, "first"), (2, "a"), (2, "x"), (4, "after")], Order(ranking));
    }

    [Fact]
    public void Given_several_attempts_of_a_person_When_the_best_counts_Then_the_most_correct_then_the_quickest()
    {
        var attempts = new[]
        {
            Outcome("an", 3, 1, 60, 1, "an-1"), Outcome("an", 4, 1, 300, 20, "an-2"), Outcome("an", 4, 1, 200, 40, "an-3"),
        };

        Assert.Equal("an-3", QuizRanking.Counted(attempts, AttemptCounting.Best).AttemptId);
        Assert.Equal("an-1", QuizRanking.Counted(attempts.Reverse(), AttemptCounting.First).AttemptId);
        var ranking = QuizRanking.Rank(attempts.Append(Outcome("binh", 4, 1, 250, 2)), 5, AttemptCounting.Best);
        Assert.Equal([(1, "an"), (2, "binh")], Order(ranking));
        Assert.Equal([(1, "binh"), (2, "an")], Order(QuizRanking.Rank(attempts.Append(Outcome("binh", 4, 1, 250, 2)), 5, AttemptCounting.First)));
    }

    [Fact]
    public void Given_two_attempts_that_ended_at_the_same_moment_When_either_counting_applies_Then_the_one_of_the_lower_id()
    {
        var attempts = new[] { Outcome("an", 4, 1, 60, 3, "an-2"), Outcome("an", 4, 1, 60, 3, "an-1") };

        Assert.Equal("an-1", QuizRanking.Counted(attempts, AttemptCounting.First).AttemptId);
        Assert.Equal("an-1", QuizRanking.Counted(attempts, AttemptCounting.Best).AttemptId);
    }

    [Fact]
    public void Given_two_people_apart_only_by_their_prediction_When_ranked_Then_they_do_not_share_a_rank()
    {
        var ranking = QuizRanking.Rank([Outcome("near", 4, 1, 100, 5), Outcome("far", 4, 9, 100, 5)], 5, AttemptCounting.Best);

        Assert.Equal([(1, "near"), (2, "far")], Order(ranking));
    }

    [Fact]
    public void Given_two_attempts_equal_in_all_but_their_end_When_the_best_counts_Then_the_earlier_one()
    {
        var attempts = new[] { Outcome("an", 4, 1, 60, 9, "an-late"), Outcome("an", 4, 1, 60, 3, "an-early") };

        Assert.Equal("an-early", QuizRanking.Counted(attempts, AttemptCounting.Best).AttemptId);
    }

    [Fact]
    public void Given_the_all_correct_count_When_a_person_has_many_attempts_Then_they_count_once_by_their_counted_attempt()
    {
        var ranking = QuizRanking.Rank([
            Outcome("an", 5, 1, 60, 1, "an-1"), Outcome("an", 5, 1, 50, 2, "an-2"), Outcome("binh", 2, 1, 60, 1), Outcome("binh", 5, 1, 60, 3, "binh-2"),
        ], 5, AttemptCounting.First);

        Assert.Equal(1, ranking.AllCorrect);
        Assert.Equal(2, ranking.Ranking.Count);
    }
}

/// <summary>The ranking over every round: the round's levels summed, a round not taken counting nothing.</summary>
public class QuizOverallRankingTests
{
    private static readonly DateTimeOffset At = new(2023, 6, 6, 20, 0, 0, TimeSpan.FromHours(7));

    private static AttemptOutcome Outcome(string person, int correct, long? prediction, int seconds, int endedMinute) =>
        new($"{person}-1", person, correct, prediction, TimeSpan.FromSeconds(seconds), At.AddMinutes(endedMinute));

    private static RoundRanking Round(params AttemptOutcome[] attempts) => QuizRanking.Rank(attempts, 5, AttemptCounting.Best);

    private static IEnumerable<(int Rank, string Person)> Order(RoundRanking ranking) => ranking.Ranking.Select(r => (r.Rank, r.Attempt.Participant));

    [Fact]
    public void Given_two_rounds_When_ranked_overall_Then_the_total_of_correct_answers_comes_first_and_a_round_not_taken_counts_nothing()
    {
        var overall = QuizRanking.RankOverall([
            Round(Outcome("steady", 4, 1, 100, 1), Outcome("once", 5, 1, 10, 1), Outcome("twice", 3, 1, 10, 1)),
            Round(Outcome("steady", 4, 1, 100, 1), Outcome("twice", 4, 1, 10, 1)),
        ], 5);

        Assert.Equal([(1, "steady"), (2, "twice"), (3, "once")], Order(overall));
        Assert.Equal([8, 7, 5], overall.Ranking.Select(r => r.Attempt.Correct));
        Assert.Equal(0, overall.AllCorrect);
    }

    [Fact]
    public void Given_equal_totals_When_ranked_overall_Then_fewer_rounds_without_a_prediction_then_the_smaller_total_distance()
    {
        // In each round nobody answered every question right, so each prediction is off by itself.
        // The same times and ends throughout: only the predictions tell them apart.
        var overall = QuizRanking.RankOverall([
            Round(Outcome("close", 4, 3, 100, 1), Outcome("silent", 4, null, 100, 1), Outcome("exact", 4, 0, 100, 1)),
            Round(Outcome("close", 4, 3, 100, 1), Outcome("silent", 4, 0, 100, 1), Outcome("exact", 4, 10, 100, 1)),
        ], 5);

        // close: off 3 + 3 = 6; exact: 0 + 10 = 10; silent: one round without a prediction, whatever its distance (0).
        Assert.Equal([(1, "close"), (2, "exact"), (3, "silent")], Order(overall));
        Assert.Equal([6L, 10L, 0L], overall.Ranking.Select(r => r.PredictionOff));
    }

    [Fact]
    public void Given_equal_totals_and_predictions_When_ranked_overall_Then_the_shorter_total_time_then_the_earlier_last_end_and_full_ties_share()
    {
        var overall = QuizRanking.RankOverall([
            Round(Outcome("slow", 5, 1, 300, 1), Outcome("quick", 5, 1, 100, 9), Outcome("late", 5, 1, 100, 9), Outcome("twin", 5, 1, 100, 9)),
            Round(Outcome("slow", 5, 1, 300, 2), Outcome("quick", 5, 1, 100, 9), Outcome("late", 5, 1, 100, 30), Outcome("twin", 5, 1, 100, 9)),
        ], 5);

        Assert.Equal([(1, "quick"), (1, "twin"), (3, "late"), (4, "slow")], Order(overall));
        Assert.Equal(TimeSpan.FromSeconds(200), overall.Ranking[0].Attempt.Took);
        Assert.Equal(At.AddMinutes(30), overall.Ranking[2].Attempt.EndedAt);
        Assert.Equal(4, overall.AllCorrect); // every question right in every round
    }

    [Fact]
    public void Given_a_person_perfect_in_the_rounds_they_took_When_one_round_was_missed_Then_they_are_not_counted_as_all_correct_overall()
    {
        var overall = QuizRanking.RankOverall([Round(Outcome("both", 5, 1, 10, 1), Outcome("first-only", 5, 1, 10, 1)), Round(Outcome("both", 5, 1, 10, 1))], 5);

        Assert.Equal(1, overall.AllCorrect);
        Assert.Null(QuizRanking.RankOverall([Round(Outcome("none", 2, null, 10, 1))], 5).Ranking.Single().PredictionOff);
    }
}

using TuyenGiao.Common;
using TuyenGiao.Contests;
using static TuyenGiao.Domain.Tests.Common.DecisionAssertions;
using static TuyenGiao.Domain.Tests.Contests.ContestSpec;
using static TuyenGiao.Domain.Tests.Contests.Judging.JudgingSpec;

namespace TuyenGiao.Domain.Tests.Contests.Judging;

/// <summary>The ranking with each round's normalisation, on the worked example of <see cref="ScoreNormalisationTests"/>.</summary>
public class NormalisedRankingTests
{
    private static ChooseNormalisation ZScore(int round = 1) => new(round, ScoreNormalisationMethod.ZScore);

    [Fact]
    public void Given_a_harsh_and_a_lenient_judge_When_ranked_raw_Then_the_lenient_judges_best_wins_and_the_ranking_says_raw()
    {
        var ranking = Ranking.Rank(HarshAndLenient());

        Assert.Equal((1, 90m), (ranking[0].EntryNumber, ranking[0].Score));
        Assert.Equal([1, 2, 4, 3], ranking.Select(r => r.EntryNumber));
        Assert.All(ranking, r => Assert.Equal(ScoreNormalisationMethod.Raw, r.Normalisation));
    }

    [Fact]
    public void Given_the_same_scores_When_the_organiser_chooses_z_scores_for_the_round_Then_the_harsh_judges_best_wins_by_the_hand_worked_figures()
    {
        var state = HarshAndLenient();
        var chosen = ThenSingleEvent(JudgingDecisions.ChooseNormalisation(state, ZScore()));
        state = Then(state, Decision.Accept(chosen));

        var ranking = Ranking.Rank(state);

        Assert.Equal(new NormalisationChosen(Id, 1, ScoreNormalisationMethod.ZScore), chosen);
        Assert.Equal([(4, 90.44m), (1, 89.01m)], ranking.Take(2).Select(r => (r.EntryNumber, r.Score)));
        Assert.All(ranking, r => Assert.Equal(ScoreNormalisationMethod.ZScore, r.Normalisation));
    }

    [Fact]
    public void Given_a_contest_announced_with_z_scores_When_ranked_Then_every_round_uses_them_without_a_choice()
    {
        var ranking = Ranking.Rank(HarshAndLenient(JudgingRules.Default with { Normalisation = ScoreNormalisationMethod.ZScore }));

        Assert.Equal(4, ranking[0].EntryNumber);
        Assert.Equal(ScoreNormalisationMethod.ZScore, ranking[0].Normalisation);
    }

    [Fact]
    public void Given_z_scores_chosen_for_round_2_only_When_ranked_Then_round_1_stays_raw()
    {
        var state = Then(HarshAndLenient(), JudgingDecisions.ChooseNormalisation(HarshAndLenient(), ZScore(round: 2)));
        state = Scored(state, 2, "M", 40, round: 2);

        var ranking = Ranking.Rank(state);

        Assert.Equal((2, 2, 40m, ScoreNormalisationMethod.ZScore), (ranking[0].EntryNumber, ranking[0].Round, ranking[0].Score, ranking[0].Normalisation));
        Assert.Equal((1, 90m, ScoreNormalisationMethod.Raw), (ranking[1].EntryNumber, ranking[1].Score, ranking[1].Normalisation));
    }

    [Fact]
    public void Given_a_round_whose_judges_scored_fewer_than_three_entries_When_z_scores_are_chosen_Then_the_scores_count_as_given()
    {
        var state = Scored(Scored(Panel(JudgingRules.Default with { Normalisation = ScoreNormalisationMethod.ZScore }), 1, "L", 90), 4, "H", 70);

        Assert.Equal([(1, 90m), (4, 70m)], Ranking.Rank(state).Select(r => (r.EntryNumber, r.Score)));
    }

    [Fact]
    public void Given_the_method_already_in_force_When_chosen_again_Then_nothing_is_recorded()
    {
        var state = HarshAndLenient();
        ThenNothing(JudgingDecisions.ChooseNormalisation(state, new ChooseNormalisation(1, ScoreNormalisationMethod.Raw)));
        state = Then(state, JudgingDecisions.ChooseNormalisation(state, ZScore()));
        ThenNothing(JudgingDecisions.ChooseNormalisation(state, ZScore()));
        ThenSingleEvent(JudgingDecisions.ChooseNormalisation(state, ZScore(round: 2)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(JudgingDecisions.MaxRound + 1)]
    public void Given_a_round_out_of_range_When_a_normalisation_is_chosen_Then_invalid(int round) =>
        ThenRejected(JudgingDecisions.ChooseNormalisation(Panel(), ZScore(round)), RejectionKind.Invalid, "round");

    [Fact]
    public void Given_the_last_round_When_a_normalisation_is_chosen_for_it_Then_accepted() =>
        ThenSingleEvent(JudgingDecisions.ChooseNormalisation(Panel(), ZScore(JudgingDecisions.MaxRound)));

    [Fact]
    public void Given_a_method_that_does_not_exist_When_chosen_Then_invalid() =>
        ThenRejected(JudgingDecisions.ChooseNormalisation(Panel(), new ChooseNormalisation(1, (ScoreNormalisationMethod)7)), RejectionKind.Invalid, "method");

    [Fact]
    public void Given_published_results_When_a_normalisation_is_chosen_Then_refused_because_the_scores_are_frozen()
    {
        var state = HarshAndLenient();
        state = Then(state, JudgingDecisions.Publish(state, Closes));

        ThenRejected(JudgingDecisions.ChooseNormalisation(state, ZScore()), RejectionKind.RuleViolation, "contestId");
    }

    [Fact]
    public void Given_a_contest_not_announced_When_a_normalisation_is_chosen_Then_not_found() =>
        ThenRejected(JudgingDecisions.ChooseNormalisation(Contest.None(Id), ZScore()), RejectionKind.NotFound, "contestId");

    [Fact]
    public void Given_z_scores_When_the_organiser_fills_the_tiers_from_the_ranking_Then_the_normalised_winner_takes_the_first_prize()
    {
        var state = HarshAndLenient(JudgingRules.Default with { Normalisation = ScoreNormalisationMethod.ZScore });

        var first = (AwardGranted)JudgingDecisions.GrantFromRanking(state).Events[0];

        Assert.Equal(("Giải nhất", 4), (first.Tier, first.EntryNumber));
    }
}

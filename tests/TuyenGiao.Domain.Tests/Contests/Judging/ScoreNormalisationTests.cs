using TuyenGiao.Contests;

namespace TuyenGiao.Domain.Tests.Contests.Judging;

/// <summary>
/// Normalisation of a round's scores, on panels computed by hand: a lenient judge (L) scores entries 1 to 3 at 90, 85
/// and 80; a harsh one (H) scores entries 2 to 4 at 60, 55 and 70. Raw means: 1 has 90, 4 has 70: entry 1 wins. L's mean
/// is 85 and spread 4.08, H's 61.67 and 6.24; the panel's 73.33 and 12.80. Entry 1 is L's best by 1.22 spreads, entry 4
/// H's best by 1.34: mapped back, 89.01 against 90.44, and entry 4 wins.
/// </summary>
public class ScoreNormalisationTests
{
    private static readonly GivenScore[] HarshAndLenient =
    [
        new(1, "L", 90), new(2, "L", 85), new(3, "L", 80),
        new(2, "H", 60), new(3, "H", 55), new(4, "H", 70),
    ];

    private static decimal MeanOf(NormalisedRound round, int entry) =>
        Math.Round(round.Scores.Where(s => s.Key.EntryNumber == entry).Average(s => s.Value), 2, MidpointRounding.AwayFromZero);

    private static int Winner(NormalisedRound round) =>
        round.Scores.Keys.Select(k => k.EntryNumber).Distinct().OrderByDescending(e => MeanOf(round, e)).ThenBy(e => e).First();

    [Fact]
    public void Given_a_harsh_and_a_lenient_judge_on_different_entries_When_the_raw_mean_decides_Then_the_lenient_judges_best_wins()
    {
        var raw = ScoreNormalisation.Normalise(HarshAndLenient, ScoreNormalisationMethod.Raw);

        Assert.Equal((90m, 72.5m, 67.5m, 70m), (MeanOf(raw, 1), MeanOf(raw, 2), MeanOf(raw, 3), MeanOf(raw, 4)));
        Assert.Equal(1, Winner(raw));
        Assert.All(raw.Judges, j => Assert.True(j.UsedRaw));
    }

    [Fact]
    public void Given_the_same_panel_When_z_scores_decide_Then_the_harsh_judges_best_wins_by_the_figures_worked_by_hand()
    {
        var z = ScoreNormalisation.Normalise(HarshAndLenient, ScoreNormalisationMethod.ZScore);

        Assert.Equal((73.33m, 12.80m), (z.PanelMean, z.PanelSpread));
        Assert.Equal([new JudgeScale("H", 3, 61.67m, 6.24m, false), new JudgeScale("L", 3, 85m, 4.08m, false)], z.Judges);
        Assert.Equal(89.01m, z.Scores[(1, "L")]);
        Assert.Equal(90.44m, z.Scores[(4, "H")]);
        Assert.Equal(73.33m, z.Scores[(2, "L")]);
        Assert.Equal(4, Winner(z));
    }

    [Fact]
    public void Given_the_same_panel_When_ranks_decide_Then_each_judges_best_is_100_and_worst_0()
    {
        var ranks = ScoreNormalisation.Normalise(HarshAndLenient, ScoreNormalisationMethod.Rank);

        Assert.Equal((100m, 50m, 0m), (ranks.Scores[(1, "L")], ranks.Scores[(2, "L")], ranks.Scores[(3, "L")]));
        Assert.Equal((50m, 0m, 100m), (ranks.Scores[(2, "H")], ranks.Scores[(3, "H")], ranks.Scores[(4, "H")]));
        // Entries 1 and 4 tie at 100; the ranking's tie-break (the earlier entry) decides, as it does for raw scores.
        Assert.Equal(1, Winner(ranks));
    }

    [Fact]
    public void Given_a_judge_with_fewer_than_three_scores_When_normalised_Then_that_judges_scores_are_used_as_given_and_it_says_so()
    {
        var round = HarshAndLenient.Append(new GivenScore(1, "N", 40)).Append(new GivenScore(4, "N", 45)).ToList();

        var z = ScoreNormalisation.Normalise(round, ScoreNormalisationMethod.ZScore);

        Assert.Equal((40m, 45m), (z.Scores[(1, "N")], z.Scores[(4, "N")]));
        Assert.True(z.Judges.Single(j => j.JudgeId == "N").UsedRaw);
        Assert.False(z.Judges.Single(j => j.JudgeId == "L").UsedRaw);
    }

    [Fact]
    public void Given_a_judge_who_gave_every_entry_the_same_score_When_normalised_Then_each_sits_at_the_panels_mean_and_shares_the_middle_rank()
    {
        GivenScore[] round = [new(1, "S", 70), new(2, "S", 70), new(3, "S", 70), new(1, "T", 50), new(2, "T", 90), new(3, "T", 70)];

        var z = ScoreNormalisation.Normalise(round, ScoreNormalisationMethod.ZScore);
        var ranks = ScoreNormalisation.Normalise(round, ScoreNormalisationMethod.Rank);

        Assert.All(new[] { 1, 2, 3 }, e => Assert.Equal(z.PanelMean, z.Scores[(e, "S")]));
        Assert.All(new[] { 1, 2, 3 }, e => Assert.Equal(50m, ranks.Scores[(e, "S")]));
    }

    [Fact]
    public void Given_z_scores_beyond_the_scale_When_mapped_back_Then_they_stay_within_0_and_100()
    {
        GivenScore[] round = [new(1, "A", 0), new(2, "A", 0), new(3, "A", 100), new(1, "B", 100), new(2, "B", 100), new(3, "B", 0)];

        var z = ScoreNormalisation.Normalise(round, ScoreNormalisationMethod.ZScore);

        Assert.All(z.Scores.Values, s => Assert.InRange(s, 0m, 100m));
        Assert.Equal(100m, z.Scores[(3, "A")]);
    }
}

using TuyenGiao.Common;
using TuyenGiao.Contests;
using static TuyenGiao.Domain.Tests.Common.DecisionAssertions;
using static TuyenGiao.Domain.Tests.Contests.ContestSpec;
using static TuyenGiao.Domain.Tests.Contests.Judging.JudgingSpec;

namespace TuyenGiao.Domain.Tests.Contests.Judging;

/// <summary>A contest scored by a sheet (nội dung 40, hình thức 30, sáng tạo 30), and one scored as one number.</summary>
public class ScoreSheetTests
{
    private static readonly JudgingRules BySheet = JudgingRules.Default with
    {
        Criteria = [new("Nội dung", 40), new("Hình thức", 30), new("Sáng tạo", 30)],
    };

    private static readonly TuyenGiao.Committees.Committee Bloc = new("committee/TV-KHOI", "TV-KHOI", "Đảng ủy Khối", TuyenGiao.Committees.CommitteeLevel.Bloc, "TV", 6_110, true);

    private static CriterionScore[] Sheet(int content, int form, int creativity) => [new("Nội dung", content), new("Hình thức", form), new("Sáng tạo", creativity)];

    [Fact]
    public void Given_a_sheet_When_a_judge_gives_every_criterion_in_any_order_and_decomposed_Then_the_score_is_their_sum_and_the_sheet_in_the_contests_order()
    {
        CriterionScore[] given = [new("Sáng tạo".Normalize(System.Text.NormalizationForm.FormD), 25), new("Nội dung", 35), new("Hình thức", 20)];

        var scored = (EntryScored)ThenSingleEvent(Score(Panel(BySheet), 2, "L", null, sheet: given));

        Assert.Equal(80, scored.Score);
        Assert.Equal(Sheet(35, 20, 25), scored.Sheet);
    }

    [Fact]
    public void Given_a_sheet_When_the_judge_also_states_the_sum_Then_accepted_and_a_different_total_is_refused()
    {
        ThenSingleEvent(Score(Panel(BySheet), 2, "L", 80, sheet: Sheet(35, 20, 25)));
        ThenRejected(Score(Panel(BySheet), 2, "L", 81, sheet: Sheet(35, 20, 25)), RejectionKind.Invalid, "score");
    }

    [Fact]
    public void Given_a_sheet_When_every_criterion_is_at_its_maximum_or_zero_Then_accepted_as_100_and_0()
    {
        Assert.Equal(100, ((EntryScored)ThenSingleEvent(Score(Panel(BySheet), 2, "L", null, sheet: Sheet(40, 30, 30)))).Score);
        Assert.Equal(0, ((EntryScored)ThenSingleEvent(Score(Panel(BySheet), 2, "L", null, sheet: Sheet(0, 0, 0)))).Score);
    }

    public static TheoryData<CriterionScore[]?, string> BadSheets => new()
    {
        { null, "is scored by criteria" },
        { [], "is scored by criteria" },
        { [new("Nội dung", 35), new("Hình thức", 20)], "'Sáng tạo' (30) are missing" },
        { [new("Nội dung", 35), new("Hình thức", 20), new("Sáng tạo", 25), new("Bố cục", 5)], "'Bố cục' is not a criterion" },
        { [new("Nội dung", 35), new("Nội dung", 5), new("Hình thức", 20), new("Sáng tạo", 25)], "'Nội dung' is given twice" },
        { [new("Nội dung", 41), new("Hình thức", 20), new("Sáng tạo", 25)], "'Nội dung' is scored from 0 to 40 (got 41)" },
        { [new("Nội dung", -1), new("Hình thức", 20), new("Sáng tạo", 25)], "'Nội dung' is scored from 0 to 40 (got -1)" },
        { [new(null!, 35), new("Hình thức", 20), new("Sáng tạo", 25)], "'' is not a criterion" },
    };

    [Theory]
    [MemberData(nameof(BadSheets))]
    public void Given_a_sheet_When_a_criterion_is_missing_unknown_twice_or_out_of_range_Then_invalid_and_the_reason_names_it(CriterionScore[]? sheet, string reason)
    {
        var rejection = ThenRejected(Score(Panel(BySheet), 2, "L", null, sheet: sheet), RejectionKind.Invalid, "sheet");

        Assert.Contains(reason, rejection.Reason);
    }

    [Fact]
    public void Given_no_sheet_When_a_judge_sends_one_or_no_score_Then_invalid()
    {
        ThenRejected(Score(Panel(), 2, "L", null, sheet: Sheet(35, 20, 25)), RejectionKind.Invalid, "sheet");
        ThenRejected(Score(Panel(), 2, "L", null), RejectionKind.Invalid, "score");
        Assert.Equal(70, ((EntryScored)ThenSingleEvent(Score(Panel(), 2, "L", 70, sheet: []))).Score);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(-1, false)]
    [InlineData(101, false)]
    public void Given_no_sheet_When_scored_at_the_edges_Then_0_to_100_are_accepted(int score, bool accepted)
    {
        var decision = Score(Panel(), 2, "L", score);

        Assert.Equal(accepted, decision.Rejection is null);
    }

    [Fact]
    public void Given_a_sheet_When_the_same_sheet_is_given_again_Then_it_is_recorded_again_while_a_plain_score_repeated_is_not()
    {
        var sheet = Then(Panel(BySheet), Score(Panel(BySheet), 2, "L", null, sheet: Sheet(35, 20, 25)));
        var plain = Scored(Panel(), 2, "L", 80);

        ThenSingleEvent(Score(sheet, 2, "L", null, sheet: Sheet(35, 25, 20)));
        ThenNothing(Score(plain, 2, "L", 80));
    }

    public static TheoryData<ScoringCriterion[], string> BadCriteria => new()
    {
        { [new("Nội dung", 40), new("Hình thức", 30), new("Sáng tạo", 20)], "add up to 100 (they add up to 90)" },
        { [new("Nội dung", 50), new("Nội dung", 50)], "'Nội dung' is listed twice" },
        { [new("Nội dung", 100), new("Hình thức", 0)], "'Hình thức' must carry 1 to 100 points" },
        { [new("Nội dung", 101)], "'Nội dung' must carry 1 to 100 points" },
        { [new(" ", 100)], "must not be empty" },
        { [.. Enumerable.Range(1, JudgingRules.MaxCriteria + 1).Select(i => new ScoringCriterion($"Tiêu chí {i}", i == 1 ? 89 : 1))], "at most 10 criteria" },
    };

    [Theory]
    [MemberData(nameof(BadCriteria))]
    public void Given_a_sheet_that_does_not_add_up_or_repeats_When_the_contest_is_announced_Then_invalid(ScoringCriterion[] criteria, string reason)
    {
        var rejection = ThenRejected(ContestDecisions.Announce(Contest.None(Id), new AnnounceContest("TV-KHOI", ContestKind.Writing,
            Details() with { Judging = JudgingRules.Default with { Criteria = criteria } }), Bloc, []),
            RejectionKind.Invalid, "judging.criteria");

        Assert.Contains(reason, rejection.Reason);
    }

    [Fact]
    public void Given_ten_criteria_adding_up_to_100_When_announced_Then_accepted_with_their_names_in_NFC()
    {
        var criteria = Enumerable.Range(1, JudgingRules.MaxCriteria).Select(i => new ScoringCriterion($"Tiêu chí {i}".Normalize(System.Text.NormalizationForm.FormD), 10)).ToList();

        var announced = (ContestAnnounced)ThenSingleEvent(ContestDecisions.Announce(Contest.None(Id), new AnnounceContest("TV-KHOI", ContestKind.Writing,
            Details() with { Judging = new JudgingRules(ScoreNormalisationMethod.Rank, true, criteria) }), Bloc, []));

        Assert.Equal("Tiêu chí 1", announced.Details.Judging!.Criteria[0].Name);
        Assert.Equal((ScoreNormalisationMethod.Rank, true), (announced.Details.Judging.Normalisation, announced.Details.Judging.ConflictsCoverSubtree));
    }

    [Fact]
    public void Given_a_criterion_of_a_single_point_When_announced_Then_accepted() =>
        ThenSingleEvent(ContestDecisions.Announce(Contest.None(Id), new AnnounceContest("TV-KHOI", ContestKind.Writing,
            Details() with { Judging = JudgingRules.Default with { Criteria = [new("Nội dung", 99), new("Trình bày", 1)] } }), Bloc, []));

    [Fact]
    public void Given_an_undefined_normalisation_When_announced_Then_invalid() =>
        ThenRejected(ContestDecisions.Announce(Contest.None(Id), new AnnounceContest("TV-KHOI", ContestKind.Writing,
            Details() with { Judging = JudgingRules.Default with { Normalisation = (ScoreNormalisationMethod)9 } }), Bloc, []),
            RejectionKind.Invalid, "judging.normalisation");
}

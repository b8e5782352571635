using TuyenGiao.Common;
using TuyenGiao.Contests;
using TuyenGiao.Quizzes;
using static TuyenGiao.Domain.Tests.Quizzes.QuizSpec;

namespace TuyenGiao.Domain.Tests.Quizzes;

/// <summary>A round's prizes: filled from its ranking (shared ranks together or not at all), granted with a reason, published, corrected.</summary>
public class QuizPrizeTests
{
    private static readonly PrizeTier[] Tiers = [new("Giải nhất", 1), new("Giải nhì", 2)];
    private static readonly DateTimeOffset Closed = Week1.ClosesAt;

    /// <summary>People who each made one attempt in week 1, scored as given (prediction 0, each a minute apart).</summary>
    private static Quiz Round1(params int[] correct)
    {
        var events = new List<object> { new QuizRulesSet(Id, Rules()), new QuestionBankLoaded(Id, Bank()) };
        for (var i = 0; i < correct.Length; i++)
        {
            var phone = $"+8490000000{i}";
            events.Add(Registered(phone, $"Người {i}", 1980, key: phone));
            events.Add(new AttemptStarted(Id, $"a{i}", IdOf(phone), 1, [1, 2, 3, 4, 5], 1, InWeek1, InWeek1.AddMinutes(15)));
            events.Add(new AttemptSubmitted(Id, $"a{i}", [], 0, correct[i], InWeek1.AddMinutes(5)));
        }
        return Given([.. events]);
    }

    private static IEnumerable<(string Tier, string Phone)> Prizes(Quiz state) => state.Prizes.Select(p => (p.Tier, PhoneOf(p.Participant)));

    /// <summary>The number of one of <see cref="Round1"/>'s people, from the id the quiz knows them by.</summary>
    private static string PhoneOf(string participant) =>
        Enumerable.Range(0, 10).Select(i => $"+8490000000{i}").Single(phone => IdOf(phone) == participant);

    [Fact]
    public void Given_a_closed_round_When_filled_Then_each_tier_from_the_top_of_the_ranking_in_the_contests_order()
    {
        var state = Then(Round1(3, 5, 4, 2), QuizPrizeDecisions.Fill(Round1(3, 5, 4, 2), 1, Tiers, Closed));

        Assert.Equal([("Giải nhất", "+84900000001"), ("Giải nhì", "+84900000002"), ("Giải nhì", "+84900000000")], Prizes(state));
        Assert.All(state.Prizes, p => Assert.Equal(1, p.Round));
        Assert.Empty(QuizPrizeDecisions.Fill(state, 1, Tiers, Closed).Events);
    }

    [Fact]
    public void Given_a_shared_rank_larger_than_a_tier_When_filled_Then_the_filling_stops_there_for_the_organiser()
    {
        // Two share first place for one first prize: nobody gets it from the filling, nor anything after it.
        Assert.Equal(Decision.NothingToDo, QuizPrizeDecisions.Fill(Round1(5, 5, 4), 1, Tiers, Closed));
        // Two share second place for the two second prizes: both get one.
        var state = Then(Round1(5, 4, 4, 1), QuizPrizeDecisions.Fill(Round1(5, 4, 4, 1), 1, Tiers, Closed));
        Assert.Equal([("Giải nhất", "+84900000000"), ("Giải nhì", "+84900000001"), ("Giải nhì", "+84900000002")], Prizes(state));
    }

    [Fact]
    public void Given_fewer_people_than_prizes_When_filled_Then_each_gets_one_and_the_rest_stay_free()
    {
        var state = Then(Round1(4, 5), QuizPrizeDecisions.Fill(Round1(4, 5), 1, Tiers, Closed));

        Assert.Equal([("Giải nhất", "+84900000001"), ("Giải nhì", "+84900000000")], Prizes(state));
    }

    [Fact]
    public void Given_the_prizes_of_round_1_When_round_2_is_filled_or_granted_Then_its_tiers_are_its_own()
    {
        var state = Round1(5, 4, 3);
        state = Then(state, QuizPrizeDecisions.Fill(state, 1, Tiers, Closed));
        // The same three take part in week 2, in the reverse order.
        foreach (var (phone, i, correct) in new[] { ("+84900000000", 0, 2), ("+84900000001", 1, 3), ("+84900000002", 2, 5) })
        {
            state = Then(state, Decision.Accept(new AttemptStarted(Id, $"w2-{i}", IdOf(phone), 2, [1, 2, 3, 4, 5], 1, Week2.OpensAt, Week2.OpensAt.AddMinutes(15))));
            state = Then(state, Decision.Accept(new AttemptSubmitted(Id, $"w2-{i}", [], 0, correct, Week2.OpensAt.AddMinutes(5))));
        }

        var round2 = QuizPrizeDecisions.Fill(state, 2, Tiers, Week2.ClosesAt);

        Assert.Equal([(2, "Giải nhất", "+84900000002"), (2, "Giải nhì", "+84900000001"), (2, "Giải nhì", "+84900000000")],
            round2.Events.Cast<RoundPrizeGranted>().Select(e => (e.Round, e.Tier, PhoneOf(e.Participant))));
        Assert.Null(QuizPrizeDecisions.Grant(state, new GrantRoundPrize(2, "Giải nhất", "0900000002", "Lý do"), Pseudonyms, Tiers, Week2.ClosesAt).Rejection);
    }

    [Fact]
    public void Given_two_weeks_When_the_overall_prizes_are_filled_Then_only_after_the_last_week_closes_from_the_totals_and_beside_the_weeks_prizes()
    {
        var state = Round1(5, 4, 3);
        state = Then(state, QuizPrizeDecisions.Fill(state, 1, Tiers, Closed));
        // Week 2: the third person does best, the first does not come back. Totals: 5, 4 + 3 = 7, 3 + 5 = 8.
        foreach (var (phone, i, correct) in new[] { ("+84900000001", 1, 3), ("+84900000002", 2, 5) })
        {
            state = Then(state, Decision.Accept(new AttemptStarted(Id, $"w2-{i}", IdOf(phone), 2, [1, 2, 3, 4, 5], 1, Week2.OpensAt, Week2.OpensAt.AddMinutes(15))));
            state = Then(state, Decision.Accept(new AttemptSubmitted(Id, $"w2-{i}", [], 0, correct, Week2.OpensAt.AddMinutes(5))));
        }

        var tooSoon = QuizPrizeDecisions.Fill(state, QuizRanking.Overall, Tiers, Week2.ClosesAt.AddTicks(-1));
        ThenRejected(tooSoon, RejectionKind.RuleViolation, "round");
        Assert.Contains("the quiz as a whole", tooSoon.Rejection!.Reason);
        Assert.Contains("round 2 has not closed", QuizPrizeDecisions.Fill(state, 2, Tiers, Week2.ClosesAt.AddTicks(-1)).Rejection!.Reason);
        ThenRejected(QuizPrizeDecisions.Publish(state, QuizRanking.Overall, Week2.ClosesAt.AddTicks(-1)), RejectionKind.RuleViolation, "round");
        var overall = QuizPrizeDecisions.Fill(state, QuizRanking.Overall, Tiers, Week2.ClosesAt);

        Assert.Equal([(0, "Giải nhất", "+84900000002"), (0, "Giải nhì", "+84900000001"), (0, "Giải nhì", "+84900000000")],
            overall.Events.Cast<RoundPrizeGranted>().Select(e => (e.Round, e.Tier, PhoneOf(e.Participant))));
        state = Then(state, overall);
        Assert.Equal(3, state.Prizes.Count(p => p.Round == 1));
        // Published, the overall prizes change only by a correction, as a week's do.
        state = Then(state, QuizPrizeDecisions.Publish(state, QuizRanking.Overall, Week2.ClosesAt));
        ThenRejected(QuizPrizeDecisions.Grant(state, new GrantRoundPrize(0, "Giải nhì", "0900000000", "Lý do"), Pseudonyms, Tiers, Week2.ClosesAt),
            RejectionKind.RuleViolation, "round");
        Assert.DoesNotContain(1, state.PublishedRounds);
    }

    [Fact]
    public void Given_an_open_or_unknown_round_When_prizes_are_given_Then_refused()
    {
        var state = Round1(5);

        ThenRejected(QuizPrizeDecisions.Fill(state, 1, Tiers, Closed.AddTicks(-1)), RejectionKind.RuleViolation, "round");
        ThenRejected(QuizPrizeDecisions.Fill(state, 3, Tiers, Closed), RejectionKind.NotFound, "round");
        ThenRejected(QuizPrizeDecisions.Grant(state, new GrantRoundPrize(1, "Giải nhất", "0900000000", "Điểm cao"), Pseudonyms, Tiers, Closed.AddTicks(-1)),
            RejectionKind.RuleViolation, "round");
        ThenRejected(QuizPrizeDecisions.Publish(state, 1, Closed.AddTicks(-1)), RejectionKind.RuleViolation, "round");
    }

    [Fact]
    public void Given_a_direct_grant_When_it_breaks_a_rule_Then_refused_on_its_field()
    {
        var state = Then(Round1(5, 5, 4), QuizPrizeDecisions.Grant(Round1(5, 5, 4), new GrantRoundPrize(1, "Giải nhất", "0900000001", "Bốc thăm giữa hai người bằng điểm"), Pseudonyms, Tiers, Closed));
        Assert.Equal([("Giải nhất", "+84900000001")], Prizes(state));
        Assert.Equal("Bốc thăm giữa hai người bằng điểm", Assert.IsType<RoundPrizeGranted>(
            QuizPrizeDecisions.Grant(Round1(5, 5, 4), new GrantRoundPrize(1, "Giải nhất", "0900000001", " Bốc thăm giữa hai người bằng điểm "), Pseudonyms, Tiers, Closed).Events.Single()).Reason);

        ThenRejected(QuizPrizeDecisions.Grant(state, new GrantRoundPrize(1, "Giải nhất", "0900000000", "Lý do"), Pseudonyms, Tiers, Closed), RejectionKind.Conflict, "tier");
        ThenRejected(QuizPrizeDecisions.Grant(state, new GrantRoundPrize(1, "Giải ba", "0900000000", "Lý do"), Pseudonyms, Tiers, Closed), RejectionKind.NotFound, "tier");
        ThenRejected(QuizPrizeDecisions.Grant(state, new GrantRoundPrize(1, "Giải nhì", "0900000001", "Lý do"), Pseudonyms, Tiers, Closed), RejectionKind.Conflict, "phone");
        ThenRejected(QuizPrizeDecisions.Grant(state, new GrantRoundPrize(1, "Giải nhì", "0911111111", "Lý do"), Pseudonyms, Tiers, Closed), RejectionKind.NotFound, "phone");
        ThenRejected(QuizPrizeDecisions.Grant(state, new GrantRoundPrize(1, "Giải nhì", "12", "Lý do"), Pseudonyms, Tiers, Closed), RejectionKind.Invalid, "phone");
        ThenRejected(QuizPrizeDecisions.Grant(state, new GrantRoundPrize(1, "Giải nhì", "0900000000", " "), Pseudonyms, Tiers, Closed), RejectionKind.Invalid, "reason");
        Assert.Null(QuizPrizeDecisions.Grant(state, new GrantRoundPrize(1, "Giải nhì", "+84 900 000 000", "Lý do"), Pseudonyms, Tiers, Closed).Rejection);
        // Taking part in another round is not taking part in this one.
        ThenRejected(QuizPrizeDecisions.Grant(state, new GrantRoundPrize(2, "Giải nhì", "0900000000", "Lý do"), Pseudonyms, Tiers, Week2.ClosesAt), RejectionKind.NotFound, "phone");
    }

    [Fact]
    public void Given_published_results_When_prizes_change_Then_only_by_a_correction_with_its_reason()
    {
        var filled = Then(Round1(5, 4, 3, 2), QuizPrizeDecisions.Fill(Round1(5, 4, 3, 2), 1, Tiers, Closed));
        ThenRejected(QuizPrizeDecisions.Correct(filled, new CorrectRoundPrize(1, "Giải nhất", "0900000000", "0900000003", "Phúc khảo"), Pseudonyms, Closed), RejectionKind.RuleViolation, "tier");
        var published = Then(filled, QuizPrizeDecisions.Publish(filled, 1, Closed.AddHours(1)));
        Assert.Equal(Decision.NothingToDo, QuizPrizeDecisions.Publish(published, 1, Closed.AddHours(2)));

        ThenRejected(QuizPrizeDecisions.Fill(published, 1, Tiers, Closed), RejectionKind.RuleViolation, "round");
        ThenRejected(QuizPrizeDecisions.Grant(published, new GrantRoundPrize(1, "Giải nhì", "0900000003", "Lý do"), Pseudonyms, Tiers, Closed), RejectionKind.RuleViolation, "round");
        ThenRejected(QuizPrizeDecisions.Correct(published, new CorrectRoundPrize(1, "Giải nhất", "0900000001", "0900000003", "Phúc khảo"), Pseudonyms, Closed), RejectionKind.NotFound, "fromPhone");
        ThenRejected(QuizPrizeDecisions.Correct(published, new CorrectRoundPrize(1, "Giải nhất", "0900000000", "0900000001", "Phúc khảo"), Pseudonyms, Closed), RejectionKind.Conflict, "toPhone");
        ThenRejected(QuizPrizeDecisions.Correct(published, new CorrectRoundPrize(1, "Giải nhất", "0900000000", "0900000003", ""), Pseudonyms, Closed), RejectionKind.Invalid, "reason");

        var corrected = Then(published, QuizPrizeDecisions.Correct(published, new CorrectRoundPrize(1, "Giải nhất", "+84900000000", "0900000003", "Phúc khảo"), Pseudonyms, Closed));
        Assert.Equal([("Giải nhất", "+84900000003"), ("Giải nhì", "+84900000001"), ("Giải nhì", "+84900000002")], Prizes(corrected));
        Assert.Equal([1], corrected.PublishedRounds);
    }

    [Fact]
    public void Given_people_registered_before_data_was_sealed_When_prizes_are_granted_and_corrected_by_number_Then_found_by_it()
    {
        var events = new List<object> { new QuizRulesSet(Id, Rules()), new QuestionBankLoaded(Id, Bank()) };
        foreach (var (phone, i) in new[] { ("+84900000000", 0), ("+84900000001", 1) })
        {
            events.Add(new ParticipantRegistered(Id, phone, $"Người {i}", 1980, "TV-KHOI-SGD", CellPath, HashOf(phone), QuizDecisions.Consent));
            events.Add(new AttemptStarted(Id, $"a{i}", phone, 1, [1, 2, 3, 4, 5], 1, InWeek1, InWeek1.AddMinutes(15)));
            events.Add(new AttemptSubmitted(Id, $"a{i}", [], 0, 5 - i, InWeek1.AddMinutes(5)));
        }
        var state = Given([.. events]);

        var granted = Assert.IsType<RoundPrizeGranted>(Assert.Single(
            QuizPrizeDecisions.Grant(state, new GrantRoundPrize(1, "Giải nhất", "0900000000", "Lý do"), Pseudonyms, Tiers, Closed).Events));
        Assert.Equal("+84900000000", granted.Participant);
        var published = Then(Then(state, Decision.Accept(granted)), QuizPrizeDecisions.Publish(Then(state, Decision.Accept(granted)), 1, Closed));
        var corrected = Assert.IsType<RoundPrizeCorrected>(Assert.Single(
            QuizPrizeDecisions.Correct(published, new CorrectRoundPrize(1, "Giải nhất", "0900000000", "0900000001", "Phúc khảo"), Pseudonyms, Closed).Events));
        Assert.Equal(("+84900000000", "+84900000001"), (corrected.From, corrected.To));
    }

    [Fact]
    public void Given_a_correction_of_a_prize_the_state_does_not_hold_When_folded_Then_nothing_changes()
    {
        var state = Round1(5);

        Assert.Same(state.Prizes, QuizEvolution.Evolve(state, new RoundPrizeCorrected(Id, 1, "Giải nhất", "+84900000009", "+84900000000", "x")).Prizes);
    }
}

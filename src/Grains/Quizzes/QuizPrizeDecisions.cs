using TuyenGiao.Common;
using TuyenGiao.Contests;
using TuyenGiao.PersonalData;

namespace TuyenGiao.Quizzes;

/// <summary>
/// The prizes of each round and the overall prizes (<see cref="QuizRanking.Overall"/>: over every round, once the last
/// has closed), the way the contest's own awards work: the contest's individual tiers and their counts, per round and
/// overall; filled from the ranking or granted with a reason, after the close; published, then changed only by a
/// correction with its reason.
/// </summary>
public static class QuizPrizeDecisions
{
    /// <summary>
    /// Fills each tier, in the order the contest lists them, from the top of the round's ranking, skipping people who
    /// already hold a prize of the round. People who share a rank are given prizes together or not at all: a shared rank
    /// that does not fit in what is left of a tier stops the filling there, for the organiser to decide (grant directly,
    /// with the reason).
    /// </summary>
    /// <param name="tiers">The contest's individual tiers.</param>
    public static Decision Fill(Quiz state, int round, IReadOnlyList<PrizeTier> tiers, DateTimeOffset now)
    {
        if (Closed(state, round, now) is { } notYet)
            return notYet;
        if (Unpublished(state, round) is { } published)
            return published;
        var held = state.Prizes.Where(p => p.Round == round).Select(p => p.Participant).ToHashSet(StringComparer.Ordinal);
        var groups = QuizDecisions.RankRound(state, round, now)!.Ranking
            .Where(r => !held.Contains(r.Attempt.Participant))
            .GroupBy(r => r.Rank).Select(g => g.Select(r => r.Attempt.Participant).ToList()).ToList();
        var events = new List<object>();
        var next = 0;
        foreach (var tier in tiers)
        {
            var free = tier.Count - state.Prizes.Count(p => p.Round == round && p.Tier == tier.Name);
            while (next < groups.Count && groups[next].Count <= free)
            {
                events.AddRange(groups[next].Select(person => new RoundPrizeGranted(state.ContestId, round, tier.Name, person, null)));
                free -= groups[next].Count;
                next++;
            }
            // Stryker disable once Equality: with every group given (next == groups.Count) stopping or going on gives nothing more.
            if (next < groups.Count && free > 0)
                break; // a shared rank larger than what is left: the organiser's to decide
        }
        return events.Count == 0 ? Decision.NothingToDo : Decision.Accept([.. events]);
    }

    /// <param name="people">Finds the person the organiser names by number.</param>
    public static Decision Grant(Quiz state, GrantRoundPrize command, PersonPseudonyms people, IReadOnlyList<PrizeTier> tiers, DateTimeOffset now)
    {
        if (Closed(state, command.Round, now) is { } notYet)
            return notYet;
        if (Unpublished(state, command.Round) is { } published)
            return published;
        if (TierOf(tiers, command.Tier) is not { } tier)
            return Rejection.NotFound("tier", $"this contest has no tier '{command.Tier}'");
        if (state.Prizes.Count(p => p.Round == command.Round && p.Tier == tier.Name) >= tier.Count)
            return Rejection.Conflict("tier", $"all {tier.Count} of '{tier.Name}' in {Named(command.Round)} are already granted");
        if (Reason(command.Reason) is { } badReason)
            return badReason;
        if (Recipient(state, command.Round, command.Phone, people, "phone", now, out var person) is { } badRecipient)
            return badRecipient;
        return Decision.Accept(new RoundPrizeGranted(state.ContestId, command.Round, tier.Name, person, VietnameseText.Normalize(command.Reason)));
    }

    public static Decision Publish(Quiz state, int round, DateTimeOffset now)
    {
        if (Closed(state, round, now) is { } notYet)
            return notYet;
        return state.PublishedRounds.Contains(round) ? Decision.NothingToDo : Decision.Accept(new RoundResultsPublished(state.ContestId, round, now));
    }

    /// <param name="people">Finds the people the organiser names by number.</param>
    public static Decision Correct(Quiz state, CorrectRoundPrize command, PersonPseudonyms people, DateTimeOffset now)
    {
        if (Closed(state, command.Round, now) is { } notYet)
            return notYet;
        if (!state.PublishedRounds.Contains(command.Round))
            return Rejection.RuleViolation("tier", "before publication, grant prizes directly; corrections are for published results");
        var from = PhoneNumbers.TryNormalize(command.FromPhone, out var fromPhone) is null ? state.Find(fromPhone, people)?.Id : null;
        var tierName = VietnameseText.Normalize(command.Tier);
        if (!state.Prizes.Any(p => p.Round == command.Round && p.Tier == tierName && p.Participant == from))
            return Rejection.NotFound("fromPhone", $"no '{command.Tier}' prize of {Named(command.Round)} to correct for that phone number");
        if (Reason(command.Reason) is { } badReason)
            return badReason;
        if (Recipient(state, command.Round, command.ToPhone, people, "toPhone", now, out var to) is { } badRecipient)
            return badRecipient;
        return Decision.Accept(new RoundPrizeCorrected(state.ContestId, command.Round, tierName!, from!, to, VietnameseText.Normalize(command.Reason)!));
    }

    /// <summary>A prize goes to a person ranked in the round who holds none of its prizes yet.</summary>
    /// <param name="person">Their participant id, when they are one.</param>
    private static Rejection? Recipient(Quiz state, int round, string phoneText, PersonPseudonyms people, string field, DateTimeOffset now, out string person)
    {
        person = "";
        if (PhoneNumbers.TryNormalize(phoneText, out var phone) is { } badPhone)
            return badPhone with { Field = field };
        // Not registered is not ranked: refused before the round is ranked (a million attempts).
        if (state.Find(phone, people)?.Id is not { } id || !QuizDecisions.RankRound(state, round, now)!.Ranking.Any(r => r.Attempt.Participant == id))
            return Rejection.NotFound(field, $"nobody with that phone number took part in {Named(round)}");
        person = id;
        if (state.Prizes.Any(p => p.Round == round && p.Participant == id))
            return Rejection.Conflict(field, $"that person already holds a prize of {Named(round)}");
        return null;
    }

    /// <summary>Prizes are given once the round has closed (its ranking is final); the overall ones once the last round has.</summary>
    private static Rejection? Closed(Quiz state, int round, DateTimeOffset now)
    {
        if (state.Rules?.ClosingOf(round) is not { } theRound)
            return Rejection.NotFound("round", $"the quiz has no round {round}");
        return now < theRound.ClosesAt ? Rejection.RuleViolation("round", $"{Named(round)} has not closed yet") : null;
    }

    private static string Named(int round) => round == QuizRanking.Overall ? "the quiz as a whole (its last round)" : $"round {round}";

    private static Rejection? Unpublished(Quiz state, int round) =>
        state.PublishedRounds.Contains(round)
            ? Rejection.RuleViolation("round", $"the results of {Named(round)} are published and frozen; correct a prize instead")
            : null;

    private static PrizeTier? TierOf(IReadOnlyList<PrizeTier> tiers, string name) => tiers.FirstOrDefault(t => t.Name == VietnameseText.Normalize(name));

    private static Rejection? Reason(string? reason) =>
        VietnameseText.ValidateName("reason", VietnameseText.Normalize(reason), ContestDecisions.MaxReasonLength);
}

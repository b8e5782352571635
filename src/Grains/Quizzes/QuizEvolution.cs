using TuyenGiao.Common;
using System.Collections.Immutable;

namespace TuyenGiao.Quizzes;

/// <summary>The pure fold of quiz events, shared by the grain, Marten's live aggregation and the tests.</summary>
public static class QuizEvolution
{
    public static Quiz Evolve(Quiz state, object @event) => @event switch
    {
        QuizRulesSet e => state with { Rules = e.Rules },
        QuestionBankLoaded e => state with { Bank = e.Questions.ToImmutableSortedDictionary(q => q.Number, q => q) },
        ParticipantRegistered e => Registered(state, e),
        ParticipantKeyReissued e when state.Participants.TryGetValue(e.Phone, out var participant) => state with
        {
            Participants = state.Participants.SetItem(e.Phone, participant with { KeyHash = Sha256Hex.Parse(e.KeyHash) ?? [] }),
        },
        AttemptStarted e => state with
        {
            // The person's own phone string and the questions as an array: a million attempts, each smaller.
            Attempts = state.Attempts.SetItem(e.AttemptId, new Attempt(e.AttemptId,
                state.Participants.TryGetValue(e.Phone, out var person) ? person.Phone : e.Phone, e.Round, e.Questions.ToArray(), e.StartedAt, e.Deadline, null)),
        },
        AttemptSubmitted e when state.Attempts.TryGetValue(e.AttemptId, out var attempt) => state with
        {
            Attempts = state.Attempts.SetItem(e.AttemptId, attempt with
            {
                Submission = new SubmittedAttempt(e.Correct, e.Answers.Count, e.Prediction, e.SubmittedAt, QuizAnswers.Fingerprint(e.Answers)),
            }),
        },
        RoundPrizeGranted e => state with { Prizes = state.Prizes.Add(new RoundPrize(e.Round, e.Tier, e.Phone)) },
        RoundResultsPublished e => state with { PublishedRounds = state.PublishedRounds.Add(e.Round) },
        RoundPrizeCorrected e when state.Prizes.IndexOf(new RoundPrize(e.Round, e.Tier, e.FromPhone)) is >= 0 and var at => state with
        {
            Prizes = state.Prizes.SetItem(at, new RoundPrize(e.Round, e.Tier, e.ToPhone)),
        },
        _ => state,
    };

    /// <summary>A person, their path shared with everyone registered under the same one (each event read brings its own copy).</summary>
    private static Quiz Registered(Quiz state, ParticipantRegistered e)
    {
        var key = Quiz.PathKey(e.CommitteePath);
        var known = state.Paths.GetValueOrDefault(key);
        var path = known ?? e.CommitteePath;
        return state with
        {
            Participants = state.Participants.SetItem(e.Phone,
                new Participant(e.Phone, e.Name, e.BirthYear, path.Count > 0 ? path[0] : e.CommitteeCode, path, Sha256Hex.Parse(e.KeyHash) ?? [])),
            Paths = known is not null ? state.Paths : state.Paths.SetItem(key, path),
        };
    }
}

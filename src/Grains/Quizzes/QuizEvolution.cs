using System.Collections.Immutable;

namespace TuyenGiao.Quizzes;

/// <summary>The pure fold of quiz events, shared by the grain, Marten's live aggregation and the tests.</summary>
public static class QuizEvolution
{
    public static Quiz Evolve(Quiz state, object @event) => @event switch
    {
        QuizRulesSet e => state with { Rules = e.Rules },
        QuestionBankLoaded e => state with { Bank = e.Questions.ToImmutableSortedDictionary(q => q.Number, q => q) },
        ParticipantRegistered e => state with
        {
            Participants = state.Participants.SetItem(e.Phone, new Participant(e.Phone, e.Name, e.BirthYear, e.CommitteeCode, e.CommitteePath, e.KeyHash)),
        },
        ParticipantKeyReissued e when state.Participants.TryGetValue(e.Phone, out var participant) => state with
        {
            Participants = state.Participants.SetItem(e.Phone, participant with { KeyHash = e.KeyHash }),
        },
        AttemptStarted e => state with
        {
            Attempts = state.Attempts.SetItem(e.AttemptId, new Attempt(e.AttemptId, e.Phone, e.Round, e.Questions, e.StartedAt, e.Deadline, null)),
        },
        AttemptSubmitted e when state.Attempts.TryGetValue(e.AttemptId, out var attempt) => state with
        {
            Attempts = state.Attempts.SetItem(e.AttemptId, attempt with { Submission = e }),
        },
        RoundPrizeGranted e => state with { Prizes = state.Prizes.Add(new RoundPrize(e.Round, e.Tier, e.Phone)) },
        RoundResultsPublished e => state with { PublishedRounds = state.PublishedRounds.Add(e.Round) },
        RoundPrizeCorrected e when state.Prizes.IndexOf(new RoundPrize(e.Round, e.Tier, e.FromPhone)) is >= 0 and var at => state with
        {
            Prizes = state.Prizes.SetItem(at, new RoundPrize(e.Round, e.Tier, e.ToPhone)),
        },
        _ => state,
    };
}

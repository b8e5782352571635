using TuyenGiao.Common;
using TuyenGiao.PersonalData;
using System.Collections.Immutable;

namespace TuyenGiao.Quizzes;

/// <summary>The pure fold of quiz events, shared by the grain, Marten's live aggregation and the tests.</summary>
public static class QuizEvolution
{
    public static Quiz Evolve(Quiz state, object @event) => @event switch
    {
        QuizRulesSet e => state with { Rules = e.Rules },
        QuestionBankLoaded e => state with { Bank = e.Questions.ToImmutableSortedDictionary(q => q.Number, q => q) },
        // Before sealing, the number was the person's id and their data plain.
        ParticipantRegistered e when !state.Participants.ContainsKey(e.Phone) =>
            Registered(state, new Participant(e.Phone, e.Name, e.CommitteeCode, e.CommitteePath, [], [], e.Phone, e.BirthYear, null, null), e.KeyHash),
        ParticipantRegisteredV2 e when !state.Participants.ContainsKey(Quiz.ParticipantId(e.ParticipantKey)) => Registered(state, PersonOf(e), e.KeyHash),
        ParticipantKeyReissued e when state.Participants.TryGetValue(e.Participant, out var participant) => state with
        {
            Participants = state.Participants.SetItem(e.Participant, participant with { KeyHash = Sha256Hex.Parse(e.KeyHash) ?? [] }),
        },
        AttemptStarted e when !state.Attempts.ContainsKey(e.AttemptId) => Started(state, e),
        AttemptSubmitted e when state.Attempts.TryGetValue(e.AttemptId, out var attempt) && attempt.Submission is null => Submitted(state, e, attempt),
        RoundPrizeGranted e => state with { Prizes = state.Prizes.Add(new RoundPrize(e.Round, e.Tier, e.Participant)) },
        RoundResultsPublished e => state with { PublishedRounds = state.PublishedRounds.Add(e.Round) },
        RoundPrizeCorrected e when state.Prizes.IndexOf(new RoundPrize(e.Round, e.Tier, e.From)) is >= 0 and var at => state with
        {
            Prizes = state.Prizes.SetItem(at, new RoundPrize(e.Round, e.Tier, e.To)),
        },
        _ => state,
    };

    /// <summary>
    /// A person registered with their data sealed: their sealed name, and instead of their sealed number (shown only to the
    /// organiser, for a prize) the id of the event that holds it, its key's id; a number stored plain is kept as it is.
    /// </summary>
    private static Participant PersonOf(ParticipantRegisteredV2 e)
    {
        var sealedPhone = SealedText.TryKey(e.Phone, out var key);
        return new Participant(Quiz.ParticipantId(e.ParticipantKey), e.Name, e.CommitteeCode, e.CommitteePath, [], [], sealedPhone ? null : e.Phone, null,
            e.DetailsKey, sealedPhone ? key.Id : null);
    }

    /// <summary>A person, their path shared with everyone registered under the same one (each event read brings its own copy).</summary>
    /// <param name="person">As the event has them, without key or attempts yet.</param>
    private static Quiz Registered(Quiz state, Participant person, string keyHash)
    {
        // A registration recorded without a path (the rules refuse one; the fold takes any event) is counted under its committee alone.
        var counted = person.CountedPath;
        var key = Quiz.PathKey(counted);
        var known = state.Paths.GetValueOrDefault(key);
        var path = person.CommitteePath.Count > 0 ? known?.Codes ?? person.CommitteePath : person.CommitteePath;
        return state with
        {
            Participants = state.Participants.SetItem(person.Id, person with
            {
                CommitteeCode = path.Count > 0 ? path[0] : person.CommitteeCode, CommitteePath = path, KeyHash = Sha256Hex.Parse(keyHash) ?? [],
            }),
            Paths = known is not null ? state.Paths : state.Paths.SetItem(key, new RegisteredPath(counted, 0, 0, 0)),
        };
    }

    /// <summary>
    /// An attempt, with the person's own id string and the questions as an array (a million attempts, each smaller); the
    /// person's first makes them one who took part, counted on their path.
    /// </summary>
    private static Quiz Started(Quiz state, AttemptStarted e)
    {
        var person = state.Participants.GetValueOrDefault(e.Participant);
        // Stryker disable once NullCoalescing: the person's own id string and the event's are equal; sharing the first is a memory saving.
        var attempts = state.Attempts.Add(e.AttemptId, new Attempt(e.AttemptId, person?.Id ?? e.Participant, e.Round, e.Questions.ToArray(), e.StartedAt, e.Deadline, null));
        if (person is null)
            return state with { Attempts = attempts };
        return state with
        {
            Attempts = attempts,
            Participants = state.Participants.SetItem(person.Id, person with { AttemptIds = person.AttemptIds.Add(e.AttemptId) }),
            Paths = person.TookPart ? state.Paths : Count(state.Paths, person, p => p with { PeopleTakingPart = p.PeopleTakingPart + 1 }),
        };
    }

    /// <summary>The first submission of an attempt is its result (a retry is decided as nothing to do); its answers count on the person's path.</summary>
    private static Quiz Submitted(Quiz state, AttemptSubmitted e, Attempt attempt)
    {
        var submitted = state with
        {
            Attempts = state.Attempts.SetItem(e.AttemptId, attempt with
            {
                Submission = new SubmittedAttempt(e.Correct, e.Answers.Count, e.Prediction, e.SubmittedAt, QuizAnswers.Fingerprint(e.Answers)),
            }),
        };
        return state.Participants.GetValueOrDefault(attempt.Participant) is { } person
            ? submitted with { Paths = Count(submitted.Paths, person, p => p with { AnswersGiven = p.AnswersGiven + e.Answers.Count, AnswersRight = p.AnswersRight + e.Correct }) }
            : submitted;
    }

    private static ImmutableDictionary<string, RegisteredPath> Count(ImmutableDictionary<string, RegisteredPath> paths, Participant person, Func<RegisteredPath, RegisteredPath> change)
    {
        var counted = person.CountedPath;
        var key = Quiz.PathKey(counted);
        return paths.SetItem(key, change(paths.GetValueOrDefault(key) ?? new RegisteredPath(counted, 0, 0, 0)));
    }
}

using System.ComponentModel.DataAnnotations;
using TuyenGiao.Common;
using TuyenGiao.PersonalData;
using TuyenGiao.Quizzes;

namespace TuyenGiao.Api.Quizzes;

/// <param name="TimeLimitMinutes">Per attempt, from its start (an attempt also ends with its round).</param>
/// <param name="Counting">First or Best: which of a person's attempts in a round counts.</param>
/// <param name="Rounds">In order, each with its window (any offset; answered in Vietnam time).</param>
public sealed record QuizRulesRequest(
    [property: Required] int? QuestionsPerAttempt,
    [property: Required] int? TimeLimitMinutes,
    [property: Required] int? AttemptsPerRound,
    [property: Required] AttemptCounting? Counting,
    [property: Required] IReadOnlyList<QuizRoundRequest?>? Rounds,
    [property: Required] string? PredictionQuestion);

public sealed record QuizRoundRequest([property: Required] DateTimeOffset? OpensAt, [property: Required] DateTimeOffset? ClosesAt);

/// <param name="Questions">The whole bank, numbered in this order from 1; it replaces the bank loaded before.</param>
public sealed record QuestionBankRequest([property: Required] IReadOnlyList<QuizQuestionRequest?>? Questions);

/// <param name="Options">Four options.</param>
/// <param name="Correct">The right options' indexes, 0 to 3: one or more.</param>
public sealed record QuizQuestionRequest([property: Required] string? Text, [property: Required] IReadOnlyList<string>? Options, [property: Required] IReadOnlyList<int>? Correct);

/// <param name="Phone">A Vietnamese number, 0… or +84… (one person either way).</param>
/// <param name="Consent">The person accepts the consent text the quiz shows (<c>consent</c> in the quiz): required, true.</param>
public sealed record RegisterParticipantRequest(
    [property: Required] string? Name,
    [property: Required] string? Phone,
    [property: Required] int? BirthYear,
    [property: Required] string? CommitteeCode,
    [property: Required] bool? Consent);

/// <param name="ParticipantKey">Given once: the participant sends it in the <c>X-Participant-Key</c> header to start and submit attempts.</param>
public sealed record ParticipantResponse(string Phone, string ParticipantKey);

/// <param name="AttemptId">The client's id for the attempt (made when the page opens): the same id again answers the same attempt.</param>
public sealed record StartAttemptRequest([property: Required] string? AttemptId, [property: Required] string? Phone);

/// <param name="Answers">One per question answered: the options chosen (indexes 0 to 3).</param>
/// <param name="Prediction">The answer to the prediction question: how many people will answer every question of the round right.</param>
public sealed record SubmitAttemptRequest([property: Required] string? Phone, [property: Required] IReadOnlyList<QuizAnswerRequest?>? Answers, [property: Required] long? Prediction);

public sealed record QuizAnswerRequest([property: Required] int? Question, [property: Required] IReadOnlyList<int>? Chosen);

public sealed record QuizRoundResponse(int Number, DateTimeOffset OpensAt, DateTimeOffset ClosesAt);

/// <param name="OpenRound">The round open now, if any.</param>
public sealed record QuizResponse(
    string ContestId, int QuestionsPerAttempt, int TimeLimitMinutes, int AttemptsPerRound, AttemptCounting Counting,
    IReadOnlyList<QuizRoundResponse> Rounds, string PredictionQuestion, int BankSize, int Participants, string Consent, int? OpenRound,
    IReadOnlyList<int> PublishedRounds)
{
    public static QuizResponse From(QuizView view, DateTimeOffset now) => new(
        view.ContestId, view.Rules.QuestionsPerAttempt, (int)view.Rules.TimeLimit.TotalMinutes, view.Rules.AttemptsPerRound, view.Rules.Counting,
        view.Rules.Rounds.Select(r => new QuizRoundResponse(r.Number, VietnamTime.Of(r.OpensAt), VietnamTime.Of(r.ClosesAt))).ToList(),
        view.Rules.PredictionQuestion, view.BankSize, view.Participants, view.Consent,
        view.Rules.RoundAt(now)?.Number, view.PublishedRounds);
}

/// <summary>A question while the round is open: no key.</summary>
public sealed record AttemptQuestionResponse(int Number, string Text, IReadOnlyList<string> Options);

/// <param name="Deadline">From the server's clock: answers after it are refused.</param>
/// <param name="Correct">Once submitted: how many were answered right.</param>
public sealed record AttemptResponse(
    string AttemptId, int Round, IReadOnlyList<AttemptQuestionResponse> Questions, DateTimeOffset StartedAt, DateTimeOffset Deadline, int? Correct,
    DateTimeOffset? SubmittedAt)
{
    public static AttemptResponse From(AttemptView view) => new(
        view.AttemptId, view.Round, view.Questions.Select(q => new AttemptQuestionResponse(q.Number, q.Text, q.Options)).ToList(),
        VietnamTime.Of(view.StartedAt), VietnamTime.Of(view.Deadline), view.Correct, view.SubmittedAt is { } at ? VietnamTime.Of(at) : null);
}

/// <param name="PredictionOff">How far the prediction was from <see cref="RoundResultsResponse.AllCorrect"/>; null without one.</param>
public sealed record RankedParticipantResponse(int Rank, string Name, string CommitteeCode, int Correct, long? Prediction, long? PredictionOff, double TookSeconds);

public sealed record KeyedQuestionResponse(int Number, string Text, IReadOnlyList<string> Options, IReadOnlyList<int> Correct);

/// <param name="AllCorrect">How many people answered every question right: the prediction question's answer.</param>
/// <param name="Key">The round's questions with their right options, published with the results.</param>
/// <param name="Published">Whether the round's prizes are final; <paramref name="Prizes"/> is empty until then.</param>
public sealed record RoundResultsResponse(
    int Round, int AllCorrect, IReadOnlyList<RankedParticipantResponse> Ranking, IReadOnlyList<KeyedQuestionResponse> Key, bool Published,
    IReadOnlyList<PublishedPrizeResponse> Prizes)
{
    /// <param name="opened">The people's names, opened.</param>
    public static RoundResultsResponse From(RoundResults results, Revealed opened) => new(
        results.Round, results.Ranking.AllCorrect,
        results.Ranking.Ranking.Select(r =>
        {
            var person = results.People[r.Attempt.Participant];
            return new RankedParticipantResponse(r.Rank, opened.Text(person.Name)!, person.CommitteeCode, r.Attempt.Correct, r.Attempt.Prediction, r.PredictionOff,
                Math.Round(r.Attempt.Took.TotalSeconds, 1));
        }).ToList(),
        results.Key.Select(q => new KeyedQuestionResponse(q.Number, q.Text, q.Options, q.Correct)).ToList(), results.Published,
        results.Prizes.Select(p => new PublishedPrizeResponse(p.Tier, opened.Text(p.Person.Name)!, p.Person.CommitteeCode)).ToList());
}

/// <param name="Depth">Below the eligible committee it belongs to: 0 for that committee.</param>
public sealed record QuizCommitteeResponse(string Code, string Name, int Depth);

/// <param name="Phone">The person who takes the prize: as they registered (0… or +84…).</param>
public sealed record GrantRoundPrizeRequest([property: Required] string? Tier, [property: Required] string? Phone, [property: Required] string? Reason);

public sealed record CorrectRoundPrizeRequest(
    [property: Required] string? Tier, [property: Required] string? FromPhone, [property: Required] string? ToPhone, [property: Required] string? Reason);

/// <summary>A prize of a round and who holds it, as the organiser sees it (with the phone, to reach the winner).</summary>
public sealed record RoundPrizeResponse(string Tier, string Name, string CommitteeCode, string Phone)
{
    /// <param name="opened">The holder's name and number, opened (a number the store no longer holds reads as erased).</param>
    public static RoundPrizeResponse From(PrizeHolder holder, Revealed opened) =>
        new(holder.Tier, opened.Text(holder.Person.Name)!, holder.Person.CommitteeCode, opened.Text(holder.Phone) ?? SealedText.Erased);
}

/// <summary>A published prize of a round, for everyone: no phone.</summary>
public sealed record PublishedPrizeResponse(string Tier, string Name, string CommitteeCode);

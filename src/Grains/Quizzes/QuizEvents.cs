using System.Text.Json.Serialization;
using TuyenGiao.PersonalData;

namespace TuyenGiao.Quizzes;

// The facts of a contest's online quiz, in its own stream beside the contest's. Immutable; a change is a new event.
// A person is named in every event after their registration by their participant id (Quiz.ParticipantId): their
// pseudonym, or for a person registered before personal data was sealed, their number. Those fields keep the JSON name
// they were first stored under ("phone"), so that every event stored reads back.

/// <summary>The rules as they stand (all of them, not a diff): set, or replaced before the first round opens.</summary>
public sealed record QuizRulesSet(string ContestId, QuizRules Rules);

/// <summary>The whole bank, key included: replaced as a whole before the first round opens. Only admins and auditors read events.</summary>
public sealed record QuestionBankLoaded(string ContestId, IReadOnlyList<QuizQuestion> Questions);

/// <summary>
/// A registration as recorded before personal data was sealed (<see cref="ParticipantRegisteredV2"/> since): the data
/// in plain, the number the person's id. Still read, never recorded again.
/// </summary>
/// <param name="Phone">The normalised number (+84…): one person, one registration.</param>
/// <param name="CommitteePath">The committee and its ancestors up to the root, as organised at registration.</param>
/// <param name="KeyHash">SHA-256 of the participant's key (the key itself is given to the participant once, never stored).</param>
/// <param name="Consent">The consent text the person accepted, as shown to them.</param>
public sealed record ParticipantRegistered(
    string ContestId, string Phone, string Name, int BirthYear, string CommitteeCode, IReadOnlyList<string> CommitteePath, string KeyHash, string Consent);

/// <summary>A person registered for the quiz: number, name and year of birth sealed at rest under a data key of theirs.</summary>
/// <param name="ParticipantKey">Their pseudonym (<see cref="PersonPseudonyms.OfParticipant"/> of the number): one person, one registration.</param>
/// <param name="Phone">The normalised number (+84…), sealed once stored.</param>
/// <param name="BirthYear">The year as text, sealed once stored.</param>
/// <param name="DetailsKey">The pseudonym of name and year (<see cref="PersonPseudonyms.OfParticipantDetails"/>): what tells the
/// same person registering again from someone else with their number, without keeping either.</param>
/// <param name="CommitteePath">The committee and its ancestors up to the root, as organised at registration.</param>
/// <param name="KeyHash">SHA-256 of the participant's key (the key itself is given to the participant once, never stored).</param>
/// <param name="Consent">The consent text the person accepted, as shown to them.</param>
public sealed record ParticipantRegisteredV2(
    string ContestId, long ParticipantKey, string Phone, string Name, string BirthYear, long DetailsKey, string CommitteeCode, IReadOnlyList<string> CommitteePath,
    string KeyHash, string Consent) : IHoldsPersonalData
{
    long IHoldsPersonalData.PersonKey => ParticipantKey;

    object IHoldsPersonalData.WithPersonalTexts(Func<string, string> transform) =>
        this with { Phone = transform(Phone), Name = transform(Name), BirthYear = transform(BirthYear) };
}

/// <summary>The same person registered again with the same name and year of birth (a new phone or browser): a new key replaces the old one.</summary>
public sealed record ParticipantKeyReissued(string ContestId, [property: JsonPropertyName("phone")] string Participant, string KeyHash);

/// <param name="Questions">The drawn question numbers, in the order shown.</param>
/// <param name="Seed">The draw's seed: <see cref="QuizDraw"/> of the bank with it gives <paramref name="Questions"/> again.</param>
/// <param name="Deadline">The start plus the time limit, or the round's close if earlier.</param>
public sealed record AttemptStarted(
    string ContestId, string AttemptId, [property: JsonPropertyName("phone")] string Participant, int Round, IReadOnlyList<int> Questions, ulong Seed,
    DateTimeOffset StartedAt, DateTimeOffset Deadline);

/// <param name="Correct">Graded at submission against the key.</param>
public sealed record AttemptSubmitted(
    string ContestId, string AttemptId, IReadOnlyList<QuizAnswer> Answers, long Prediction, int Correct, DateTimeOffset SubmittedAt);

/// <summary>A prize of a round to a person, filled from the round's ranking (no reason) or granted directly (with one).</summary>
public sealed record RoundPrizeGranted(string ContestId, int Round, string Tier, [property: JsonPropertyName("phone")] string Participant, string? Reason);

/// <summary>The round's prizes are final and public; a change after this is a correction.</summary>
public sealed record RoundResultsPublished(string ContestId, int Round, DateTimeOffset PublishedAt);

/// <summary>After publication: a prize of a round taken from one person and given to another, with the reason.</summary>
public sealed record RoundPrizeCorrected(
    string ContestId, int Round, string Tier, [property: JsonPropertyName("fromPhone")] string From, [property: JsonPropertyName("toPhone")] string To, string Reason);

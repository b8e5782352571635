namespace TuyenGiao.Quizzes;

// The facts of a contest's online quiz, in its own stream beside the contest's. Immutable; a change is a new event.

/// <summary>The rules as they stand (all of them, not a diff): set, or replaced before the first round opens.</summary>
public sealed record QuizRulesSet(string ContestId, QuizRules Rules);

/// <summary>The whole bank, key included: replaced as a whole before the first round opens. Only admins and auditors read events.</summary>
public sealed record QuestionBankLoaded(string ContestId, IReadOnlyList<QuizQuestion> Questions);

/// <param name="Phone">The normalised number (+84…): one person, one registration.</param>
/// <param name="CommitteePath">The committee and its ancestors up to the root, as organised at registration.</param>
/// <param name="KeyHash">SHA-256 of the participant's key (the key itself is given to the participant once, never stored).</param>
/// <param name="Consent">The consent text the person accepted, as shown to them.</param>
public sealed record ParticipantRegistered(
    string ContestId, string Phone, string Name, int BirthYear, string CommitteeCode, IReadOnlyList<string> CommitteePath, string KeyHash, string Consent);

/// <summary>The same person registered again with the same name and year of birth (a new phone or browser): a new key replaces the old one.</summary>
public sealed record ParticipantKeyReissued(string ContestId, string Phone, string KeyHash);

/// <param name="Questions">The drawn question numbers, in the order shown.</param>
/// <param name="Seed">The draw's seed: <see cref="QuizDraw"/> of the bank with it gives <paramref name="Questions"/> again.</param>
/// <param name="Deadline">The start plus the time limit, or the round's close if earlier.</param>
public sealed record AttemptStarted(
    string ContestId, string AttemptId, string Phone, int Round, IReadOnlyList<int> Questions, ulong Seed, DateTimeOffset StartedAt, DateTimeOffset Deadline);

/// <param name="Correct">Graded at submission against the key.</param>
public sealed record AttemptSubmitted(
    string ContestId, string AttemptId, IReadOnlyList<QuizAnswer> Answers, long Prediction, int Correct, DateTimeOffset SubmittedAt);

/// <summary>A prize of a round to a person, filled from the round's ranking (no reason) or granted directly (with one).</summary>
public sealed record RoundPrizeGranted(string ContestId, int Round, string Tier, string Phone, string? Reason);

/// <summary>The round's prizes are final and public; a change after this is a correction.</summary>
public sealed record RoundResultsPublished(string ContestId, int Round, DateTimeOffset PublishedAt);

/// <summary>After publication: a prize of a round taken from one person and given to another, with the reason.</summary>
public sealed record RoundPrizeCorrected(string ContestId, int Round, string Tier, string FromPhone, string ToPhone, string Reason);

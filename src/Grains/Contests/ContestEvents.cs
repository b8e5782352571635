using TuyenGiao.PersonalData;

namespace TuyenGiao.Contests;

// The facts of a contest. Immutable; a change is a new event, never an edit.

/// <param name="Details">Title, window (UTC), target, eligible committees (each with everything below it; empty:
/// the organiser's subtree), per-author limit and prize tiers.</param>
public sealed record ContestAnnounced(string ContestId, string OrganiserCode, ContestKind Kind, ContestDetails Details);

/// <summary>The details as they stand after an amendment before the contest opens (all of them, not a diff).</summary>
public sealed record ContestAmended(string ContestId, ContestDetails Details);

public sealed record ContestCancelled(string ContestId, string Reason);

/// <param name="CommitteePath">The author's committee and its ancestors up to the root, as organised when the
/// entry came in, so that roll-ups are computed from the events alone.</param>
/// <param name="AuthorName">Personal: stored sealed under a data key of the author (<see cref="IHoldsPersonalData"/>).</param>
/// <param name="Fingerprint">A hash of the submitted body: the same submission id with another body is refused.</param>
/// <param name="AuthorKey">The author's pseudonym (<see cref="PersonPseudonyms.OfAuthor"/>), by which the rules count
/// entries per author and an erasure finds them. Null in events stored before names were sealed, whose plain names are
/// counted by <see cref="SubmissionIdentity.LegacyAuthorKey"/>.</param>
public sealed record EntrySubmitted(
    string ContestId,
    int EntryNumber,
    string SubmissionId,
    string AuthorName,
    string CommitteeCode,
    IReadOnlyList<string> CommitteePath,
    string Title,
    int Words,
    int? QuestionsAnswered,
    int? QuestionsCorrect,
    long Fingerprint,
    DateTimeOffset SubmittedAt,
    long? AuthorKey = null) : IHoldsPersonalData
{
    long IHoldsPersonalData.PersonKey => AuthorKey ?? 0;

    object IHoldsPersonalData.WithPersonalTexts(Func<string, string> transform) => this with { AuthorName = transform(AuthorName) };
}

/// <param name="Entry">What the entry counted for, so the fold takes it off the counts from this event alone. Null only
/// in events stored before it was recorded (contest state shape 3 and earlier), which the fold completes from the
/// stream's own EntrySubmitted (<see cref="EntryFactsOfEarlierEvents"/>).</param>
public sealed record EntryWithdrawn(string ContestId, int EntryNumber, string SubmissionId, EntryFacts? Entry = null);

/// <param name="Entry">As for <see cref="EntryWithdrawn"/>.</param>
public sealed record EntryDisqualified(string ContestId, int EntryNumber, string Reason, EntryFacts? Entry = null);

namespace TuyenGiao.Contests;

// Judging and awards. A rescore is a new EntryScored that supersedes the earlier one of the same judge,
// entry and round; a change to published results is an explicit AwardCorrected.

public sealed record JudgeAssigned(string ContestId, string JudgeId, string Name, string CommitteeCode);

/// <param name="Entry">The scored entry's facts (its committee, for the ranking); null only in events stored before it was recorded.</param>
/// <param name="Sheet">The points per criterion, in the contest's order, when it is scored by a sheet (their sum is <paramref name="Score"/>).</param>
public sealed record EntryScored(string ContestId, int EntryNumber, string JudgeId, int Round, int Score, EntryFacts? Entry = null,
    IReadOnlyList<CriterionScore>? Sheet = null);

/// <summary>
/// A judge may not score this entry: a relative, a colleague, a mentor. A score the judge recorded before is set aside
/// by the ranking (it stays in the log). Declared by the judge, or recorded by the organiser.
/// </summary>
/// <param name="Entry">The entry's facts (its committee, for the size of the judge's queue).</param>
public sealed record ConflictDeclared(string ContestId, string JudgeId, int EntryNumber, string Reason, bool ByOrganiser, EntryFacts Entry);

/// <summary>A conflict recorded in error, lifted by the organiser with the reason: the judge may see and score the entry again,
/// and a score they gave it before counts again.</summary>
public sealed record ConflictLifted(string ContestId, string JudgeId, int EntryNumber, string Reason);

/// <summary>How the round's scores are normalised from now on, replacing the contest's default for that round.</summary>
public sealed record NormalisationChosen(string ContestId, int Round, ScoreNormalisationMethod Method);

/// <param name="EntryNumber">The awarded entry, for an individual tier.</param>
/// <param name="CommitteeCode">The awarded committee, for a collective tier.</param>
/// <param name="Reason">Why, when the organiser grants it directly rather than from the ranking.</param>
/// <param name="Entry">The awarded entry's facts (its committee and path, for the awards per committee), for an individual tier.</param>
public sealed record AwardGranted(string ContestId, string Tier, bool Collective, int? EntryNumber, string? CommitteeCode, string? Reason, EntryFacts? Entry = null);

public sealed record ResultsPublished(string ContestId, DateTimeOffset PublishedAt);

/// <summary>
/// The contest's retention ran out: its entrants' personal data is erased, every data key of its stream and of its
/// online quiz's (the quiz's participants are its entrants) destroyed in this event's transaction. Entries, counts,
/// scores, attempts and awards stay; their names and numbers read "[đã xoá]" from now on.
/// </summary>
public sealed record EntrantsPersonalDataErased(string ContestId, DateTimeOffset PublishedAt, int RetentionMonths, DateTimeOffset ErasedAt)
    : PersonalData.IErasesPersonalData
{
    long? PersonalData.IErasesPersonalData.ErasesPerson => null;

    IReadOnlyList<string> PersonalData.IErasesPersonalData.ErasesStreams => Contest.EntrantDataStreamsOf(ContestId);
}

/// <summary>After publication: one award taken from an entry or committee and given to another, with the reason.</summary>
public sealed record AwardCorrected(string ContestId, string Tier, bool Collective,
    int? FromEntryNumber, string? FromCommitteeCode, int? ToEntryNumber, string? ToCommitteeCode, string Reason, EntryFacts? ToEntry = null);

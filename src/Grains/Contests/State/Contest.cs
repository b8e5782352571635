using System.Collections.Immutable;

namespace TuyenGiao.Contests;

/// <summary>
/// A contest as its events made it. <see cref="Id"/> is the stream id (Marten sets it so), <see cref="ContestId"/> the
/// contest's own id. What it keeps grows with the contest's committees, days and authors, not with its entries' texts
/// or records: per entry only a 24-byte slot of <see cref="Submissions"/> (to recognise a retry and refuse a reused id),
/// per author one count. The entries themselves are in the <c>contest_entries</c> read model, written in the append's
/// transaction, where withdrawal, disqualification, scoring and the judges' view find them by index.
/// Immutable: the tables share structure between versions, so a batch decided on top of the stored state costs a few
/// copied leaves, not a copy of the table.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Contest(
    [property: Id(0)] string Id,
    [property: Id(13)] string ContestId,
    [property: Id(1)] ContestStatus Status,
    [property: Id(2)] string OrganiserCode,
    [property: Id(3)] ContestKind Kind,
    [property: Id(4)] ContestDetails? Details,
    [property: Id(19)] SubmissionTable Submissions,
    [property: Id(20)] AuthorCounts ActiveEntriesByAuthor,
    [property: Id(21)] ImmutableDictionary<int, EntryStatus> Ended,
    [property: Id(8)] ImmutableDictionary<string, CommitteeEntries> ByRecordedPath,
    [property: Id(9)] ImmutableSortedDictionary<DateOnly, int> AcceptedByDay,
    [property: Id(10)] int Accepted,
    [property: Id(11)] int Withdrawn,
    [property: Id(12)] int Disqualified,
    [property: Id(14)] Judging Judging,
    [property: Id(15)] QuizAnswers Quiz,
    [property: Id(16)] int Shape,
    [property: Id(22)] DateTimeOffset? EntrantsPersonalDataErasedAt = null) : EventStore.ISnapshotShape
{
    /// <summary>
    /// The layout of this state. A snapshot of another layout is not restored: the state is folded from the events instead.
    /// 2: entries are counted per committee and the path it had when each entry came in (before: per committee, with the
    /// path of its first entry). 3: each such count knows its latest entry, so the tally finds a committee's current
    /// parent without reading every entry. 4: no per-entry records; submissions and authors in compact tables. 5: the
    /// judging knows each round's normalisation and the judges' conflicts of interest.
    /// </summary>
    public const int CurrentShape = 5;

    public bool IsCurrentShape => Shape == CurrentShape;

    public static string StreamIdFor(string contestId) => $"contest/{contestId}";

    /// <summary>The streams that hold the contest's entrants' personal data: its own (authors' names) and its online quiz's (participants').</summary>
    public static IReadOnlyList<string> EntrantDataStreamsOf(string contestId) => [StreamIdFor(contestId), Quizzes.Quiz.StreamIdFor(contestId)];

    public static Contest None(string contestId) => new(
        StreamIdFor(contestId), contestId, ContestStatus.None, "", ContestKind.Writing, null,
        SubmissionTable.Empty, AuthorCounts.Empty, ImmutableDictionary<int, EntryStatus>.Empty,
        ImmutableDictionary<string, CommitteeEntries>.Empty, ImmutableSortedDictionary<DateOnly, int>.Empty, 0, 0, 0, Judging.Empty, new QuizAnswers(0, 0),
        CurrentShape);

    /// <summary>How many entries were recorded: each has one slot, and entry numbers are dense from 1.</summary>
    public int EntryCount => Submissions.Count;

    /// <summary>The submission recorded under this id (already trimmed), or null.</summary>
    public SubmissionSeen? FindSubmission(string submissionId) => Submissions.Find(SubmissionIdentity.Key(submissionId));

    /// <summary>
    /// The entry's status as this state knows it: withdrawn or disqualified when an event here ended it, else what the
    /// read model said (it may be ahead of this state, never behind: it is written with the events).
    /// </summary>
    public EntryStatus StatusOf(EntryOnRecord entry) => Ended.TryGetValue(entry.Number, out var ended) ? ended : entry.Status;
}

/// <summary>
/// What an entry counted for when it came in, restated by every later event about it (withdrawal, disqualification,
/// a score, an award), so that the fold adjusts the counts from the event alone.
/// </summary>
/// <param name="CommitteePath">The committee and its ancestors as organised when the entry came in (itself first).</param>
[GenerateSerializer, Immutable]
public sealed record EntryFacts(
    [property: Id(0)] string CommitteeCode,
    [property: Id(1)] IReadOnlyList<string> CommitteePath,
    [property: Id(2)] long AuthorKey,
    [property: Id(3)] DateTimeOffset SubmittedAt,
    [property: Id(4)] int QuestionsAnswered,
    [property: Id(5)] int QuestionsCorrect)
{
    public static EntryFacts Of(EntrySubmitted e) => new(
        e.CommitteeCode, e.CommitteePath.Count > 0 ? e.CommitteePath : [e.CommitteeCode], SubmissionIdentity.AuthorOf(e),
        e.SubmittedAt, e.QuestionsAnswered ?? 0, e.QuestionsCorrect ?? 0);
}

/// <summary>An entry as the read model holds it, looked up by the grain before a rule that concerns one entry.</summary>
[GenerateSerializer, Immutable]
public sealed record EntryOnRecord(
    [property: Id(0)] int Number,
    [property: Id(1)] string SubmissionId,
    [property: Id(2)] EntryStatus Status,
    [property: Id(3)] EntryFacts Facts);

/// <summary>Questions answered and answered correctly, over the accepted quiz entries.</summary>
[GenerateSerializer, Immutable]
public readonly record struct QuizAnswers([property: Id(0)] long Answered, [property: Id(1)] long Correct);

/// <summary>
/// A committee's own entries (not its subtree's) recorded while it had one path to the root (itself first), for roll-ups as
/// recorded: a committee that moved has one of these per path, so each entry rolls up where the committee stood when it came in.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CommitteeEntries(
    [property: Id(0)] IReadOnlyList<string> Path,
    [property: Id(1)] int Accepted,
    [property: Id(2)] int Withdrawn,
    [property: Id(3)] int Disqualified,
    [property: Id(4)] int LatestEntryNumber);

using System.Collections.Immutable;

namespace TuyenGiao.Contests;

/// <summary>
/// A contest as its events made it. <see cref="Id"/> is the stream id (Marten sets it so), <see cref="ContestId"/> the
/// contest's own id. Immutable, so that Orleans' tentative view is a cheap shallow copy even with
/// a million entries; the persistent collections share structure between versions. Entries are kept compact
/// (<see cref="EntryRecord"/>): what the rules and the tallies need, not the texts.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Contest(
    [property: Id(0)] string Id,
    [property: Id(13)] string ContestId,
    [property: Id(1)] ContestStatus Status,
    [property: Id(2)] string OrganiserCode,
    [property: Id(3)] ContestKind Kind,
    [property: Id(4)] ContestDetails? Details,
    [property: Id(5)] ImmutableList<EntryRecord> Entries,
    [property: Id(6)] ImmutableDictionary<string, int> EntryBySubmission,
    [property: Id(7)] ImmutableDictionary<long, int> ActiveEntriesByAuthor,
    [property: Id(8)] ImmutableDictionary<string, CommitteeEntries> ByRecordedPath,
    [property: Id(9)] ImmutableSortedDictionary<DateOnly, int> AcceptedByDay,
    [property: Id(10)] int Accepted,
    [property: Id(11)] int Withdrawn,
    [property: Id(12)] int Disqualified,
    [property: Id(14)] Judging Judging,
    [property: Id(15)] QuizAnswers Quiz,
    [property: Id(16)] int Shape) : EventStore.ISnapshotShape
{
    /// <summary>
    /// The layout of this state. A snapshot of another layout is not restored: the state is folded from the events instead.
    /// 2: entries are counted per committee and the path it had when each entry came in (before: per committee, with the
    /// path of its first entry). 3: each such count knows its latest entry, so the tally finds a committee's current
    /// parent without reading every entry.
    /// </summary>
    public const int CurrentShape = 3;

    public bool IsCurrentShape => Shape == CurrentShape;

    public static string StreamIdFor(string contestId) => $"contest/{contestId}";

    public static Contest None(string contestId) => new(
        StreamIdFor(contestId), contestId, ContestStatus.None, "", ContestKind.Writing, null,
        ImmutableList<EntryRecord>.Empty, ImmutableDictionary<string, int>.Empty, ImmutableDictionary<long, int>.Empty,
        ImmutableDictionary<string, CommitteeEntries>.Empty, ImmutableSortedDictionary<DateOnly, int>.Empty, 0, 0, 0, Judging.Empty, new QuizAnswers(0, 0),
        CurrentShape);

    public EntryRecord? FindBySubmission(string submissionId) =>
        EntryBySubmission.TryGetValue(submissionId, out var number) ? Entries[number - 1] : null;

    public EntryRecord? FindByNumber(int entryNumber) =>
        entryNumber >= 1 && entryNumber <= Entries.Count ? Entries[entryNumber - 1] : null;
}

/// <summary>One entry, compactly: enough to answer a retry, enforce limits and adjust tallies.</summary>
[GenerateSerializer, Immutable]
public readonly record struct EntryRecord(
    [property: Id(0)] int Number,
    [property: Id(1)] string SubmissionId,
    [property: Id(2)] long Fingerprint,
    [property: Id(3)] long AuthorKey,
    [property: Id(4)] string CommitteeCode,
    [property: Id(5)] DateOnly Day,
    [property: Id(6)] DateTimeOffset SubmittedAt,
    [property: Id(7)] EntryStatus Status,
    [property: Id(8)] short QuestionsAnswered,
    [property: Id(9)] short QuestionsCorrect,
    [property: Id(10)] string PathKey);

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

namespace TuyenGiao.Contests;

/// <summary>
/// What a judge has done in a round, read from the state alone: their score of an entry (to show it back and let them
/// rescore), and how many of the entries still in the contest they have scored (their progress against their queue).
/// </summary>
public static class JudgeWork
{
    public static int? ScoreOf(Contest state, string judgeId, int round, int entryNumber) =>
        state.Judging.ScoresByEntry.TryGetValue(entryNumber, out var scores) && scores.TryGetValue(new ScoreKey(judgeId, round), out var score)
            ? score
            : null;

    /// <summary>
    /// Whether an entry with this committee path (its committee first) is on the judge's own side: their committee's, or
    /// when the contest says so, any committee's below it.
    /// </summary>
    public static bool OnOwnSide(Contest state, string judgeCommittee, IReadOnlyList<string> entryPath) =>
        entryPath[0] == judgeCommittee || (state.Details?.JudgingOrDefault().ConflictsCoverSubtree == true && entryPath.Contains(judgeCommittee));

    /// <summary>
    /// How many entries the judge may score: those still in the contest, less those on their own side and those they have
    /// a conflict with (the counts per committee are in the state, so a million entries cost no query).
    /// </summary>
    public static int QueueSize(Contest state, Judge judge) =>
        state.Accepted
        - state.ByRecordedPath.Values.Where(c => OnOwnSide(state, judge.CommitteeCode, c.Path)).Sum(c => c.Accepted)
        - ConflictsInQueue(state, judge).Count();

    /// <summary>The entries the judge has a conflict with that would otherwise be in their queue: they neither see nor score them.</summary>
    public static IEnumerable<int> ConflictsInQueue(Contest state, Judge judge) =>
        state.Judging.Conflicts
            .Where(c => c.JudgeId == judge.JudgeId && !state.Ended.ContainsKey(c.EntryNumber)
                && !OnOwnSide(state, judge.CommitteeCode, state.Judging.FactsOf(c.EntryNumber).CommitteePath))
            .Select(c => c.EntryNumber);

    /// <summary>
    /// An entry withdrawn or disqualified after it was scored, or one the judge declared a conflict with, has left the
    /// judge's queue: its score no longer counts here.
    /// </summary>
    public static int ScoredCount(Contest state, string judgeId, int round)
    {
        var key = new ScoreKey(judgeId, round);
        return state.Judging.ScoresByEntry.Count(e => e.Value.ContainsKey(key) && !state.Ended.ContainsKey(e.Key) && !state.Judging.InConflict(judgeId, e.Key));
    }
}

/// <summary>A page of a judge's queue: entry numbers with the judge's score in the round (null: not yet), and their progress.</summary>
[GenerateSerializer, Immutable]
public sealed record JudgeQueuePage([property: Id(0)] IReadOnlyList<QueuedEntry> Entries, [property: Id(1)] int Scored, [property: Id(2)] int Total);

[GenerateSerializer, Immutable]
public sealed record QueuedEntry([property: Id(0)] int EntryNumber, [property: Id(1)] int? Score);

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
    /// How many entries the judge may score: those still in the contest, less those of the judge's own committee (the
    /// counts per committee are in the state, so a million entries cost no query).
    /// </summary>
    public static int QueueSize(Contest state, string judgeCommittee) =>
        state.Accepted - state.ByRecordedPath.Values.Where(c => c.Path[0] == judgeCommittee).Sum(c => c.Accepted);

    /// <summary>An entry withdrawn or disqualified after it was scored has left the judge's queue: its score no longer counts here.</summary>
    public static int ScoredCount(Contest state, string judgeId, int round)
    {
        var key = new ScoreKey(judgeId, round);
        return state.Judging.ScoresByEntry.Count(e => e.Value.ContainsKey(key) && !state.Ended.ContainsKey(e.Key));
    }
}

/// <summary>A page of a judge's queue: entry numbers with the judge's score in the round (null: not yet), and their progress.</summary>
[GenerateSerializer, Immutable]
public sealed record JudgeQueuePage([property: Id(0)] IReadOnlyList<QueuedEntry> Entries, [property: Id(1)] int Scored, [property: Id(2)] int Total);

[GenerateSerializer, Immutable]
public sealed record QueuedEntry([property: Id(0)] int EntryNumber, [property: Id(1)] int? Score);

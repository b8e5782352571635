using System.Collections.Immutable;

namespace TuyenGiao.Contests;

/// <summary>
/// The judging panel, the scores and the awards of a contest, with the facts of the entries they concern (scored or
/// awarded entries are few, so the ranking and the awards per committee need no lookup).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Judging(
    [property: Id(0)] ImmutableDictionary<string, Judge> Judges,
    [property: Id(1)] ImmutableDictionary<int, ImmutableDictionary<ScoreKey, int>> ScoresByEntry,
    [property: Id(2)] ImmutableList<Award> Awards,
    [property: Id(3)] DateTimeOffset? PublishedAt,
    [property: Id(4)] ImmutableDictionary<int, EntryFacts> Entries,
    [property: Id(5)] ImmutableDictionary<int, ScoreNormalisationMethod> NormalisationByRound,
    [property: Id(6)] ImmutableHashSet<JudgeConflict> Conflicts)
{
    public static readonly Judging Empty = new(ImmutableDictionary<string, Judge>.Empty,
        ImmutableDictionary<int, ImmutableDictionary<ScoreKey, int>>.Empty, ImmutableList<Award>.Empty, null, ImmutableDictionary<int, EntryFacts>.Empty,
        ImmutableDictionary<int, ScoreNormalisationMethod>.Empty, ImmutableHashSet<JudgeConflict>.Empty);

    /// <summary>How the round's scores are normalised: the organiser's choice for it, else the contest's default.</summary>
    public ScoreNormalisationMethod NormalisationOf(int round, JudgingRules rules) =>
        NormalisationByRound.TryGetValue(round, out var chosen) ? chosen : rules.Normalisation;

    public bool InConflict(string judgeId, int entryNumber) => Conflicts.Contains(new JudgeConflict(judgeId, entryNumber));

    /// <summary>The facts of a judged entry, recorded by the scores and awards that concern it.</summary>
    public EntryFacts FactsOf(int entryNumber) =>
        Entries.TryGetValue(entryNumber, out var facts) ? facts : throw new InvalidOperationException($"Entry {entryNumber} is judged but its facts were never recorded.");

    public Judging Knowing(int? entryNumber, EntryFacts? facts) =>
        entryNumber is { } number && facts is not null ? this with { Entries = Entries.SetItem(number, facts) } : this;

    public bool IsPublished => PublishedAt is not null;

    public int GrantedIn(string tier, bool collective) => Awards.Count(a => a.Tier == tier && a.Collective == collective);
}

[GenerateSerializer, Immutable]
public sealed record Judge([property: Id(0)] string JudgeId, [property: Id(1)] string Name, [property: Id(2)] string CommitteeCode);

/// <summary>A judge who may not score an entry (declared by them or recorded by the organiser).</summary>
[GenerateSerializer, Immutable]
public readonly record struct JudgeConflict([property: Id(0)] string JudgeId, [property: Id(1)] int EntryNumber);

[GenerateSerializer, Immutable]
public readonly record struct ScoreKey([property: Id(0)] string JudgeId, [property: Id(1)] int Round);

[GenerateSerializer, Immutable]
public sealed record Award(
    [property: Id(0)] string Tier,
    [property: Id(1)] bool Collective,
    [property: Id(2)] int? EntryNumber,
    [property: Id(3)] string? CommitteeCode,
    [property: Id(4)] string? Reason);

namespace TuyenGiao.Contests;

// Why an entry stands where it does, line by line, each line citing the event it rests on (issue 23). Computed from
// the contest's events alone (RankingExplanation), so the explanation as of a version never changes.

/// <summary>The event a line rests on: its stream and version, when it was recorded and by whom.</summary>
/// <param name="Actor">Who recorded it; null when the reader may not know (a judge's identity, to the public).</param>
public sealed record EventCitation(string StreamId, long Version, DateTimeOffset RecordedAt, string? Actor);

/// <summary>A judge as the reader may see them: named to the organisers and auditors, numbered to everyone else.</summary>
/// <param name="Label">"Giám khảo N", N their place in the order of assignment to the panel: the same for every reader.</param>
public sealed record ExplainedJudge(string Label, string? JudgeId, string? Name, string? CommitteeCode);

public enum ScoreStanding
{
    /// <summary>Counted in the entry's score.</summary>
    Counted,

    /// <summary>Dropped as the highest or lowest of five or more (the trimmed mean).</summary>
    Trimmed,

    /// <summary>Not counted: the judge declared (or the organiser recorded) a conflict of interest with the entry.</summary>
    SetAside,

    /// <summary>Not counted: the entry is ranked by a later round.</summary>
    EarlierRound,
}

/// <summary>A judge's score of the entry in a round: the last one they gave (a rescore supersedes).</summary>
/// <param name="Normalised">The score after the round's normalisation; null when it does not count (set aside).</param>
/// <param name="Superseded">How many earlier scores of the same judge and round this one replaced.</param>
/// <param name="Conflict">The conflict that set it aside, with its reason.</param>
public sealed record ExplainedScore(
    ExplainedJudge Judge, int Round, int Score, IReadOnlyList<CriterionScore>? Sheet, decimal? Normalised, ScoreStanding Standing,
    int Superseded, EventCitation Event, ExplainedConflict? Conflict);

public sealed record ExplainedConflict(string Reason, bool ByOrganiser, EventCitation Event);

/// <summary>How a round's scores were normalised, with its parameters and the judges of this entry's scales.</summary>
/// <param name="Event">The organiser's choice for the round, or the contest's details that set the default.</param>
public sealed record ExplainedRound(int Round, ScoreNormalisationMethod Method, decimal PanelMean, decimal PanelSpread,
    IReadOnlyList<ExplainedScale> Judges, EventCitation? Event);

/// <param name="UsedRaw">The judge's scores counted as given: too few in the round to normalise, or the method is raw.</param>
public sealed record ExplainedScale(ExplainedJudge Judge, int Scores, decimal Mean, decimal Spread, bool UsedRaw);

public enum TieBreak
{
    /// <summary>An entry that reached a later round ranks above.</summary>
    LaterRound,

    /// <summary>In the same round, the higher score ranks above.</summary>
    HigherScore,

    /// <summary>In the same round with the same score, the earlier entry (lower number, the order of submission) ranks above.</summary>
    EarlierEntry,
}

/// <summary>An entry just above or below, or with the same score, and the rule that put one above the other.</summary>
public sealed record ExplainedNeighbour(int EntryNumber, int Place, int Round, decimal Score, bool Above, TieBreak DecidedBy);

public enum AwardChange
{
    /// <summary>Granted to the entry, from the ranking (no reason) or directly by the organiser (with one).</summary>
    Granted,

    /// <summary>Taken from the entry by a correction after publication.</summary>
    CorrectedAway,

    /// <summary>Given to the entry by a correction after publication.</summary>
    CorrectedTo,
}

public sealed record ExplainedAward(string Tier, AwardChange Change, string? Reason, EventCitation Event);

public enum EntryStanding
{
    Ranked,

    /// <summary>No score of it counts yet.</summary>
    NotScored,

    /// <summary>Every score it has was set aside by a conflict.</summary>
    AllScoresSetAside,

    Withdrawn,

    Disqualified,
}

/// <summary>The explanation of one entry's place, as of one version of the contest's stream.</summary>
/// <param name="Version">The stream's version it is computed as of: the same version gives the same explanation for ever.</param>
/// <param name="Published">The publication of the results, if they were published by then.</param>
/// <param name="EndedBy">The withdrawal or disqualification, when <paramref name="Standing"/> is one.</param>
/// <param name="Aggregate">How the counted scores were combined: "mean" or "trimmed mean".</param>
/// <param name="Rules">The contest's details that set its judging rules (default normalisation, conflicts, sheet).</param>
public sealed record EntryExplanation(
    string ContestId, int EntryNumber, long Version, EventCitation? Published, EntryStanding Standing, EventCitation? EndedBy,
    int? Place, int? Round, decimal? Score, ScoreNormalisationMethod? Normalisation, string? Aggregate, int Ranked,
    IReadOnlyList<ExplainedScore> Scores, IReadOnlyList<ExplainedRound> Rounds, IReadOnlyList<ExplainedNeighbour> Neighbours,
    IReadOnlyList<ExplainedAward> Awards, EventCitation? Rules)
{
    /// <summary>
    /// As everyone but the organisers and auditors may read it: judges by number only, and who recorded a score or a
    /// conflict (a judge's username) left out.
    /// </summary>
    public EntryExplanation ForPublic()
    {
        static ExplainedJudge Numbered(ExplainedJudge judge) => new(judge.Label, null, null, null);
        return this with
        {
            Scores = Scores.Select(s => s with
            {
                Judge = Numbered(s.Judge),
                Event = s.Event with { Actor = null },
                Conflict = s.Conflict is { } c ? c with { Event = c.Event with { Actor = null } } : null,
            }).ToList(),
            Rounds = Rounds.Select(r => r with { Judges = r.Judges.Select(j => j with { Judge = Numbered(j.Judge) }).ToList() }).ToList(),
        };
    }
}

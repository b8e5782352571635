using System.Collections.Immutable;

namespace TuyenGiao.Contests;

/// <summary>An event of a contest's stream with where and when it was recorded, and by whom.</summary>
public sealed record StampedEvent(long Version, object Data, DateTimeOffset RecordedAt, string? Actor);

/// <summary>
/// Explains an entry's place from the contest's events alone: its own fold of the judging events keeps, beside each
/// fact, the event it came from, then ranks with the same rules as the contest (<see cref="Ranking"/>). Entries' own
/// submissions are not needed (every judging event restates the facts of the entry it concerns), so a contest of a
/// million entries is explained from its few thousand judging events. Pure.
/// </summary>
public static class RankingExplanation
{
    public static EntryExplanation Explain(string contestId, int entryNumber, long version, IEnumerable<StampedEvent> events)
    {
        var streamId = Contest.StreamIdFor(contestId);
        var fold = new JudgingFold(streamId);
        foreach (var stamped in events.Where(e => e.Version <= version).OrderBy(e => e.Version))
            fold.Add(stamped);
        return fold.Explain(contestId, entryNumber, version);
    }

    private sealed class JudgingFold(string streamId)
    {
        private JudgingRules _rules = JudgingRules.Default;
        private EventCitation? _rulesEvent;
        private EventCitation? _published;
        private readonly Dictionary<string, (Judge Judge, int Number)> _judges = new(StringComparer.Ordinal);
        private readonly Dictionary<(int Entry, string Judge, int Round), (EntryScored Scored, EventCitation Event, int Superseded)> _scores = [];
        private readonly Dictionary<(string Judge, int Entry), (ConflictDeclared Declared, EventCitation Event)> _conflicts = [];
        private readonly Dictionary<int, (ScoreNormalisationMethod Method, EventCitation Event)> _chosen = [];
        private readonly Dictionary<int, (EntryStanding Standing, EventCitation Event)> _ended = [];
        private readonly Dictionary<int, EntryFacts> _facts = [];
        private readonly List<(int Entry, ExplainedAward Award)> _awards = [];

        public void Add(StampedEvent stamped)
        {
            var cite = new EventCitation(streamId, stamped.Version, stamped.RecordedAt, stamped.Actor);
            switch (stamped.Data)
            {
                case ContestAnnounced e:
                    (_rules, _rulesEvent) = (e.Details.JudgingOrDefault(), cite);
                    break;
                case ContestAmended e:
                    (_rules, _rulesEvent) = (e.Details.JudgingOrDefault(), cite);
                    break;
                case JudgeAssigned e:
                    var number = _judges.TryGetValue(e.JudgeId, out var known) ? known.Number : _judges.Count + 1;
                    _judges[e.JudgeId] = (new Judge(e.JudgeId, e.Name, e.CommitteeCode), number);
                    break;
                case EntryScored e:
                    var key = (e.EntryNumber, e.JudgeId, e.Round);
                    _scores[key] = (e, cite, _scores.TryGetValue(key, out var earlier) ? earlier.Superseded + 1 : 0);
                    // The ranking names a ranked entry's committee; every ranked entry has a score, which restates it.
                    _facts[e.EntryNumber] = e.Entry ?? throw new InvalidOperationException(
                        $"Entry {e.EntryNumber}'s score in {streamId} does not say what the entry counted for; complete it from its submission first.");
                    break;
                case ConflictDeclared e:
                    _conflicts.TryAdd((e.JudgeId, e.EntryNumber), (e, cite));
                    break;
                case ConflictLifted e:
                    _conflicts.Remove((e.JudgeId, e.EntryNumber));
                    break;
                case NormalisationChosen e:
                    _chosen[e.Round] = (e.Method, cite);
                    break;
                case EntryWithdrawn e:
                    _ended[e.EntryNumber] = (EntryStanding.Withdrawn, cite);
                    break;
                case EntryDisqualified e:
                    _ended[e.EntryNumber] = (EntryStanding.Disqualified, cite);
                    break;
                case AwardGranted { Collective: false, EntryNumber: { } awarded } e:
                    _awards.Add((awarded, new ExplainedAward(e.Tier, AwardChange.Granted, e.Reason, cite)));
                    break;
                case AwardCorrected { Collective: false } e:
                    if (e.FromEntryNumber is { } from)
                        _awards.Add((from, new ExplainedAward(e.Tier, AwardChange.CorrectedAway, e.Reason, cite)));
                    if (e.ToEntryNumber is { } to)
                        _awards.Add((to, new ExplainedAward(e.Tier, AwardChange.CorrectedTo, e.Reason, cite)));
                    break;
                case ResultsPublished:
                    _published = cite;
                    break;
            }
        }

        public EntryExplanation Explain(string contestId, int entryNumber, long version)
        {
            var workings = Ranking.Work(AsJudging(), _ended.ContainsKey, _rules);
            var ranked = workings.Ranked.FirstOrDefault(r => r.EntryNumber == entryNumber);
            var scores = ScoresOf(entryNumber, ranked, workings);
            var rounds = scores.Where(s => s.Normalised is not null).Select(s => s.Round).Distinct().Order()
                .Select(round => RoundOf(round, workings.Rounds[round], scores)).ToList();
            var standing = _ended.TryGetValue(entryNumber, out var ended) ? ended.Standing
                : ranked is not null ? EntryStanding.Ranked
                : scores.Count > 0 ? EntryStanding.AllScoresSetAside
                : EntryStanding.NotScored;
            return new EntryExplanation(contestId, entryNumber, version, _published, standing, _ended.TryGetValue(entryNumber, out var end) ? end.Event : null,
                ranked?.Place, ranked?.Round, ranked?.Score, ranked?.Normalisation,
                ranked is null ? null : ranked.Judges >= Ranking.TrimFrom ? "trimmed mean" : "mean",
                workings.Ranked.Count, scores, rounds, ranked is null ? [] : Neighbours(ranked, workings.Ranked),
                [.. _awards.Where(a => a.Entry == entryNumber).Select(a => a.Award)], _rulesEvent);
        }

        /// <summary>The judging as the contest's state would hold it, for the contest's own ranking rules.</summary>
        private Judging AsJudging() => Judging.Empty with
        {
            ScoresByEntry = _scores.GroupBy(s => s.Key.Entry).ToImmutableDictionary(
                entry => entry.Key, entry => entry.ToImmutableDictionary(s => new ScoreKey(s.Key.Judge, s.Key.Round), s => s.Value.Scored.Score)),
            Conflicts = [.. _conflicts.Keys.Select(k => new JudgeConflict(k.Judge, k.Entry))],
            NormalisationByRound = _chosen.ToImmutableDictionary(c => c.Key, c => c.Value.Method),
            Entries = _facts.ToImmutableDictionary(),
        };

        private List<ExplainedScore> ScoresOf(int entryNumber, RankedEntry? ranked, RankingWorkings workings)
        {
            var lines = _scores.Where(s => s.Key.Entry == entryNumber && !_ended.ContainsKey(entryNumber))
                .OrderBy(s => s.Key.Round).ThenBy(s => _judges[s.Key.Judge].Number)
                .Select(s =>
                {
                    var conflict = _conflicts.TryGetValue((s.Key.Judge, entryNumber), out var c)
                        ? new ExplainedConflict(c.Declared.Reason, c.Declared.ByOrganiser, c.Event)
                        : null;
                    decimal? normalised = conflict is null ? workings.Rounds[s.Key.Round].Scores[(entryNumber, s.Key.Judge)] : null;
                    var standing = conflict is not null ? ScoreStanding.SetAside
                        : s.Key.Round < ranked!.Round ? ScoreStanding.EarlierRound
                        : ScoreStanding.Counted;
                    return new ExplainedScore(JudgeOf(s.Key.Judge), s.Key.Round, s.Value.Scored.Score, s.Value.Scored.Sheet, normalised, standing,
                        s.Value.Superseded, s.Value.Event, conflict);
                })
                .ToList();
            return ranked is { Judges: >= Ranking.TrimFrom } ? Trimmed(lines) : lines;
        }

        /// <summary>The lowest and the highest of the counted scores are dropped (which of equal ones makes no difference to the mean).</summary>
        private static List<ExplainedScore> Trimmed(List<ExplainedScore> lines)
        {
            var counted = lines.Where(l => l.Standing == ScoreStanding.Counted).ToList();
            var lowest = counted.MinBy(l => l.Normalised)!;
            var highest = counted.Where(l => l != lowest).MaxBy(l => l.Normalised)!;
            return lines.Select(l => l == lowest || l == highest ? l with { Standing = ScoreStanding.Trimmed } : l).ToList();
        }

        private ExplainedRound RoundOf(int round, NormalisedRound normalised, IReadOnlyList<ExplainedScore> scores)
        {
            var judges = scores.Where(s => s.Round == round && s.Normalised is not null).Select(s => s.Judge.JudgeId).ToHashSet();
            return new ExplainedRound(round, normalised.Method, normalised.PanelMean, normalised.PanelSpread,
                normalised.Judges.Where(j => judges.Contains(j.JudgeId)).OrderBy(j => _judges[j.JudgeId].Number)
                    .Select(j => new ExplainedScale(JudgeOf(j.JudgeId), j.Scores, j.Mean, j.Spread, j.UsedRaw)).ToList(),
                _chosen.TryGetValue(round, out var chosen) ? chosen.Event : _rulesEvent);
        }

        private ExplainedJudge JudgeOf(string judgeId) =>
            _judges.TryGetValue(judgeId, out var judge)
                ? new ExplainedJudge($"Giám khảo {judge.Number}", judgeId, judge.Judge.Name, judge.Judge.CommitteeCode)
                : throw new InvalidOperationException($"'{judgeId}' scored in {streamId} without being assigned to its panel.");

        /// <summary>The entries just above and below, and every other with the same round and score, with the rule between them.</summary>
        private static List<ExplainedNeighbour> Neighbours(RankedEntry entry, IReadOnlyList<RankedEntry> ranking) =>
            ranking.Where(r => r.EntryNumber != entry.EntryNumber
                    && (Math.Abs(r.Place - entry.Place) == 1 || (r.Round == entry.Round && r.Score == entry.Score)))
                .Select(r => new ExplainedNeighbour(r.EntryNumber, r.Place, r.Round, r.Score, RanksAbove(r, entry),
                    r.Round != entry.Round ? TieBreak.LaterRound : r.Score != entry.Score ? TieBreak.HigherScore : TieBreak.EarlierEntry))
                .ToList();

        // Stryker disable once Equality : two entries never share a place, so < and <= agree
        private static bool RanksAbove(RankedEntry other, RankedEntry entry) => other.Place < entry.Place;
    }
}

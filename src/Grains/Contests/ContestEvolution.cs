using TuyenGiao.Common;
using TuyenGiao.Common.Compact;
using System.Collections.Immutable;

namespace TuyenGiao.Contests;

/// <summary>The pure fold of contest events, shared by the grain, Marten's live aggregation and the tests.</summary>
public static class ContestEvolution
{
    /// <summary>
    /// Folds one event. Events stored before contest state shape 4 that name an entry without its facts can only be
    /// folded with their stream (<see cref="EvolveAll"/> completes them); the grain only ever folds events it decided.
    /// </summary>
    public static Contest Evolve(Contest state, object @event) => @event switch
    {
        ContestAnnounced e => state with { Status = ContestStatus.Announced, OrganiserCode = e.OrganiserCode, Kind = e.Kind, Details = e.Details },
        ContestAmended e => state with { Details = e.Details },
        ContestCancelled => state with { Status = ContestStatus.Cancelled },
        EntrySubmitted or EntryWithdrawn or EntryDisqualified => EvolveEntry(state, @event),
        JudgeAssigned e => state with
        {
            Judging = state.Judging with { Judges = state.Judging.Judges.SetItem(e.JudgeId, new Judge(e.JudgeId, e.Name, e.CommitteeCode)) },
        },
        EntryScored e => state with
        {
            Judging = state.Judging.Knowing(e.EntryNumber, Required(e.Entry, e.EntryNumber)) with
            {
                ScoresByEntry = state.Judging.ScoresByEntry.SetItem(e.EntryNumber,
                    state.Judging.ScoresByEntry.GetValueOrDefault(e.EntryNumber, ImmutableDictionary<ScoreKey, int>.Empty)
                        .SetItem(new ScoreKey(e.JudgeId, e.Round), e.Score)),
            },
        },
        AwardGranted e => state with
        {
            Judging = state.Judging.Knowing(e.Collective ? null : e.EntryNumber, e.Collective ? null : Required(e.Entry, e.EntryNumber)) with
            {
                Awards = state.Judging.Awards.Add(new Award(e.Tier, e.Collective, e.EntryNumber, e.CommitteeCode, e.Reason)),
            },
        },
        AwardCorrected e => Corrected(state, e),
        ResultsPublished e => state with { Judging = state.Judging with { PublishedAt = e.PublishedAt } },
        EntrantsPersonalDataErased e => state with { EntrantsPersonalDataErasedAt = e.ErasedAt },
        ConflictDeclared e => state with
        {
            Judging = state.Judging.Knowing(e.EntryNumber, e.Entry) with { Conflicts = state.Judging.Conflicts.Add(new JudgeConflict(e.JudgeId, e.EntryNumber)) },
        },
        ConflictLifted e => state with
        {
            Judging = state.Judging with { Conflicts = state.Judging.Conflicts.Remove(new JudgeConflict(e.JudgeId, e.EntryNumber)) },
        },
        NormalisationChosen e => state with
        {
            Judging = state.Judging with { NormalisationByRound = state.Judging.NormalisationByRound.SetItem(e.Round, e.Method) },
        },
        _ => state,
    };

    /// <summary>Folds many events at once: the same result as <see cref="Evolve"/> applied to each in turn, faster.</summary>
    public static Contest EvolveAll(Contest state, IEnumerable<object> events)
    {
        var fold = new Fold(state);
        // Stryker disable once NullCoalescing : a list is used as it is; copying it gives the same events
        foreach (var @event in EntryFactsOfEarlierEvents.Complete(events as IReadOnlyList<object> ?? events.ToList()))
            fold.Add(@event);
        return fold.Result();
    }

    /// <summary>
    /// A fold fed one event at a time (a replay streaming rows): runs of entry events are gathered and applied to the
    /// tables once. Events stored before contest state shape 4 that need their stream to be completed are refused
    /// (<see cref="Add"/> answers false), so that the caller folds that stream with <see cref="EvolveAll"/>.
    /// </summary>
    public sealed class Fold(Contest start)
    {
        private Contest _state = start;
        private EntryFold? _entries;

        public bool Add(object @event)
        {
            if (EntryFactsOfEarlierEvents.NeedsCompleting(@event))
                return false;
            if (EntryFold.Handles(@event))
            {
                (_entries ??= new EntryFold(_state)).Apply(@event);
                return true;
            }
            if (_entries is not null)
            {
                _state = _entries.ToContest();
                _entries = null;
            }
            _state = Evolve(_state, @event);
            return true;
        }

        public Contest Result()
        {
            if (_entries is not null)
            {
                _state = _entries.ToContest();
                _entries = null;
            }
            return _state;
        }
    }

    private static Contest Corrected(Contest state, AwardCorrected e)
    {
        var awards = state.Judging.Awards;
        var from = awards.FirstOrDefault(a => a.Tier == e.Tier && a.Collective == e.Collective
            && a.EntryNumber == e.FromEntryNumber && a.CommitteeCode == e.FromCommitteeCode);
        if (from is null)
            return state;
        var to = new Award(e.Tier, e.Collective, e.ToEntryNumber, e.ToCommitteeCode, e.Reason);
        var judging = state.Judging.Knowing(e.Collective ? null : e.ToEntryNumber, e.Collective ? null : Required(e.ToEntry, e.ToEntryNumber));
        return state with { Judging = judging with { Awards = awards.Replace(from, to) } };
    }

    private static EntryFacts Required(EntryFacts? facts, int? entryNumber) => facts ?? throw new InvalidOperationException(
        $"An event about entry {entryNumber} does not say what the entry counted for; fold it with its stream (EvolveAll), which completes events stored before this was recorded.");

    /// <summary>
    /// Entry events go through <see cref="EntryFold"/>, which gathers a run of them and applies it to the state's
    /// collections once: a replay, or the events after a snapshot, builds each table in one pass instead of a copy per event.
    /// The state passed in is never changed; the result is a new immutable state.
    /// </summary>
    private static Contest EvolveEntry(Contest state, object @event)
    {
        var fold = new EntryFold(state);
        fold.Apply(@event);
        return fold.ToContest();
    }

    /// <summary>The entry events applied to builders of a state's collections; <see cref="ToContest"/> freezes them again.</summary>
    private sealed class EntryFold(Contest state)
    {
        private readonly List<KeyedSlot<SubmissionSeen>> _submissions = [];
        private readonly Dictionary<long, int> _authorChanges = [];
        private readonly ImmutableDictionary<int, EntryStatus>.Builder _ended = state.Ended.ToBuilder();
        private readonly ImmutableDictionary<string, CommitteeEntries>.Builder _byRecordedPath = state.ByRecordedPath.ToBuilder();
        private readonly ImmutableSortedDictionary<DateOnly, int>.Builder _acceptedByDay = state.AcceptedByDay.ToBuilder();
        private int _accepted = state.Accepted, _withdrawn = state.Withdrawn, _disqualified = state.Disqualified;
        private QuizAnswers _quiz = state.Quiz;
        private Judging _judging = state.Judging;

        public static bool Handles(object @event) => @event is EntrySubmitted or EntryWithdrawn or EntryDisqualified;

        public void Apply(object @event)
        {
            switch (@event)
            {
                case EntrySubmitted e:
                    Submitted(e);
                    break;
                case EntryWithdrawn e:
                    Ended(e.EntryNumber, EntryStatus.Withdrawn, e.Entry);
                    break;
                case EntryDisqualified e:
                    Ended(e.EntryNumber, EntryStatus.Disqualified, e.Entry);
                    break;
            }
        }

        public Contest ToContest() => state with
        {
            Submissions = state.Submissions.AddRange(_submissions),
            ActiveEntriesByAuthor = state.ActiveEntriesByAuthor.AddRange(_authorChanges),
            Ended = _ended.ToImmutable(),
            ByRecordedPath = _byRecordedPath.ToImmutable(),
            AcceptedByDay = _acceptedByDay.ToImmutable(),
            Accepted = _accepted,
            Withdrawn = _withdrawn,
            Disqualified = _disqualified,
            Quiz = _quiz,
            Judging = _judging,
        };

        private void Submitted(EntrySubmitted e)
        {
            var id = SubmissionIdentity.Key(e.SubmissionId);
            _submissions.Add(new KeyedSlot<SubmissionSeen>(id.Key, new SubmissionSeen(id.Check, e.EntryNumber, e.Fingerprint)));
            var authorKey = SubmissionIdentity.AuthorOf(e);
            _authorChanges[authorKey] = _authorChanges.GetValueOrDefault(authorKey) + 1;
            var path = e.CommitteePath.Count > 0 ? e.CommitteePath : [e.CommitteeCode];
            var pathKey = PathKey(path);
            _byRecordedPath[pathKey] = _byRecordedPath.TryGetValue(pathKey, out var existing)
                ? existing with { Accepted = existing.Accepted + 1, LatestEntryNumber = e.EntryNumber }
                : new CommitteeEntries(path, 1, 0, 0, e.EntryNumber);
            var day = VietnamTime.DayOf(e.SubmittedAt);
            _acceptedByDay[day] = _acceptedByDay.GetValueOrDefault(day) + 1;
            _accepted++;
            _quiz = new QuizAnswers(_quiz.Answered + (e.QuestionsAnswered ?? 0), _quiz.Correct + (e.QuestionsCorrect ?? 0));
        }

        /// <summary>A withdrawn or disqualified entry leaves the counts of accepted entries; its events stay.</summary>
        private void Ended(int entryNumber, EntryStatus status, EntryFacts? facts)
        {
            if (entryNumber < 1 || entryNumber > state.EntryCount + _submissions.Count || _ended.ContainsKey(entryNumber))
                return;
            var entry = Required(facts, entryNumber);
            var withdrawn = status == EntryStatus.Withdrawn ? 1 : 0;
            var disqualified = status == EntryStatus.Disqualified ? 1 : 0;
            // An entry that leaves the contest before the results also leaves the awards.
            _judging = _judging with { Awards = _judging.Awards.RemoveAll(a => !a.Collective && a.EntryNumber == entryNumber) };
            _ended[entryNumber] = status;
            _authorChanges[entry.AuthorKey] = _authorChanges.GetValueOrDefault(entry.AuthorKey) - 1;
            Decrement(_acceptedByDay, VietnamTime.DayOf(entry.SubmittedAt));
            var pathKey = PathKey(entry.CommitteePath);
            var committee = _byRecordedPath[pathKey];
            _byRecordedPath[pathKey] = committee with
            {
                Accepted = committee.Accepted - 1,
                Withdrawn = committee.Withdrawn + withdrawn,
                Disqualified = committee.Disqualified + disqualified,
            };
            _accepted--;
            _withdrawn += withdrawn;
            _disqualified += disqualified;
            _quiz = new QuizAnswers(_quiz.Answered - entry.QuestionsAnswered, _quiz.Correct - entry.QuestionsCorrect);
        }

        /// <summary>
        /// The key of a committee with the path it had when an entry came in. Entries of one committee and path share
        /// the dictionary's key instance.
        /// </summary>
        private string PathKey(IReadOnlyList<string> path)
        {
            var key = string.Join('\u001F', path);
            return _byRecordedPath.TryGetKey(key, out var existing) ? existing : key;
        }

        private static void Decrement<TKey>(IDictionary<TKey, int> counts, TKey key)
        {
            var count = counts.TryGetValue(key, out var current) ? current - 1 : 0;
            if (count > 0)
                counts[key] = count;
            else
                counts.Remove(key);
        }
    }
}

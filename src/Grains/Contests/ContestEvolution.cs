using TuyenGiao.Common;
using System.Collections.Immutable;

namespace TuyenGiao.Contests;

/// <summary>The pure fold of contest events, shared by the grain, Marten's live aggregation and the tests.</summary>
public static class ContestEvolution
{
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
            Judging = state.Judging with
            {
                ScoresByEntry = state.Judging.ScoresByEntry.SetItem(e.EntryNumber,
                    state.Judging.ScoresByEntry.GetValueOrDefault(e.EntryNumber, ImmutableDictionary<ScoreKey, int>.Empty)
                        .SetItem(new ScoreKey(e.JudgeId, e.Round), e.Score)),
            },
        },
        AwardGranted e => state with
        {
            Judging = state.Judging with { Awards = state.Judging.Awards.Add(new Award(e.Tier, e.Collective, e.EntryNumber, e.CommitteeCode, e.Reason)) },
        },
        AwardCorrected e => Corrected(state, e),
        ResultsPublished e => state with { Judging = state.Judging with { PublishedAt = e.PublishedAt } },
        _ => state,
    };

    private static Contest Corrected(Contest state, AwardCorrected e)
    {
        var awards = state.Judging.Awards;
        var from = awards.FirstOrDefault(a => a.Tier == e.Tier && a.Collective == e.Collective
            && a.EntryNumber == e.FromEntryNumber && a.CommitteeCode == e.FromCommitteeCode);
        if (from is null)
            return state;
        var to = new Award(e.Tier, e.Collective, e.ToEntryNumber, e.ToCommitteeCode, e.Reason);
        return state with { Judging = state.Judging with { Awards = awards.Replace(from, to) } };
    }

    /// <summary>
    /// Entry events go through <see cref="EntryFold"/>, which works on builders of the state's collections: a long run of
    /// entries (a replay, the events after a snapshot) then mutates one set of trees in place instead of copying a path of
    /// each tree for every event. The state passed in is never changed; the result is a new immutable state.
    /// </summary>
    private static Contest EvolveEntry(Contest state, object @event)
    {
        var fold = new EntryFold(state);
        fold.Apply(@event);
        return fold.ToContest();
    }

    /// <summary>Folds many events at once: the same result as <see cref="Evolve"/> applied to each in turn, faster.</summary>
    public static Contest EvolveAll(Contest state, IEnumerable<object> events)
    {
        EntryFold? fold = null;
        foreach (var @event in events)
        {
            if (EntryFold.Handles(@event))
            {
                (fold ??= new EntryFold(state)).Apply(@event);
                continue;
            }
            if (fold is not null)
            {
                state = fold.ToContest();
                fold = null;
            }
            state = Evolve(state, @event);
        }
        return fold?.ToContest() ?? state;
    }

    /// <summary>The entry events applied to builders of a state's collections; <see cref="ToContest"/> freezes them again.</summary>
    private sealed class EntryFold(Contest state)
    {
        private readonly ImmutableList<EntryRecord>.Builder _entries = state.Entries.ToBuilder();
        private readonly ImmutableDictionary<string, int>.Builder _entryBySubmission = state.EntryBySubmission.ToBuilder();
        private readonly ImmutableDictionary<long, int>.Builder _activeByAuthor = state.ActiveEntriesByAuthor.ToBuilder();
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
                    Ended(e.EntryNumber, EntryStatus.Withdrawn);
                    break;
                case EntryDisqualified e:
                    Ended(e.EntryNumber, EntryStatus.Disqualified);
                    break;
            }
        }

        public Contest ToContest() => state with
        {
            Entries = _entries.ToImmutable(),
            EntryBySubmission = _entryBySubmission.ToImmutable(),
            ActiveEntriesByAuthor = _activeByAuthor.ToImmutable(),
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
            var authorKey = SubmissionIdentity.AuthorKey(e.AuthorName, e.CommitteeCode);
            var day = VietnamTime.DayOf(e.SubmittedAt);
            var pathKey = PathKey(e);
            var record = new EntryRecord(e.EntryNumber, e.SubmissionId, e.Fingerprint, authorKey, e.CommitteeCode, day, e.SubmittedAt,
                EntryStatus.Accepted, (short)(e.QuestionsAnswered ?? 0), (short)(e.QuestionsCorrect ?? 0), pathKey);
            _entries.Add(record);
            _entryBySubmission[e.SubmissionId] = e.EntryNumber;
            _activeByAuthor[authorKey] = _activeByAuthor.GetValueOrDefault(authorKey) + 1;
            _byRecordedPath[pathKey] = _byRecordedPath.TryGetValue(pathKey, out var existing)
                ? existing with { Accepted = existing.Accepted + 1, LatestEntryNumber = e.EntryNumber }
                : new CommitteeEntries(e.CommitteePath.Count > 0 ? e.CommitteePath : [e.CommitteeCode], 1, 0, 0, e.EntryNumber);
            _acceptedByDay[day] = _acceptedByDay.GetValueOrDefault(day) + 1;
            _accepted++;
            _quiz = new QuizAnswers(_quiz.Answered + record.QuestionsAnswered, _quiz.Correct + record.QuestionsCorrect);
        }

        /// <summary>
        /// The key of the entry's committee with the path it had when the entry came in. Entries of one committee and path
        /// share one key instance, so the key costs each entry a reference, not a string.
        /// </summary>
        private string PathKey(EntrySubmitted e)
        {
            var key = e.CommitteePath.Count > 0 ? string.Join('\u001F', e.CommitteePath) : e.CommitteeCode;
            return _byRecordedPath.TryGetKey(key, out var existing) ? existing : key;
        }

        /// <summary>A withdrawn or disqualified entry leaves the counts of accepted entries; its events stay.</summary>
        private void Ended(int entryNumber, EntryStatus status)
        {
            if (entryNumber < 1 || entryNumber > _entries.Count || _entries[entryNumber - 1] is not { Status: EntryStatus.Accepted } entry)
                return;
            var withdrawn = status == EntryStatus.Withdrawn ? 1 : 0;
            var disqualified = status == EntryStatus.Disqualified ? 1 : 0;
            // An entry that leaves the contest before the results also leaves the awards.
            _judging = _judging with { Awards = _judging.Awards.RemoveAll(a => !a.Collective && a.EntryNumber == entryNumber) };
            _entries[entryNumber - 1] = entry with { Status = status };
            Decrement(_activeByAuthor, entry.AuthorKey);
            Decrement(_acceptedByDay, entry.Day);
            var committee = _byRecordedPath[entry.PathKey];
            _byRecordedPath[entry.PathKey] = committee with
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

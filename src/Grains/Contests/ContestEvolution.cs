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
        EntrySubmitted e => Submitted(state, e),
        EntryWithdrawn e => Ended(state, e.EntryNumber, EntryStatus.Withdrawn),
        EntryDisqualified e => Ended(state, e.EntryNumber, EntryStatus.Disqualified),
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

    private static Contest Submitted(Contest state, EntrySubmitted e)
    {
        var authorKey = SubmissionIdentity.AuthorKey(e.AuthorName, e.CommitteeCode);
        var day = ContestClock.VietnamDay(e.SubmittedAt);
        var record = new EntryRecord(e.EntryNumber, e.SubmissionId, e.Fingerprint, authorKey, e.CommitteeCode, day, e.SubmittedAt, EntryStatus.Accepted,
            (short)(e.QuestionsAnswered ?? 0), (short)(e.QuestionsCorrect ?? 0));
        var committee = state.ByCommittee.TryGetValue(e.CommitteeCode, out var existing)
            ? existing with { Accepted = existing.Accepted + 1 }
            : new CommitteeEntries(e.CommitteePath, 1, 0, 0);
        return state with
        {
            Entries = state.Entries.Add(record),
            EntryBySubmission = state.EntryBySubmission.SetItem(e.SubmissionId, e.EntryNumber),
            ActiveEntriesByAuthor = state.ActiveEntriesByAuthor.SetItem(authorKey, state.ActiveEntriesByAuthor.GetValueOrDefault(authorKey) + 1),
            ByCommittee = state.ByCommittee.SetItem(e.CommitteeCode, committee),
            AcceptedByDay = state.AcceptedByDay.SetItem(day, state.AcceptedByDay.GetValueOrDefault(day) + 1),
            Accepted = state.Accepted + 1,
            Quiz = new QuizAnswers(state.Quiz.Answered + record.QuestionsAnswered, state.Quiz.Correct + record.QuestionsCorrect),
        };
    }

    /// <summary>A withdrawn or disqualified entry leaves the counts of accepted entries; its events stay.</summary>
    private static Contest Ended(Contest state, int entryNumber, EntryStatus status)
    {
        if (state.FindByNumber(entryNumber) is not { Status: EntryStatus.Accepted } entry)
            return state;
        var committee = state.ByCommittee[entry.CommitteeCode];
        var authorCount = state.ActiveEntriesByAuthor.GetValueOrDefault(entry.AuthorKey) - 1;
        var dayCount = state.AcceptedByDay.GetValueOrDefault(entry.Day) - 1;
        var withdrawn = status == EntryStatus.Withdrawn ? 1 : 0;
        var disqualified = status == EntryStatus.Disqualified ? 1 : 0;
        return state with
        {
            // An entry that leaves the contest before the results also leaves the awards.
            Judging = state.Judging with { Awards = state.Judging.Awards.RemoveAll(a => !a.Collective && a.EntryNumber == entryNumber) },
            Entries = state.Entries.SetItem(entryNumber - 1, entry with { Status = status }),
            ActiveEntriesByAuthor = authorCount > 0 ? state.ActiveEntriesByAuthor.SetItem(entry.AuthorKey, authorCount) : state.ActiveEntriesByAuthor.Remove(entry.AuthorKey),
            ByCommittee = state.ByCommittee.SetItem(entry.CommitteeCode, committee with
            {
                Accepted = committee.Accepted - 1,
                Withdrawn = committee.Withdrawn + withdrawn,
                Disqualified = committee.Disqualified + disqualified,
            }),
            AcceptedByDay = dayCount > 0 ? state.AcceptedByDay.SetItem(entry.Day, dayCount) : state.AcceptedByDay.Remove(entry.Day),
            Accepted = state.Accepted - 1,
            Quiz = new QuizAnswers(state.Quiz.Answered - entry.QuestionsAnswered, state.Quiz.Correct - entry.QuestionsCorrect),
            Withdrawn = state.Withdrawn + withdrawn,
            Disqualified = state.Disqualified + disqualified,
        };
    }
}

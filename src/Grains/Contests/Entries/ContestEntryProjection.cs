using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using TuyenGiao.Common;
using TuyenGiao.EventStore;

namespace TuyenGiao.Contests;

/// <summary>
/// The <c>contest_entries</c> read model: one row per entry (number, submission id, author (sealed, as in the event,
/// and the pseudonym the rules count), committee and path, day,
/// status, scores, and the texts judges read), written in the append's transaction so that it is never behind the events
/// a grain has stored. The contest grain keeps no per-entry records; withdrawal, disqualification, scoring, awards and the
/// judges' view find entries here by the primary key (contest, number) or the unique key (contest, submission id).
/// Handles contest streams' entry and score events only. One statement per run of submissions in an append, not one per
/// event. The table is created by the silo's schema step (Silo/Schema/contest-entries.sql).
/// </summary>
public sealed class ContestEntryProjection : IProjection
{
    public const string TableName = "contest_entries";

    public const string QualifiedName = MartenSetup.Schema + "." + TableName;

    private static readonly Type[] Handled = [typeof(EntrySubmitted), typeof(EntryWithdrawn), typeof(EntryDisqualified), typeof(EntryScored)];

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var submitted = new List<EntrySubmitted>();
        foreach (var e in events)
        {
            if (!e.StreamKey!.StartsWith("contest/", StringComparison.Ordinal) || Array.IndexOf(Handled, e.EventType) < 0)
                continue;
            switch (e.Data)
            {
                case EntrySubmitted s:
                    submitted.Add(s);
                    break;
                default:
                    // Ends and scores are rare: an entry's row is changed in order with its own insert below.
                    Insert(operations, submitted);
                    submitted.Clear();
                    Change(operations, e.Data);
                    break;
            }
        }
        Insert(operations, submitted);
        return Task.CompletedTask;
    }

    private static void Insert(IDocumentOperations operations, List<EntrySubmitted> entries)
    {
        if (entries.Count == 0)
            return;
        operations.QueueSqlCommand($"""
            INSERT INTO {QualifiedName} (contest_id, entry_number, submission_id, author_name, committee_code, committee_path, title, words,
                                         questions_answered, questions_correct, fingerprint, submitted_at, day, status, author_key)
            SELECT c, n, s, a, cc, string_to_array(p, E'\x1F'), t, w, qa, qc, f, at, d, 'Accepted', k
            FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::int[], ?::int[], ?::bigint[], ?::timestamptz[], ?::date[],
                        ?::bigint[])
                 AS e(c, n, s, a, cc, p, t, w, qa, qc, f, at, d, k)
            """,
            entries.Select(e => e.ContestId).ToArray(),
            entries.Select(e => e.EntryNumber).ToArray(),
            entries.Select(e => e.SubmissionId).ToArray(),
            entries.Select(e => e.AuthorName).ToArray(),
            entries.Select(e => e.CommitteeCode).ToArray(),
            entries.Select(e => string.Join('\u001F', e.CommitteePath.Count > 0 ? e.CommitteePath : [e.CommitteeCode])).ToArray(),
            entries.Select(e => e.Title).ToArray(),
            entries.Select(e => e.Words).ToArray(),
            entries.Select(e => e.QuestionsAnswered).ToArray(),
            entries.Select(e => e.QuestionsCorrect).ToArray(),
            entries.Select(e => e.Fingerprint).ToArray(),
            entries.Select(e => e.SubmittedAt.ToUniversalTime()).ToArray(),
            entries.Select(e => VietnamTime.DayOf(e.SubmittedAt)).ToArray(),
            entries.Select(e => e.AuthorKey).ToArray());
    }

    private static void Change(IDocumentOperations operations, object data)
    {
        switch (data)
        {
            case EntryWithdrawn e:
                operations.QueueSqlCommand($"UPDATE {QualifiedName} SET status = 'Withdrawn' WHERE contest_id = ? AND entry_number = ? AND status = 'Accepted'",
                    e.ContestId, e.EntryNumber);
                break;
            case EntryDisqualified e:
                operations.QueueSqlCommand($"UPDATE {QualifiedName} SET status = 'Disqualified' WHERE contest_id = ? AND entry_number = ? AND status = 'Accepted'",
                    e.ContestId, e.EntryNumber);
                break;
            case EntryScored e:
                operations.QueueSqlCommand($"UPDATE {QualifiedName} SET scores = scores || jsonb_build_object(?::text, ?::int) WHERE contest_id = ? AND entry_number = ?",
                    $"{e.JudgeId}/{e.Round}", e.Score, e.ContestId, e.EntryNumber);
                break;
        }
    }
}

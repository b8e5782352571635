using Npgsql;
using TuyenGiao.EventStore;

namespace TuyenGiao.Contests;

/// <summary>
/// The <c>contest_entries</c> rows of some contest streams, written again from their events in pure SQL over mt_events
/// (no event is deserialised, so millions of entries are read once at the speed of the database). Used when a start-up
/// creates the table (every contest stream), and by the audit replay for one stream at a time, which deletes its rows first
/// and holds the stream's row meanwhile, so that no append lands between.
/// </summary>
public static class ContestEntriesRebuild
{
    /// <summary>The rows of the streams whose ids are LIKE <c>@streams</c> (with <c>\</c> as the escape).</summary>
    private const string FromEventsSql = $"""
        INSERT INTO {ContestEntryProjection.QualifiedName}
            (contest_id, entry_number, submission_id, author_name, committee_code, committee_path, title, words,
             questions_answered, questions_correct, fingerprint, submitted_at, day, status, author_key)
        SELECT d ->> 'contestId', (d ->> 'entryNumber')::int, d ->> 'submissionId', d ->> 'authorName', d ->> 'committeeCode',
               COALESCE(NULLIF(ARRAY(SELECT jsonb_array_elements_text(d -> 'committeePath')), '{"{}"}'), ARRAY[d ->> 'committeeCode']),
               d ->> 'title', (d ->> 'words')::int, (d ->> 'questionsAnswered')::int, (d ->> 'questionsCorrect')::int,
               (d ->> 'fingerprint')::bigint, (d ->> 'submittedAt')::timestamptz,
               -- The day in Vietnam (UTC+7, no daylight saving), as the tally counts it.
               (((d ->> 'submittedAt')::timestamptz AT TIME ZONE 'UTC') + interval '7 hours')::date,
               'Accepted', (d ->> 'authorKey')::bigint
        FROM (SELECT data AS d FROM {MartenSetup.Schema}.mt_events
              WHERE type = 'entry_submitted' AND stream_id LIKE @streams ESCAPE '\' ORDER BY seq_id) submitted
        ON CONFLICT DO NOTHING;

        -- An entry ends once: the first withdrawal or disqualification stands, as in the fold.
        UPDATE {ContestEntryProjection.QualifiedName} entry
        SET status = ended.status
        FROM (SELECT DISTINCT ON (data ->> 'contestId', (data ->> 'entryNumber')::int)
                     data ->> 'contestId' AS contest_id, (data ->> 'entryNumber')::int AS entry_number,
                     CASE type WHEN 'entry_withdrawn' THEN 'Withdrawn' ELSE 'Disqualified' END AS status
              FROM {MartenSetup.Schema}.mt_events
              WHERE type IN ('entry_withdrawn', 'entry_disqualified') AND stream_id LIKE @streams ESCAPE '\'
              ORDER BY data ->> 'contestId', (data ->> 'entryNumber')::int, seq_id) ended
        WHERE entry.contest_id = ended.contest_id AND entry.entry_number = ended.entry_number;

        -- Each judge's latest score per round.
        UPDATE {ContestEntryProjection.QualifiedName} entry
        SET scores = scored.scores
        FROM (SELECT contest_id, entry_number, jsonb_object_agg(judge_round, score) AS scores
              FROM (SELECT DISTINCT ON (data ->> 'contestId', (data ->> 'entryNumber')::int, data ->> 'judgeId', data ->> 'round')
                           data ->> 'contestId' AS contest_id, (data ->> 'entryNumber')::int AS entry_number,
                           (data ->> 'judgeId') || '/' || (data ->> 'round') AS judge_round, (data ->> 'score')::int AS score
                    FROM {MartenSetup.Schema}.mt_events
                    WHERE type = 'entry_scored' AND stream_id LIKE @streams ESCAPE '\'
                    ORDER BY data ->> 'contestId', (data ->> 'entryNumber')::int, data ->> 'judgeId', data ->> 'round', seq_id DESC) latest
              GROUP BY contest_id, entry_number) scored
        WHERE entry.contest_id = scored.contest_id AND entry.entry_number = scored.entry_number;
        """;

    /// <summary>Every contest stream's rows, into a table that has none yet. Returns the rows the statements touched.</summary>
    public static Task<int> AllAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        RunAsync(FromEventsSql, "contest/%", null, connection, transaction, ct);

    /// <summary>One contest's rows, deleted and written again. Returns how many it has.</summary>
    public static async Task<int> StreamAsync(string streamId, string contestId, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        var only = streamId.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
        await RunAsync($"DELETE FROM {ContestEntryProjection.QualifiedName} WHERE contest_id = @contest;\n" + FromEventsSql, only, contestId, connection, transaction, ct);
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {ContestEntryProjection.QualifiedName} WHERE contest_id = @contest", connection, transaction);
        count.Parameters.AddWithValue("contest", contestId);
        return Convert.ToInt32(await count.ExecuteScalarAsync(ct));
    }

    /// <returns>The rows the statements touched.</returns>
    private static async Task<int> RunAsync(string sql, string streams, string? contestId, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("streams", streams);
        if (contestId is not null)
            command.Parameters.AddWithValue("contest", contestId);
        return await command.ExecuteNonQueryAsync(ct);
    }
}

using System.Data;
using Npgsql;
using TuyenGiao.EventStore;

namespace TuyenGiao.Contests;

/// <summary>
/// A contest's events up to a version, without its entries' submissions, each with its version, time and actor: what
/// <see cref="RankingExplanation"/> needs. A contest of a million entries has a few thousand such events; they are
/// found by walking the stream's (stream, version) index, and the submissions' rows are skipped, not decoded (0.8 s
/// for a million-entry stream here; PostgreSQL's JIT, which would compile the query first for 0.9 s more, is off).
/// </summary>
public sealed class JudgingHistory(NpgsqlDataSource database)
{
    private const string PlanSql = "SET LOCAL jit = off";

    private const string EventsSql = $"""
        SELECT version, type, data, timestamp, user_name FROM {MartenSetup.Schema}.mt_events
        WHERE stream_id = $1 AND version <= $2 AND type <> 'entry_submitted'
        ORDER BY version
        """;

    /// <summary>The submissions of these entries, for events stored before they restated the entry's facts (contest state shape 3 and earlier).</summary>
    private const string SubmissionsSql = $"""
        SELECT version, type, data, timestamp, user_name FROM {MartenSetup.Schema}.mt_events
        WHERE stream_id = $1 AND version <= $2 AND type = 'entry_submitted' AND (data->>'entryNumber')::int = ANY($3)
        ORDER BY version
        """;

    public async Task<IReadOnlyList<StampedEvent>> ReadAsync(string contestId, long upToVersion, CancellationToken ct = default)
    {
        var streamId = Contest.StreamIdFor(contestId);
        var events = await ReadAsync(EventsSql, [streamId, upToVersion], ct);
        int[] numbers = [.. events.Select(e => EntryFactsOfEarlierEvents.EntryWithoutFacts(e.Data)).OfType<int>().Distinct()];
        if (numbers.Length == 0)
            return events;
        // Rare (streams older than shape 4): those entries' submissions are merged in by version, and the events completed as the fold does.
        var merged = events.Concat(await ReadAsync(SubmissionsSql, [streamId, upToVersion, numbers], ct)).OrderBy(e => e.Version).ToList();
        var completed = EntryFactsOfEarlierEvents.Complete([.. merged.Select(e => e.Data)]);
        return [.. merged.Select((e, i) => e with { Data = completed[i] })];
    }

    private async Task<List<StampedEvent>> ReadAsync(string sql, object[] parameters, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
        await using (var plan = new NpgsqlCommand(PlanSql, connection, transaction))
            await plan.ExecuteNonQueryAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        var json = new JsonbBuffer();
        var events = new List<StampedEvent>();
        while (await reader.ReadAsync(ct))
        {
            var version = reader.GetInt64(0);
            var type = reader.GetString(1);
            var data = ContestEventTypes.Read(type, await json.ReadAsync(reader, 2, ct))
                ?? throw new InvalidOperationException($"'{type}' in contest {parameters[0]} is not a contest event.");
            events.Add(new StampedEvent(version, data, new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero), reader.IsDBNull(4) ? null : reader.GetString(4)));
        }
        return events;
    }
}

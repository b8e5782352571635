using TuyenGiao.EventStore;
using System.Text.Json;
using Npgsql;

namespace TuyenGiao.Auditing;

/// <summary>One stored event as an auditor reads it: what, where in its stream and in the store, when (UTC), by whom, under which request.</summary>
public sealed record LoggedEvent(
    long Sequence, string StreamId, long Version, string Type, JsonElement Data, DateTimeOffset RecordedAt, string? Actor, string? CorrelationId, Guid EventId);

public sealed record EventPage(IReadOnlyList<LoggedEvent> Events, long? Next);

/// <summary>Which events of the whole store to list; every part is optional.</summary>
/// <param name="CommitteeCodes">Events that name one of these committees (its own stream and records, or as the
/// committee, organiser or launcher of an entry, report or record).</param>
public sealed record EventFilter(IReadOnlyList<string>? Types, IReadOnlyList<string>? CommitteeCodes, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>
/// The event log, read straight from Marten's event table: one stream by version, or the whole store by sequence, never
/// past an event whose transaction might still be followed by one with a lower sequence number. Reads from
/// <see cref="StandbyReads"/>: a page may lag the primary by a few milliseconds, and the next page follows on.
/// </summary>
public sealed class EventLog(StandbyReads reads)
{
    public const int MaxPage = 1_000;

    private const string Columns = "seq_id, stream_id, version, type, data::text, timestamp, user_name, correlation_id, id";

    public async Task<EventPage> StreamAsync(string streamId, long afterVersion, int limit, CancellationToken ct = default)
    {
        await using var command = reads.Database.CreateCommand(
            $"SELECT {Columns} FROM {MartenSetup.Schema}.mt_events WHERE stream_id = $1 AND version > $2 ORDER BY version LIMIT $3");
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        command.Parameters.Add(new NpgsqlParameter { Value = afterVersion });
        command.Parameters.Add(new NpgsqlParameter { Value = limit + 1 });
        return Page(await ReadAsync(command, ct), limit, e => e.Version);
    }

    public async Task<EventPage> FeedAsync(EventFilter filter, long afterSequence, int limit, CancellationToken ct = default)
    {
        var codes = filter.CommitteeCodes?.ToArray();
        // Sequence numbers are drawn inside the appending transaction, so a transaction still running can commit a
        // number below one already visible: a page that went past it would skip it for ever. So the feed stops below
        // the oldest transaction still running: only rows written by transactions older than every running one (age
        // compares 32-bit transaction ids safely across wraparound) are listed; the rest come in the next page.
        await using var command = reads.Database.CreateCommand($"""
            WITH horizon AS (SELECT (pg_snapshot_xmin(pg_current_snapshot())::text::bigint % 4294967296)::text::xid AS oldest_running)
            SELECT {Columns} FROM {MartenSetup.Schema}.mt_events, horizon
            WHERE seq_id > $1
              AND age(xmin) > age(horizon.oldest_running)
              AND ($2::text[] IS NULL OR type = ANY($2))
              AND ($3::timestamptz IS NULL OR timestamp >= $3)
              AND ($4::timestamptz IS NULL OR timestamp < $4)
              AND ($5::text[] IS NULL
                   OR stream_id = ANY(SELECT 'committee/' || c FROM unnest($5) c) OR stream_id = ANY(SELECT 'records/' || c FROM unnest($5) c)
                   OR data->>'committeeCode' = ANY($5) OR data->>'organiserCode' = ANY($5) OR data->>'launcherCode' = ANY($5))
            ORDER BY seq_id
            LIMIT $6
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = afterSequence });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Types?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.From?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.To?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)codes ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = limit + 1 });
        return Page(await ReadAsync(command, ct), limit, e => e.Sequence);
    }

    /// <summary>The stream's version now (0 when it has no events): one row of mt_streams, not a scan of its events.</summary>
    public async Task<long> CurrentVersionAsync(string streamId, CancellationToken ct = default)
    {
        await using var command = reads.Database.CreateCommand($"SELECT coalesce(max(version), 0) FROM {MartenSetup.Schema}.mt_streams WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The version a stream had at a moment: its last event recorded at or before it (0 when none).</summary>
    public async Task<long> VersionAtAsync(string streamId, DateTimeOffset moment, CancellationToken ct = default)
    {
        await using var command = reads.Database.CreateCommand($"SELECT coalesce(max(version), 0) FROM {MartenSetup.Schema}.mt_events WHERE stream_id = $1 AND timestamp <= $2");
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        command.Parameters.Add(new NpgsqlParameter { Value = moment.ToUniversalTime() });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static EventPage Page(List<LoggedEvent> rows, int limit, Func<LoggedEvent, long> position) =>
        rows.Count > limit ? new EventPage(rows[..limit], position(rows[limit - 1])) : new EventPage(rows, null);

    private static async Task<List<LoggedEvent>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        var events = new List<LoggedEvent>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            using var data = JsonDocument.Parse(reader.GetString(4));
            events.Add(new LoggedEvent(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), data.RootElement.Clone(),
                new DateTimeOffset(reader.GetDateTime(5), TimeSpan.Zero), reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetGuid(8)));
        }
        return events;
    }
}

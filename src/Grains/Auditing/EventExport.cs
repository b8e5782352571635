using TuyenGiao.EventStore;
using System.Data;
using System.Runtime.CompilerServices;
using Npgsql;

namespace TuyenGiao.Auditing;

/// <summary>One event as exported: its data is the stored JSON text, untouched.</summary>
public sealed record ExportedEvent(
    long Sequence, string StreamId, long Version, string Type, DateTimeOffset RecordedAt, string? Actor, string? CorrelationId, Guid EventId, string DataJson);

/// <summary>
/// Events of a stream or a time range, in store order, read one row at a time from a server-side cursor: an export of
/// millions of events holds one event in memory, however long it runs. Reads from <see cref="StandbyReads"/>: an export
/// is the longest read there is, and the primary is left to the writes.
/// </summary>
public sealed class EventExport(StandbyReads reads)
{
    public async IAsyncEnumerable<ExportedEvent> ReadAsync(string? streamId, DateTimeOffset? from, DateTimeOffset? to,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var command = reads.Database.CreateCommand($"""
            SELECT seq_id, stream_id, version, type, timestamp, user_name, correlation_id, id, data::text
            FROM {MartenSetup.Schema}.mt_events
            WHERE ($1::text IS NULL OR stream_id = $1)
              AND ($2::timestamptz IS NULL OR timestamp >= $2)
              AND ($3::timestamptz IS NULL OR timestamp < $3)
            ORDER BY seq_id
            """);
        command.CommandTimeout = 0;
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)streamId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)from?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)to?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        // Npgsql streams the result set as it reads it; SequentialAccess keeps even a large data column out of a buffer.
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            yield return new ExportedEvent(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero), await NullableString(reader, 5, ct), await NullableString(reader, 6, ct),
                reader.GetGuid(7), reader.GetString(8));
        }
    }

    private static async Task<string?> NullableString(NpgsqlDataReader reader, int ordinal, CancellationToken ct) =>
        await reader.IsDBNullAsync(ordinal, ct) ? null : reader.GetString(ordinal);
}

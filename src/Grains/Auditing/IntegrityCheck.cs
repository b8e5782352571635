using TuyenGiao.EventStore;
using Npgsql;

namespace TuyenGiao.Auditing;

/// <summary>Where a stream's chain breaks: the first event whose link does not hold, and why.</summary>
public sealed record BrokenLink(string StreamId, long Version, string Reason);

public sealed record IntegrityReport(long StreamsChecked, long EventsChecked, IReadOnlyList<BrokenLink> Broken)
{
    public bool Intact => Broken.Count == 0;
}

/// <summary>
/// Walks the hash chain (src/Silo/Schema/integrity.sql) of one stream or of all: each event's link is recomputed from
/// the event as it is stored now and compared with the hash recorded when it was appended. Reports the first broken
/// link of each stream. Rows are streamed, so memory stays flat however many events there are.
/// </summary>
public sealed class IntegrityCheck(NpgsqlDataSource database)
{
    public const int MaxReported = 1_000;

    private const string EventsSql = $"""
        SELECT e.stream_id, e.version, c.hash IS NULL AS unchained, (e.version > 1 AND p.hash IS NULL) AS gap,
               c.hash = audit.event_link(p.hash, e.stream_id, e.version, e.type, e.data, e.id, e.user_name, e.correlation_id, e.timestamp) AS holds
        FROM {MartenSetup.Schema}.mt_events e
        LEFT JOIN audit.event_chain c ON c.seq_id = e.seq_id
        LEFT JOIN audit.event_chain p ON p.stream_id = e.stream_id AND p.version = e.version - 1
        WHERE ($1::text IS NULL OR e.stream_id = $1)
        ORDER BY e.stream_id, e.version
        """;

    // A link whose event is gone: the event was deleted after it was chained.
    private const string OrphansSql = $"""
        SELECT c.stream_id, min(c.version)
        FROM audit.event_chain c
        WHERE ($1::text IS NULL OR c.stream_id = $1) AND NOT EXISTS (SELECT 1 FROM {MartenSetup.Schema}.mt_events e WHERE e.seq_id = c.seq_id)
        GROUP BY c.stream_id
        """;

    public async Task<IntegrityReport> VerifyAsync(string? streamId = null, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var broken = new Dictionary<string, BrokenLink>(StringComparer.Ordinal);
        long streams = 0, events = 0;
        await using (var command = database.CreateCommand(EventsSql))
        {
            command.CommandTimeout = 0;
            command.Parameters.Add(new NpgsqlParameter { Value = (object?)streamId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await using var reader = await command.ExecuteReaderAsync(ct);
            string? current = null;
            while (await reader.ReadAsync(ct))
            {
                var stream = reader.GetString(0);
                var version = reader.GetInt64(1);
                if (stream != current)
                {
                    current = stream;
                    streams++;
                }
                if (++events % 100_000 == 0)
                    progress?.Report(events);
                if (broken.ContainsKey(stream) || broken.Count >= MaxReported)
                    continue;
                var reason = reader.GetBoolean(2) ? "the event has no link: it was inserted without passing through the chain"
                    : reader.GetBoolean(3) ? $"version {version - 1} has no link: the chain has a gap before this event"
                    : !reader.GetBoolean(4) ? "the event's content, metadata or predecessor differs from what was chained when it was appended"
                    : null;
                if (reason is not null)
                    broken[stream] = new BrokenLink(stream, version, reason);
            }
        }
        await using (var orphans = database.CreateCommand(OrphansSql))
        {
            orphans.Parameters.Add(new NpgsqlParameter { Value = (object?)streamId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
            await using var reader = await orphans.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var link = new BrokenLink(reader.GetString(0), reader.GetInt64(1), "the event chained at this version is missing: it was removed");
                if (!broken.TryGetValue(link.StreamId, out var found) || found.Version > link.Version)
                    broken[link.StreamId] = link;
            }
        }
        return new IntegrityReport(streams, events, broken.Values.OrderBy(b => b.StreamId, StringComparer.Ordinal).ToList());
    }
}

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
/// the event as it is stored now and compared with the link recorded when it was appended (the writer's, in the event's
/// headers, recomputed here by <see cref="EventLink"/>; or, for events chained before it, PostgreSQL's, recomputed in
/// SQL). Reports the first broken link of each stream: an event changed, one missing (a gap in the versions, a link
/// whose event is gone, or a stream whose last events are gone), one without a link. Rows are streamed, so memory stays
/// flat however many events there are.
/// </summary>
public sealed class IntegrityCheck(NpgsqlDataSource database)
{
    public const int MaxReported = 1_000;

    private const string EventsSql = $"""
        SELECT e.stream_id, e.version, e.type, e.data::text, e.id, e.user_name, e.correlation_id, e.timestamp,
               e.headers ->> '{EventLink.Header}', c.hash,
               CASE WHEN c.hash IS NULL THEN NULL ELSE (e.version > 1 AND p.hash IS NULL) END AS gap,
               CASE WHEN c.hash IS NULL THEN NULL
                    ELSE c.hash = audit.event_link(p.hash, e.stream_id, e.version, e.type, e.data, e.id, e.user_name, e.correlation_id, e.timestamp)
               END AS holds
        FROM {MartenSetup.Schema}.mt_events e
        LEFT JOIN audit.event_chain c ON c.seq_id = e.seq_id
        LEFT JOIN audit.event_chain p ON c.hash IS NOT NULL AND p.stream_id = e.stream_id AND p.version = e.version - 1
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

    // A stream whose last events are gone: nothing follows them to break, but the stream still counts them.
    private const string TailsSql = $"""
        SELECT s.id, coalesce(max(e.version), 0)
        FROM {MartenSetup.Schema}.mt_streams s
        LEFT JOIN {MartenSetup.Schema}.mt_events e ON e.stream_id = s.id
        WHERE ($1::text IS NULL OR s.id = $1)
        GROUP BY s.id, s.version
        HAVING s.version > coalesce(max(e.version), 0)
        """;

    public async Task<IntegrityReport> VerifyAsync(string? streamId = null, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        var broken = new Dictionary<string, BrokenLink>(StringComparer.Ordinal);
        long streams = 0, events = 0;
        await using (var command = Command(EventsSql, streamId))
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            string? current = null;
            var walk = new ChainWalk();
            while (await reader.ReadAsync(ct))
            {
                var stream = reader.GetString(0);
                if (stream != current)
                {
                    current = stream;
                    streams++;
                    walk = new ChainWalk();
                }
                if (++events % 100_000 == 0)
                    progress?.Report(events);
                if (broken.ContainsKey(stream) || broken.Count >= MaxReported)
                    continue;
                if (walk.Next(reader, reader.GetInt64(1)) is var (version, reason))
                    broken[stream] = new BrokenLink(stream, version, reason);
            }
        }
        await Missing(OrphansSql, "the event chained at this version is missing: it was removed", firstMissing: version => version);
        await Missing(TailsSql, "the stream's events from this version on are missing: they were removed", firstMissing: last => last + 1);
        return new IntegrityReport(streams, events, broken.Values.OrderBy(b => b.StreamId, StringComparer.Ordinal).ToList());

        async Task Missing(string sql, string reason, Func<long, long> firstMissing)
        {
            await using var command = Command(sql, streamId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var link = new BrokenLink(reader.GetString(0), firstMissing(reader.GetInt64(1)), reason);
                if (!broken.TryGetValue(link.StreamId, out var found) || found.Version > link.Version)
                    broken[link.StreamId] = link;
            }
        }
    }

    private NpgsqlCommand Command(string sql, string? streamId)
    {
        var command = database.CreateCommand(sql);
        command.CommandTimeout = 0;
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)streamId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        return command;
    }

    /// <summary>One stream's events in version order: what the previous event's link was, and whether the next one holds.</summary>
    private sealed class ChainWalk
    {
        private long _version;
        private byte[]? _link = [];

        /// <summary>The first broken link this row shows (its own, or a missing one before it), or null when it holds.</summary>
        public (long Version, string Reason)? Next(NpgsqlDataReader row, long version)
        {
            var expected = _version + 1;
            return Check(row, version) is { } reason ? (Math.Min(version, expected), reason) : null;
        }

        private string? Check(NpgsqlDataReader row, long version)
        {
            var previous = _link;
            var expected = _version + 1;
            var header = row.IsDBNull(8) ? null : row.GetString(8);
            var chainedHere = row.IsDBNull(9) ? null : row.GetFieldValue<byte[]>(9);
            _version = version;
            _link = header is not null ? EventLink.FromHex(header) : chainedHere;
            if (version != expected)
                return $"version {expected} is missing: it was removed";
            if (header is not null)
            {
                if (previous is null)
                    return $"version {version - 1} has no link: the chain has a gap before this event";
                return _link is not null && _link.AsSpan().SequenceEqual(Recompute(row, previous, version))
                    ? null
                    : "the event's content, metadata or predecessor differs from what was chained when it was appended";
            }
            if (chainedHere is null)
                return "the event has no link: it was stored without passing through the chain";
            return row.GetBoolean(10) ? $"version {version - 1} has no link: the chain has a gap before this event"
                : !row.GetBoolean(11) ? "the event's content, metadata or predecessor differs from what was chained when it was appended"
                : null;
        }

        private static byte[] Recompute(NpgsqlDataReader row, byte[] previous, long version)
        {
            try
            {
                return EventLink.Compute(previous, row.GetString(0), version, row.GetString(2), row.GetString(3), row.GetGuid(4),
                    row.IsDBNull(5) ? null : row.GetString(5), row.IsDBNull(6) ? null : row.GetString(6),
                    new DateTimeOffset(row.GetDateTime(7), TimeSpan.Zero));
            }
            catch (Exception ex) when (ex is FormatException or OverflowException)
            {
                // A number no writer of ours wrote (put there by hand): the event cannot hold its link.
                return [];
            }
        }
    }
}

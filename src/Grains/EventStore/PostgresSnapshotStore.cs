using System.Data;
using Npgsql;
using Orleans.Serialization;

namespace TuyenGiao.EventStore;

/// <summary>
/// Snapshots in PostgreSQL (snapshots.stream_snapshot), in Orleans' compact binary serialization: a million-entry
/// contest is about 35 MiB (its compact tables are written as blocks of bytes), serialised or restored in about a tenth
/// of a second, on the thread pool.
/// </summary>
public sealed class PostgresSnapshotStore(NpgsqlDataSource database, Serializer serializer) : ISnapshotStore
{
    public async Task<Snapshot<TState>?> LoadAsync<TState>(string streamId, CancellationToken ct = default)
    {
        await using var command = database.CreateCommand("SELECT version, state FROM snapshots.stream_snapshot WHERE stream_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        // Sequential: the state is read into one array of its size, not first into the connection's buffer grown to hold
        // the whole row (which Npgsql would keep with the pooled connection, tens of MiB for a large contest).
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
        if (!await reader.ReadAsync(ct))
            return null;
        var version = reader.GetInt64(0);
        var bytes = new byte[reader.GetBytes(1, 0, null, 0, 0)];
        await using (var column = await reader.GetStreamAsync(1, ct))
            await column.ReadExactlyAsync(bytes, ct);
        // Restoring a large state takes seconds: keep it off the silo's scheduler threads.
        var state = await Task.Run(() => serializer.Deserialize<TState>(bytes), ct);
        // A snapshot in the layout of an earlier version of the code is not restored: the events are folded instead.
        return state is not null and not ISnapshotShape { IsCurrentShape: false } ? new Snapshot<TState>(state, version) : null;
    }

    public async Task SaveAsync<TState>(string streamId, long version, TState state, CancellationToken ct = default)
    {
        // The state is immutable, so it can be serialised on the thread pool while the grain goes on.
        var bytes = await Task.Run(() => serializer.SerializeToArray(state), ct);
        await using var command = database.CreateCommand("""
            INSERT INTO snapshots.stream_snapshot (stream_id, version, state, taken_at) VALUES ($1, $2, $3, now())
            ON CONFLICT (stream_id) DO UPDATE SET version = EXCLUDED.version, state = EXCLUDED.state, taken_at = EXCLUDED.taken_at
            WHERE snapshots.stream_snapshot.version <= EXCLUDED.version
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        command.Parameters.Add(new NpgsqlParameter { Value = version });
        command.Parameters.Add(new NpgsqlParameter { Value = bytes });
        await command.ExecuteNonQueryAsync(ct);
    }
}

using System.Data;
using System.Threading.Channels;
using Npgsql;
using TuyenGiao.EventStore;

namespace TuyenGiao.Contests;

/// <summary>
/// Folds a contest from its rows in mt_events at the speed of the disk: rows are read with Npgsql in sequential access,
/// decoded by the generated readers (<see cref="ContestEventTypes"/>) on one task and folded on another
/// (<see cref="ContestEvolution.Fold"/>), so reading, decoding and folding overlap on two cores. A stream holding events of
/// the layout before contest state shape 4 (they need the whole stream to be completed) is declined: the journal then folds
/// it through Marten with <see cref="ContestEvolution.EvolveAll"/>.
/// </summary>
public sealed class ContestReplay(NpgsqlDataSource database) : IStreamReplay
{
    private const int ChunkSize = 512;

    private const string RowsSql = $"""
        SELECT type, data FROM {MartenSetup.Schema}.mt_events
        WHERE stream_id = $1 AND version > $2 AND version <= $3
        ORDER BY version
        """;

    // A contest's stream is most of the events table: the planner would sort it on disk after a scan, and compile the
    // query; read it in the order of the (stream, version) index instead, so rows flow from the first one.
    private const string PlanSql = "SET LOCAL enable_sort = off; SET LOCAL jit = off";

    public Type State => typeof(Contest);

    public async Task<object?> FoldAsync(string streamId, object? start, long afterVersion, long upToVersion, CancellationToken ct = default)
    {
        var fold = new ContestEvolution.Fold(start as Contest ?? Contest.None(streamId[(streamId.IndexOf('/') + 1)..]));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var chunks = Channel.CreateBounded<List<object>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadAsync(streamId, afterVersion, upToVersion, chunks.Writer, stop.Token), stop.Token);
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(stop.Token))
            {
                foreach (var @event in chunk)
                {
                    if (!fold.Add(@event))
                        return null;
                }
            }
            await reading;
            return fold.Result();
        }
        finally
        {
            await stop.CancelAsync();
            await reading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task ReadAsync(string streamId, long afterVersion, long upToVersion, ChannelWriter<List<object>> chunks, CancellationToken ct)
    {
        try
        {
            await using var connection = await database.OpenConnectionAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            await using (var plan = new NpgsqlCommand(PlanSql, connection, transaction))
                await plan.ExecuteNonQueryAsync(ct);
            await using var command = new NpgsqlCommand(RowsSql, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = streamId });
            command.Parameters.Add(new NpgsqlParameter { Value = afterVersion });
            command.Parameters.Add(new NpgsqlParameter { Value = upToVersion });
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            var chunk = new List<object>(ChunkSize);
            var json = new JsonbBuffer();
            while (await reader.ReadAsync(ct))
            {
                var type = reader.GetString(0);
                chunk.Add(ContestEventTypes.Read(type, await json.ReadAsync(reader, 1, ct))
                    ?? throw new InvalidOperationException($"'{type}' in {streamId} is not a contest event."));
                if (chunk.Count == ChunkSize)
                {
                    await chunks.WriteAsync(chunk, ct);
                    chunk = new List<object>(ChunkSize);
                }
            }
            if (chunk.Count > 0)
                await chunks.WriteAsync(chunk, ct);
            chunks.Complete();
        }
        catch (Exception ex)
        {
            chunks.Complete(ex);
        }
    }
}

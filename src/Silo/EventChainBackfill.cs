using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TuyenGiao.Silo;

/// <summary>
/// Chains the events stored before the hash chain existed (see Schema/integrity.sql), in batches, after the node has
/// started: a large store does not hold up readiness, and no transaction runs long. Every new event carries its link from
/// its writer (TuyenGiao.EventStore.EventChain), so once the backlog is done this costs one query per start.
/// </summary>
public sealed class EventChainBackfill(NpgsqlDataSource database, ILogger<EventChainBackfill> logger) : BackgroundService
{
    private const int BatchSize = 5_000;

    /// <summary>Between two batches: other work on the database gets its turn.</summary>
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(100);

    /// <summary>After a failure (the database briefly out of reach): try again later, never in a tight loop.</summary>
    private static readonly TimeSpan AfterFailure = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var total = 0L;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var command = database.CreateCommand("SELECT audit.chain_backlog($1)");
                command.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
                command.CommandTimeout = 0;
                var chained = (int)(await command.ExecuteScalarAsync(stoppingToken))!;
                if (chained == 0)
                {
                    if (total > 0)
                        logger.LogInformation("Hash chain: {Total} earlier events chained; the backlog is done", total);
                    return;
                }
                total += chained;
                logger.LogInformation("Hash chain: {Total} earlier events chained so far", total);
                await Task.Delay(Pause, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Hash chain: the backlog could not be chained now; trying again in {Delay}", AfterFailure);
                await Task.Delay(AfterFailure, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}

using System.Reflection;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using TuyenGiao.Contests;
using TuyenGiao.EventStore;

namespace TuyenGiao.Silo;

/// <summary>
/// Brings PostgreSQL up to date before anything else starts (IHostedLifecycleService.StartingAsync runs before
/// every hosted service's StartAsync, the Orleans silo's included): the clustering tables and stored queries,
/// the snapshot table, then Marten's event store, documents and read models (the contest entries' one filled from the
/// events when it is new), then the hash chain's tables and functions (the trigger of the chain's earlier scheme is
/// dropped once). Every step changes nothing that is already right (no scan of the events: events stored before the
/// chain are chained by <see cref="EventChainBackfill"/> in the background), and nodes starting together take turns on
/// an advisory lock.
/// </summary>
public sealed class DatabaseSchema(string connectionString, IDocumentStore store, ILogger<DatabaseSchema> logger) : IHostedLifecycleService
{
    // An arbitrary constant that names "TuyenGiao schema set-up" among PostgreSQL advisory locks.
    private const long SchemaLockKey = 0x7475_7965_6E67_6961;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", SchemaLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var script in new[] { "orleans-clustering.sql", "snapshots.sql", "data-protection.sql", "personal-data.sql" })
        {
            await using var command = new NpgsqlCommand(ReadScript(script), connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        bool entriesReadModelIsNew;
        await using (var exists = new NpgsqlCommand("SELECT NOT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = $2)", connection, transaction))
        {
            exists.Parameters.Add(new NpgsqlParameter { Value = MartenSetup.Schema });
            exists.Parameters.Add(new NpgsqlParameter { Value = ContestEntryProjection.TableName });
            entriesReadModelIsNew = (bool)(await exists.ExecuteScalarAsync(cancellationToken))!;
        }

        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        // The hash chain hangs on Marten's event table, so it comes after it.
        await using (var integrity = new NpgsqlCommand(ReadScript("integrity.sql"), connection, transaction) { CommandTimeout = 0 })
            await integrity.ExecuteNonQueryAsync(cancellationToken);

        // The entries read model sits in the event store's schema, beside the events it is filled from.
        await using (var entries = new NpgsqlCommand(ReadScript("contest-entries.sql"), connection, transaction))
            await entries.ExecuteNonQueryAsync(cancellationToken);
        if (entriesReadModelIsNew)
        {
            // Events stored before the read model existed: project them once, here, before any grain reads it.
            var rows = await ContestEntriesRebuild.AllAsync(connection, transaction, cancellationToken);
            logger.LogInformation("The contest entries read model was new: filled from the stored events ({Rows} rows written)", rows);
        }

        // Under the same lock: two nodes starting together fill the listings once.
        await ListingsFill.RunAsync(store, logger, cancellationToken);

        await transaction.CommitAsync(cancellationToken);

        await using (var cutover = new NpgsqlCommand(ReadScript("chain-cutover.sql"), connection))
            await cutover.ExecuteNonQueryAsync(cancellationToken);
        logger.LogInformation("Database schema is up to date: clustering tables and queries, event store, documents, hash chain");
    }

    public static string ReadScript(string fileName)
    {
        var assembly = typeof(DatabaseSchema).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        // The event store's schema name has one source: MartenSetup.Schema.
        return reader.ReadToEnd().Replace("__EVENTS_SCHEMA__", MartenSetup.Schema, StringComparison.Ordinal);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

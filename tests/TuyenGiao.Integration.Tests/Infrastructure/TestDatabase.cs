using System.Diagnostics;
using Npgsql;

namespace TuyenGiao.Integration.Tests.Infrastructure;

/// <summary>
/// A fresh, empty database on the project's PostgreSQL for one fixture, dropped afterwards. The server is the
/// one TUYENGIAO_PG names (ops/test.sh sets it); run outside that script, the fixture starts ops/pg.sh itself.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private TestDatabase(string adminConnectionString, string name)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static Task<TestDatabase> CreateAsync() => CreateOnAsync(ServerConnectionString());

    /// <summary>A fresh database on another server than the project's (the failover pair of ops/pg-ha.sh).</summary>
    public static async Task<TestDatabase> CreateOnAsync(string serverConnectionString)
    {
        var server = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres" }.ConnectionString;
        var name = $"tg_test_{Guid.NewGuid():N}"[..24];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0", connection);
        await create.ExecuteNonQueryAsync();
        return new TestDatabase(server, name);
    }

    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public Task<long> EventCountAsync() => ScalarAsync("SELECT count(*) FROM tuyengiao.mt_events");

    /// <summary>The version of the stream's latest snapshot, 0 without one after waiting up to five seconds for one.</summary>
    public async Task<long> SnapshotVersionAsync(string streamId)
    {
        // Periodic snapshots are taken off the write path: give one a moment to land.
        for (var attempt = 0; ; attempt++)
        {
            var version = await ScalarAsync("SELECT coalesce(max(version), 0) FROM snapshots.stream_snapshot WHERE stream_id = @s", ("s", streamId));
            if (version > 0 || attempt == 50)
                return version;
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static string ServerConnectionString()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TUYENGIAO_PG");
        var server = string.IsNullOrWhiteSpace(fromEnvironment) ? StartProjectPostgres() : fromEnvironment;
        // Databases are created from the maintenance database, whatever database the string names.
        return new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString;
    }

    private static string StartProjectPostgres()
    {
        var script = Path.Combine(RepositoryRoot(), "ops", "pg.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, "start"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ops/pg.sh start failed ({process.ExitCode}): {errors}");
        return output.Trim();
    }

    /// <summary>The folder that holds TuyenGiao.sln, above the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TuyenGiao.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (TuyenGiao.sln) above " + AppContext.BaseDirectory);
    }
}

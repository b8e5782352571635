using Npgsql;

namespace TuyenGiao.Bench;

/// <summary>
/// A database of the benchmark's own on the same PostgreSQL, created empty and dropped when disposed: measurements that
/// need a fresh store, or one that must not grow the benchmark's usual store, run in one. The system's database is never touched.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private readonly string _serverConnectionString;
    private readonly string _name;

    private ScratchDatabase(string serverConnectionString, string name)
    {
        _serverConnectionString = serverConnectionString;
        _name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public string ConnectionString { get; }

    public static async Task<ScratchDatabase> CreateAsync(string serverConnectionString, string purpose)
    {
        var name = $"tg_bench_{purpose.Replace('-', '_')}_{Guid.NewGuid():N}"[..30];
        await ExecuteAsync(serverConnectionString, $"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0");
        return new ScratchDatabase(serverConnectionString, name);
    }

    public Task ExecuteAsync(string sql) => ExecuteAsync(ConnectionString, sql);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_serverConnectionString, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

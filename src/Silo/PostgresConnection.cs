using Microsoft.Extensions.Configuration;

namespace TuyenGiao.Silo;

/// <summary>Where the connection string comes from: TUYENGIAO_PG first, then ConnectionStrings:Postgres.</summary>
public static class PostgresConnection
{
    public const string EnvironmentVariable = "TUYENGIAO_PG";

    public static string Resolve(IConfiguration configuration) =>
        configuration[EnvironmentVariable] is { Length: > 0 } fromEnvironment ? fromEnvironment
        : configuration.GetConnectionString("Postgres") is { Length: > 0 } fromSettings ? fromSettings
        : throw new InvalidOperationException(
            $"No PostgreSQL connection string: set {EnvironmentVariable} (ops/run.sh does it after 'ops/pg.sh start') " +
            "or ConnectionStrings:Postgres.");
}

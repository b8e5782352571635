using Microsoft.Extensions.Configuration;

namespace TuyenGiao.Silo;

/// <summary>Where the connection strings come from: TUYENGIAO_PG first, then ConnectionStrings:Postgres (and the same for reads).</summary>
public static class PostgresConnection
{
    public const string EnvironmentVariable = "TUYENGIAO_PG";

    /// <summary>For the reads that may lag (<see cref="EventStore.StandbyReads"/>); optional.</summary>
    public const string ReadsEnvironmentVariable = "TUYENGIAO_PG_READS";

    public static string Resolve(IConfiguration configuration) =>
        Find(configuration, EnvironmentVariable, "Postgres") ?? throw new InvalidOperationException(
            $"No PostgreSQL connection string: set {EnvironmentVariable} (ops/run.sh does it after 'ops/pg.sh start') " +
            "or ConnectionStrings:Postgres.");

    /// <summary>TUYENGIAO_PG_READS, then ConnectionStrings:PostgresReads; null when neither is set (those reads go to the primary).</summary>
    public static string? ResolveReads(IConfiguration configuration) => Find(configuration, ReadsEnvironmentVariable, "PostgresReads");

    private static string? Find(IConfiguration configuration, string variable, string name) =>
        configuration[variable] is { Length: > 0 } fromEnvironment ? fromEnvironment
        : configuration.GetConnectionString(name) is { Length: > 0 } fromSettings ? fromSettings
        : null;
}

using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Orleans.Runtime;

namespace TuyenGiao.Api.Health;

/// <summary>
/// /health/live: the process answers. /health/ready: PostgreSQL answers, at least one silo of the cluster is active, and
/// the node has warmed up (<see cref="Warmup"/>), so requests can be served promptly.
/// </summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddTuyenGiaoHealth(this IServiceCollection services)
    {
        services.AddSingleton<Warmup>();
        services.AddHostedService(sp => sp.GetRequiredService<Warmup>());
        services.AddHealthChecks()
            .AddCheck<PostgresReachable>("postgres", tags: [ReadyTag])
            .AddCheck<SiloActive>("silo", tags: [ReadyTag])
            .Add(new HealthCheckRegistration("warm-up", sp => sp.GetRequiredService<Warmup>(), failureStatus: null, tags: [ReadyTag]));
        return services;
    }

    public static void MapTuyenGiaoHealth(this IEndpointRouteBuilder app)
    {
        // Plain endpoints rather than MapHealthChecks, so that they appear in the OpenAPI document too.
        var group = app.MapGroup("/health").WithTags("Health");
        group.MapGet("/live", () => TypedResults.Ok(new HealthResponse("Healthy", new Dictionary<string, HealthCheckResponse>())))
            .WithName("Live").WithSummary("The process is up.").AllowAnonymous()
            .Produces<HealthResponse>();
        group.MapGet("/ready", Ready)
            .WithName("Ready").WithSummary("PostgreSQL is reachable and a silo of the cluster is active.").AllowAnonymous()
            .Produces<HealthResponse>().Produces<HealthResponse>(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> Ready(HealthCheckService health, CancellationToken ct)
    {
        var report = await health.CheckHealthAsync(c => c.Tags.Contains(ReadyTag), ct);
        var body = new HealthResponse(report.Status.ToString(),
            report.Entries.ToDictionary(e => e.Key, e => new HealthCheckResponse(e.Value.Status.ToString(), e.Value.Description)));
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(body)
            : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, HealthCheckResponse> Checks);

    public sealed record HealthCheckResponse(string Status, string? Description);

    private sealed class PostgresReachable(NpgsqlDataSource database) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await using var command = database.CreateCommand("SELECT 1");
                await command.ExecuteScalarAsync(ct);
                return HealthCheckResult.Healthy("PostgreSQL answers");
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy($"PostgreSQL does not answer: {ex.Message}");
            }
        }
    }

    private sealed class SiloActive(IClusterClient cluster) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                var hosts = await cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(5), ct);
                return hosts.Count > 0
                    ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)")
                    : HealthCheckResult.Unhealthy("no active silo");
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy($"the cluster does not answer: {ex.Message}");
            }
        }
    }
}

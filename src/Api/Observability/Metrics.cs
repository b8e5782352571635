using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using TuyenGiao.Contests;
using TuyenGiao.EventStore;

namespace TuyenGiao.Api.Observability;

/// <summary>
/// OpenTelemetry metrics, scraped by Prometheus on /metrics: HTTP from ASP.NET Core, grains and messaging from
/// Orleans, connections and commands from Npgsql, the runtime's memory and threads, and the product's own instruments
/// (<see cref="ContestMetrics"/>, <see cref="EventStoreMetrics"/>).
/// </summary>
public static class Metrics
{
    public const string ScrapePath = "/metrics";

    /// <summary>The meters exported besides the instrumented libraries'.</summary>
    public static readonly IReadOnlyList<string> Meters =
    [
        ContestMetrics.MeterName,
        EventStoreMetrics.MeterName,
        // Orleans' own meter and its sub-meters (messaging, dissemination, connection security).
        "Microsoft.Orleans*",
        // Npgsql publishes its metrics on this meter without an extra package.
        "Npgsql",
    ];

    public static void AddTuyenGiaoMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry()
            // Each node is its own scrape target: the instance label Prometheus adds tells them apart, and the
            // service name says which system they belong to.
            .ConfigureResource(resource => resource.AddService("tuyengiao", serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter([.. Meters])
                .AddPrometheusExporter());
    }

    /// <summary>
    /// Open to anonymous callers, like health: scrapers rarely carry a user's token, and the figures are counts and
    /// durations (routes, grain types, outcomes), never a name, a text or a committee's data. Keep the path off the
    /// public ingress (ops/k8s does).
    /// </summary>
    public static void MapTuyenGiaoMetrics(this IEndpointRouteBuilder app) =>
        app.MapPrometheusScrapingEndpoint(ScrapePath).AllowAnonymous();
}

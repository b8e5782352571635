using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TuyenGiao.Access;
using TuyenGiao.Api.Security;

namespace TuyenGiao.Api.Health;

/// <summary>
/// Before a node says it is ready, it sends itself the requests its users will send: a committee list, a public tally, an
/// entry for a contest that does not exist (refused by the permission check: nothing is written) and a malformed body.
/// The first request through each path of a fresh process costs a second or more of compilation; a restarted node that
/// joins a rolling restart under load would otherwise make its first users wait that long (measured by
/// ops/restart-bench.sh). Readiness waits for it, at most <see cref="Limit"/>; a warm-up that fails only logs.
/// </summary>
public sealed class Warmup(IServer server, IHostApplicationLifetime lifetime, TokenIssuer tokens, IConfiguration configuration, ILogger<Warmup> logger)
    : BackgroundService, IHealthCheck
{
    public const string Section = "Warmup:Enabled";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);
    private const string Probe = "WARM-UP-PROBE";
    private const int Rounds = 3;

    private volatile bool _done;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(_done ? HealthCheckResult.Healthy("warmed up") : HealthCheckResult.Unhealthy("warming up: the first requests are on their way"));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue(Section, true))
        {
            _done = true;
            return;
        }
        try
        {
            await WhenStarted(stoppingToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(Limit);
            await WarmAsync(timeout.Token);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "The warm-up did not finish; the node is ready anyway");
        }
        finally
        {
            _done = true;
        }
    }

    private async Task WarmAsync(CancellationToken ct)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("the server has no address");
        using var http = new HttpClient { BaseAddress = new Uri(address.Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1")) };
        var reader = new AuthenticationHeaderValue("Bearer", tokens.Issue("warm-up", Role.Auditor, lifetime: TimeSpan.FromMinutes(1)));
        var officer = new AuthenticationHeaderValue("Bearer", tokens.Issue("warm-up", Role.Officer, "WARM-UP", lifetime: TimeSpan.FromMinutes(1)));
        for (var round = 0; round < Rounds; round++)
        {
            await Send(http, HttpMethod.Get, "/api/committees", reader, null, ct);
            await Send(http, HttpMethod.Get, $"/api/contests/{Probe}/tally", null, null, ct);
            await Send(http, HttpMethod.Post, $"/api/contests/{Probe}/entries", officer,
                """{"submissionId":"warm-up","authorName":"Khởi động","committeeCode":"WARM-UP","title":"Khởi động","words":1}""", ct);
            await Send(http, HttpMethod.Post, "/api/committees", officer, """{"code":"","name":""}""", ct);
        }
        logger.LogInformation("Warmed up with {Requests} requests to itself", Rounds * 4);
    }

    private static async Task Send(HttpClient http, HttpMethod method, string path, AuthenticationHeaderValue? token, string? json, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = token;
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request, ct);
        await response.Content.ReadAsByteArrayAsync(ct);
    }

    private Task WhenStarted(CancellationToken ct)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        ct.Register(() => started.TrySetCanceled(ct));
        return started.Task;
    }
}

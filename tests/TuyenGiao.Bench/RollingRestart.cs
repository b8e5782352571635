using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using TuyenGiao.Testing;

namespace TuyenGiao.Bench;

/// <summary>
/// A rolling restart under load, as `ops/cluster.sh restart 2` does it: three nodes in one cluster, clients submitting to
/// nodes 1 and 3 (and to 2 again once it is back), node 2 stopped with SIGTERM and started again on its own silo and gateway
/// ports. Measures how long any append stalled: the longest wait of one acknowledged submission, and the longest gap
/// between two acknowledgements anywhere, from the stop until five seconds after the node is ready again.
/// </summary>
public static class RollingRestart
{
    /// <param name="LongestAppendMs">The longest wait of a submission answered at its first try (the append itself stalled).</param>
    /// <param name="LongestRetriedMs">The longest wait of one that had to be sent again (its node went away mid-request).</param>
    public sealed record Result(int Clients, long Acknowledged, long Retried, double StopSeconds, double ReadySeconds,
        double LongestAppendMs, double LongestAppendStartedAtSeconds, double LongestRetriedMs, double LongestGapMs, Percentiles LatencyMs);

    public static async Task<Result> RunAsync(string repositoryRoot, string connectionString, int clients)
    {
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var token = await ApiProcess.MintAsync(repositoryRoot, signingKey, "bench-admin", "admin");
        var clusterId = $"bench-restart-{Guid.NewGuid():N}"[..24];
        var ports = Enumerable.Range(0, 3).Select(_ => NodeProcess.FreeOrleansPorts()).ToArray();
        Dictionary<string, string> Environment(int i) => new()
        {
            ["TUYENGIAO_PG"] = connectionString,
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__SiloPort"] = ports[i].Silo.ToString(),
            ["Orleans__GatewayPort"] = ports[i].Gateway.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Auth__SigningKey"] = signingKey,
            ["RateLimits__SubmissionsPerSecond"] = "1000000",
            ["RateLimits__SubmissionBurst"] = "1000000",
        };
        Task<NodeProcess> Start(int i) => NodeProcess.StartApiAsync(repositoryRoot, "Release", $"node-{i + 1}", Environment(i), TimeSpan.FromSeconds(90));

        var nodes = new NodeProcess?[3];
        for (var i = 0; i < 3; i++)
            nodes[i] = await Start(i);
        try
        {
            HttpClient Client(Uri address) => new() { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30), DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
            using var setup = Client(nodes[0]!.Address!);
            var scenario = await BenchScenario.CreateAsync(setup, 4);

            var clock = Stopwatch.StartNew();
            var acknowledgedAt = new List<double>();
            var latencies = new Latencies();
            var longestAppend = 0.0;
            var longestRetried = 0.0;
            var longestAppendStarted = 0.0;
            long acknowledged = 0, retried = 0, next = 0;
            double measureFrom = double.MaxValue, measureUntil = double.MaxValue;
            using var stop = new CancellationTokenSource();

            var http = new System.Collections.Concurrent.ConcurrentDictionary<Uri, HttpClient>();

            // One submission until it is acknowledged, each try to a node that is up (a 503 or a node going away: again).
            async Task SubmitOne(int client)
            {
                var i = Interlocked.Increment(ref next);
                var started = clock.Elapsed.TotalMilliseconds;
                var attempt = 0;
                for (; !stop.IsCancellationRequested; attempt++)
                {
                    var targets = nodes.Where(n => n is { HasExited: false }).Select(n => n!.Address!).ToArray();
                    var target = http.GetOrAdd(targets[(client + attempt) % targets.Length], Client);
                    try
                    {
                        using var response = await target.PostAsJsonAsync(scenario.EntriesPath(i), scenario.Entry($"rr-{i}", i));
                        if (response.StatusCode == HttpStatusCode.Created)
                            break;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                    }
                    Interlocked.Increment(ref retried);
                    await Task.Delay(100);
                }
                if (stop.IsCancellationRequested)
                    return;
                var now = clock.Elapsed.TotalMilliseconds;
                Interlocked.Increment(ref acknowledged);
                lock (acknowledgedAt)
                {
                    acknowledgedAt.Add(now);
                    if (started >= measureFrom && now <= measureUntil && attempt == 0 && now - started > longestAppend)
                        (longestAppend, longestAppendStarted) = (now - started, started);
                    else if (started >= measureFrom && now <= measureUntil)
                        longestRetried = Math.Max(longestRetried, now - started);
                }
                latencies.Add(TimeSpan.FromMilliseconds(now - started));
            }

            var load = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                    await SubmitOne(c);
            })).ToList();
            await Task.Delay(TimeSpan.FromSeconds(5));

            measureFrom = clock.Elapsed.TotalMilliseconds;
            var restart = Stopwatch.StartNew();
            var stopping = nodes[1]!;
            await stopping.StopAsync(TimeSpan.FromSeconds(60));
            var stopSeconds = restart.Elapsed.TotalSeconds;
            nodes[1] = null;
            await stopping.DisposeAsync();
            nodes[1] = await Start(1);
            var readySeconds = restart.Elapsed.TotalSeconds;
            await Task.Delay(TimeSpan.FromSeconds(5));
            measureUntil = clock.Elapsed.TotalMilliseconds;
            await stop.CancelAsync();
            await Task.WhenAll(load);
            foreach (var client in http.Values)
                client.Dispose();

            double[] window;
            lock (acknowledgedAt)
                window = [measureFrom, .. acknowledgedAt.Where(t => t >= measureFrom && t <= measureUntil).Order(), measureUntil];
            var longestGap = window.Zip(window.Skip(1), (a, b) => b - a).Max();
            return new Result(clients, acknowledged, retried, Math.Round(stopSeconds, 1), Math.Round(readySeconds, 1),
                Math.Round(longestAppend, 1), Math.Round((longestAppendStarted - measureFrom) / 1000, 1), Math.Round(longestRetried, 1), Math.Round(longestGap, 1), latencies.Summarise());
        }
        finally
        {
            foreach (var node in nodes)
                if (node is not null)
                    await node.DisposeAsync();
        }
    }
}

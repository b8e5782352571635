using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace TuyenGiao.Bench;

/// <summary>
/// N concurrent clients posting entries over HTTP for a fixed time to one contest or spread over many; every
/// answer other than 201 counts as an error.
/// </summary>
public static class HttpIngest
{
    public sealed record Result(string Name, int Clients, double Seconds, long Accepted, long Errors, double PerSecond, Percentiles LatencyMs);

    public static async Task<Result> RunAsync(string name, Uri api, BenchScenario scenario, int clients, TimeSpan duration)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = api,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var latencies = new Latencies();
        long accepted = 0, errors = 0, next = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var i = Interlocked.Increment(ref next);
                var started = clock.Elapsed;
                try
                {
                    using var response = await http.PostAsJsonAsync(scenario.EntriesPath(i), scenario.Entry($"{name}-{i}", i));
                    if (response.StatusCode == HttpStatusCode.Created)
                        Interlocked.Increment(ref accepted);
                    else
                        Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                latencies.Add(clock.Elapsed - started);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        return new Result(name, clients, Math.Round(seconds, 1), accepted, errors, Math.Round(accepted / seconds), latencies.Summarise());
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace TuyenGiao.Bench;

/// <summary>
/// N concurrent clients posting entries over HTTP for a fixed time to one contest or spread over many; every
/// answer other than 201 counts as an error. An uncounted warm-up comes first.
/// </summary>
public static class HttpIngest
{
    public sealed record Result(string Name, int Clients, double WarmUpSeconds, double Seconds, long Accepted, long Errors, double PerSecond,
        Percentiles LatencyMs);

    public static async Task<Result> RunAsync(string name, IHttpTarget api, BenchScenario scenario, int clients, TimeSpan duration, TimeSpan warmUp)
    {
        using var load = new Load(api, scenario, clients);
        // The warm-up takes JIT, connection pools, grain activations and PostgreSQL's caches out of the figures, so that
        // a short run measures the steady state rather than the start.
        await load.RunAsync($"{name}-warm", warmUp);
        var measured = await load.RunAsync(name, duration);
        return measured with { Name = name, WarmUpSeconds = warmUp.TotalSeconds };
    }

    /// <summary>
    /// Clients posting entries with numbers that go on across runs (the warm-up's entries stay in the contest): each
    /// number is a new submission and a new author, so no run meets the author limit or a repeated id of an earlier one.
    /// </summary>
    public sealed class Load(IHttpTarget api, BenchScenario scenario, int clients) : IDisposable
    {
        private readonly HttpClient _http = api.Client(TimeSpan.FromSeconds(30),
            new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });

        private long _next;

        public async Task<Result> RunAsync(string name, TimeSpan duration)
        {
            var latencies = new Latencies();
            long accepted = 0, errors = 0;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                while (clock.Elapsed < duration)
                {
                    var i = Interlocked.Increment(ref _next);
                    var started = clock.Elapsed;
                    try
                    {
                        using var response = await _http.PostAsJsonAsync(scenario.EntriesPath(i), scenario.Entry($"{name}-{i}", i));
                        Interlocked.Increment(ref response.StatusCode == HttpStatusCode.Created ? ref accepted : ref errors);
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref errors);
                    }
                    latencies.Add(clock.Elapsed - started);
                }
            })));
            var seconds = clock.Elapsed.TotalSeconds;
            return new Result(name, clients, 0, Math.Round(seconds, 1), accepted, errors, Math.Round(accepted / seconds), latencies.Summarise());
        }

        public void Dispose() => _http.Dispose();
    }
}

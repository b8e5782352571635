using System.Text.Json;

namespace TuyenGiao.Bench;

/// <summary>Every measurement of the benchmark in one run, printed as a table and written as JSON.</summary>
public static class FullRun
{
    public sealed record Options(string ConnectionString, string RepositoryRoot, string OutputDirectory, int Clients, TimeSpan Duration, TimeSpan WarmUp,
        int FreshnessRate, long ActivationEntries);

    public static async Task<int> RunAsync(Options o)
    {
        Console.WriteLine($"TuyenGiao benchmark: {Environment.ProcessorCount} cores, {o.Clients} clients, {o.Duration.TotalSeconds:N0} s per load after {o.WarmUp.TotalSeconds:N0} s of warm-up, " +
                          $"{o.ActivationEntries:N0} entries for activation and replay");

        Console.WriteLine("1. pgbench baseline");
        var baseline = await PgBenchBaseline.RunAsync(o.ConnectionString, o.Duration);

        HttpIngest.Result httpOne, httpSpread;
        TallyFreshness.Result freshness;
        long apiWorkingSet;
        await using (var api = await ApiProcess.StartAsync(o.RepositoryRoot, o.ConnectionString))
        {
            using var setup = api.Client(TimeSpan.FromMinutes(2));
            Console.WriteLine("2. ingest over HTTP, one contest");
            httpOne = await HttpIngest.RunAsync("http-one", api, await BenchScenario.CreateAsync(setup, 1), o.Clients, o.Duration, o.WarmUp);
            Console.WriteLine("   ingest over HTTP, 100 contests");
            httpSpread = await HttpIngest.RunAsync("http-100", api, await BenchScenario.CreateAsync(setup, 100), o.Clients, o.Duration, o.WarmUp);
            Console.WriteLine($"4. live-tally freshness at {o.FreshnessRate:N0} submissions per second");
            freshness = await TallyFreshness.RunAsync(api, await BenchScenario.CreateAsync(setup, 1), o.FreshnessRate, TimeSpan.FromSeconds(10));
            apiWorkingSet = api.WorkingSetBytes;
        }

        InProcessSilo.IngestResult grainOne;
        InProcessSilo.ActivationResult activation;
        InProcessSilo.ReplayResult replay;
        string bigStream;
        await using (var silo = await InProcessSilo.StartAsync(o.ConnectionString))
        {
            Console.WriteLine("3. ingest in process (grain calls), one contest");
            var grainContest = await silo.AnnounceAsync("GRAIN");
            await silo.IngestAsync("grain-warm", grainContest, o.Clients, o.WarmUp);
            grainOne = await silo.IngestAsync("grain-one", grainContest, o.Clients, o.Duration);
            Console.WriteLine($"5. activation: loading {o.ActivationEntries:N0} entries into one contest");
            var big = await silo.AnnounceAsync("BIG");
            await silo.IngestAsync("big", big, o.Clients, TimeSpan.MaxValue, o.ActivationEntries, n => Console.WriteLine($"   {n:N0} entries"));
            activation = await silo.ReactivateAsync(big);
            Console.WriteLine("6. replay of the whole stream");
            replay = await silo.ReplayAsync(big);
            bigStream = $"contest/{big}";
        }

        ExportMeasurement.Result export;
        await using (var api = await ApiProcess.StartAsync(o.RepositoryRoot, o.ConnectionString))
        {
            Console.WriteLine("7. export of the million-event stream as NDJSON through the Api");
            export = await ExportMeasurement.RunAsync(api, bigStream);
        }

        var ratio = Math.Round(httpOne.PerSecond / baseline.RowsPerSecond, 2);
        var targets = new Dictionary<string, (bool Met, string Figure)>
        {
            ["HTTP ingest / pgbench ≥ 1.5 with 0 errors"] = (ratio >= 1.5 && httpOne.Errors == 0, $"{ratio} ({httpOne.Errors} errors)"),
            ["tally p99 < 100 ms"] = (freshness.FreshnessMs.P99 < 100, $"{freshness.FreshnessMs.P99} ms"),
            ["activation < 1 s"] = (activation.FirstCallSeconds < 1, $"{activation.FirstCallSeconds} s"),
            ["replay ≥ 200,000 events/s"] = (replay.EventsPerSecond >= 200_000, $"{replay.EventsPerSecond:N0} events/s"),
            ["grain memory < 500 bytes per entry"] = (activation.ManagedBytesPerEntry < 500, $"{activation.ManagedBytesPerEntry:N0} bytes"),
        };

        Console.WriteLine();
        Console.WriteLine($"{"measurement",-44} {"per second",12} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7}");
        Console.WriteLine($"{"pgbench, 8 clients, single-row INSERT",-44} {baseline.RowsPerSecond,12:N0}");
        Console.WriteLine($"{$"HTTP, {httpOne.Clients} clients, one contest",-44} {httpOne.PerSecond,12:N0} {httpOne.LatencyMs.P50,8} {httpOne.LatencyMs.P95,8} {httpOne.LatencyMs.P99,8} {httpOne.Errors,7}");
        Console.WriteLine($"{$"HTTP, {httpSpread.Clients} clients, 100 contests",-44} {httpSpread.PerSecond,12:N0} {httpSpread.LatencyMs.P50,8} {httpSpread.LatencyMs.P95,8} {httpSpread.LatencyMs.P99,8} {httpSpread.Errors,7}");
        Console.WriteLine($"{$"grain calls, {grainOne.Callers} callers, one contest",-44} {grainOne.PerSecond,12:N0} {grainOne.LatencyMs.P50,8} {grainOne.LatencyMs.P95,8} {grainOne.LatencyMs.P99,8} {grainOne.Errors,7}");
        Console.WriteLine($"{$"tally freshness at {freshness.AchievedPerSecond:N0}/s (201 to tally)",-44} {"",12} {freshness.FreshnessMs.P50,8} {freshness.FreshnessMs.P95,8} {freshness.FreshnessMs.P99,8} {freshness.Errors,7}");
        Console.WriteLine($"{"replay of the stream (events)",-44} {replay.EventsPerSecond,12:N0}");
        Console.WriteLine($"replay of {replay.Events:N0} events: {replay.Seconds} s ({replay.ReadSeconds} s reading through Marten, {replay.FoldSeconds} s folding " +
                          $"and the tally); committee read model: {replay.Committees:N0} documents rebuilt in {replay.ReadModelSeconds} s " +
                          $"from a store of {replay.StoreEvents:N0} events");
        Console.WriteLine($"activation of {activation.Entries:N0} entries: first call {activation.FirstCallSeconds} s; state {activation.ManagedBytes / 1048576.0:N0} MiB " +
                          $"({activation.ManagedBytesPerEntry:N0} bytes per entry); process {activation.WorkingSetBytes / 1048576.0:N0} MiB");
        Console.WriteLine($"export of {export.Lines:N0} events as NDJSON ({export.Bytes / 1048576.0:N0} MiB) in {export.Seconds} s, {export.EventsPerSecond:N0} per second; " +
                          $"Api working set {export.WorkingSetBeforeBytes / 1048576.0:N0} MiB before, at most {export.PeakWorkingSetBytes / 1048576.0:N0} MiB during");
        Console.WriteLine($"HTTP ingest over the pgbench baseline: {ratio}");
        foreach (var (target, (met, figure)) in targets)
            Console.WriteLine($"  {(met ? "met   " : "MISSED")} {target}: {figure}");

        Directory.CreateDirectory(o.OutputDirectory);
        var file = Path.Combine(o.OutputDirectory, $"bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
        {
            takenAt = DateTimeOffset.UtcNow,
            machine = new { cores = Environment.ProcessorCount, os = Environment.OSVersion.ToString(), dotnet = Environment.Version.ToString() },
            baseline, httpOne, httpSpread, grainOne, freshness, activation, replay, export, apiWorkingSetBytes = apiWorkingSet, ratio,
            targets = targets.ToDictionary(t => t.Key, t => new { met = t.Value.Met, figure = t.Value.Figure }),
        }, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"figures written to {file}");
        return 0;
    }
}

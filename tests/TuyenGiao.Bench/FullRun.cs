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

        // The API a team would write instead, in the same run and with the same load: one INSERT per request, and the
        // same endpoint answering without the database (the ceiling of HTTP here).
        HttpIngest.Result plain, plainNoDatabase;
        Console.WriteLine("2. ingest over HTTP, one contest: a plain API (JWT, JSON, one INSERT per request), then the same without the database");
        await using (var peer = await PeerProcess.StartAsync(o.RepositoryRoot, o.ConnectionString, useDatabase: true))
            plain = await HttpIngest.RunAsync("plain-api", peer, BenchScenario.Unregistered(1), o.Clients, o.Duration, o.WarmUp);
        await using (var peer = await PeerProcess.StartAsync(o.RepositoryRoot, o.ConnectionString, useDatabase: false))
            plainNoDatabase = await HttpIngest.RunAsync("plain-api-no-db", peer, BenchScenario.Unregistered(1), o.Clients, o.Duration, o.WarmUp);

        HttpIngest.Result httpOne, httpSpread;
        TallyFreshness.Result freshness;
        long apiWorkingSet;
        await using (var api = await ApiProcess.StartAsync(o.RepositoryRoot, o.ConnectionString))
        {
            using var setup = api.Client(TimeSpan.FromMinutes(2));
            Console.WriteLine("   ingest over HTTP, one contest: TuyenGiao");
            httpOne = await HttpIngest.RunAsync("http-one", api, await BenchScenario.CreateAsync(setup, 1), o.Clients, o.Duration, o.WarmUp);
            Console.WriteLine("   ingest over HTTP, 100 contests");
            httpSpread = await HttpIngest.RunAsync("http-100", api, await BenchScenario.CreateAsync(setup, 100), o.Clients, o.Duration, o.WarmUp);
            Console.WriteLine($"4. live-tally freshness at {o.FreshnessRate:N0} submissions per second, followers on two nodes of one cluster");
            await using (var second = await ApiProcess.StartAsync(o.RepositoryRoot, o.ConnectionString, peerOf: api))
                freshness = await TallyFreshness.RunAsync([api, second], await BenchScenario.CreateAsync(setup, 1), o.FreshnessRate, TimeSpan.FromSeconds(10));
            apiWorkingSet = api.WorkingSetBytes;
        }

        Console.WriteLine("   ingest over HTTP, one contest, on two fresh databases: with the hash chain's links, and without, in turns");
        var chainCost = await IngestInTurns.ChainAsync(o.RepositoryRoot, o.ConnectionString, o.Clients, o.Duration, o.WarmUp);
        Console.WriteLine("   ingest over HTTP, one contest, on two fresh databases: authors' names sealed, and stored plain, in turns");
        var sealingCost = await IngestInTurns.SealingAsync(o.RepositoryRoot, o.ConnectionString, o.Clients, o.Duration, o.WarmUp);

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
        var overPlain = Math.Round(httpOne.PerSecond / Math.Max(1, plain.PerSecond), 2);
        var spread = Math.Round(httpSpread.PerSecond / Math.Max(1, httpOne.PerSecond), 2);
        var targets = new Dictionary<string, (bool Met, string Figure)>
        {
            ["HTTP ingest ≥ 1.5 × the plain API, 0 errors"] = (overPlain >= 1.5 && httpOne.Errors == 0, $"{overPlain} ({httpOne.PerSecond:N0} / {plain.PerSecond:N0}; {httpOne.Errors} errors)"),
            ["HTTP ingest ≥ 1.0 × pgbench single-row"] = (ratio >= 1.0, $"{ratio} ({httpOne.PerSecond:N0} / {baseline.RowsPerSecond:N0})"),
            ["100 contests ≥ 0.8 × one contest"] = (spread >= 0.8 && httpSpread.Errors == 0, $"{spread} ({httpSpread.PerSecond:N0} / {httpOne.PerSecond:N0}; {httpSpread.Errors} errors)"),
            ["ingest with the hash chain ≥ 0.9 × without it (fresh databases)"] = (chainCost.Ratio >= 0.9,
                $"{chainCost.Ratio} ({chainCost.With.PerSecond:N0} / {chainCost.Without.PerSecond:N0})"),
            ["ingest with personal data sealed ≥ 0.9 × stored plain (fresh databases)"] = (sealingCost.Ratio >= 0.9,
                $"{sealingCost.Ratio} ({sealingCost.With.PerSecond:N0} / {sealingCost.Without.PerSecond:N0})"),
            ["tally p99 < 50 ms"] = (freshness.FreshnessMs.P99 < 50, $"{freshness.FreshnessMs.P99} ms at {freshness.AchievedPerSecond:N0}/s, followers on {freshness.Nodes} nodes"),
            ["activation < 1 s at 1,000,000 entries"] = (activation.FirstCallSeconds < 1, $"{activation.FirstCallSeconds} s at {activation.Entries:N0}"),
            ["replay ≥ 200,000 events/s"] = (replay.EventsPerSecond >= 200_000, $"{replay.EventsPerSecond:N0} events/s"),
            // A reading of zero or less is a failed measurement (memory freed between the two readings), not a goal met.
            ["grain memory < 64 bytes per entry"] = (activation.ManagedBytesPerEntry is > 0 and < 64,
                activation.ManagedBytesPerEntry > 0 ? $"{activation.ManagedBytesPerEntry:N0} bytes" : $"no reading ({activation.ManagedBytesPerEntry:N0} bytes)"),
        };

        Console.WriteLine();
        Console.WriteLine($"{"measurement",-44} {"per second",12} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7}");
        Console.WriteLine($"{"pgbench, 8 clients, single-row INSERT",-44} {baseline.RowsPerSecond,12:N0}");
        Console.WriteLine($"{$"plain API, {plain.Clients} clients (one INSERT each)",-44} {plain.PerSecond,12:N0} {plain.LatencyMs.P50,8} {plain.LatencyMs.P95,8} {plain.LatencyMs.P99,8} {plain.Errors,7}");
        Console.WriteLine($"{$"plain API without the database",-44} {plainNoDatabase.PerSecond,12:N0} {plainNoDatabase.LatencyMs.P50,8} {plainNoDatabase.LatencyMs.P95,8} {plainNoDatabase.LatencyMs.P99,8} {plainNoDatabase.Errors,7}");
        Console.WriteLine($"{$"HTTP, {httpOne.Clients} clients, one contest",-44} {httpOne.PerSecond,12:N0} {httpOne.LatencyMs.P50,8} {httpOne.LatencyMs.P95,8} {httpOne.LatencyMs.P99,8} {httpOne.Errors,7}");
        Console.WriteLine($"{$"HTTP, {httpSpread.Clients} clients, 100 contests",-44} {httpSpread.PerSecond,12:N0} {httpSpread.LatencyMs.P50,8} {httpSpread.LatencyMs.P95,8} {httpSpread.LatencyMs.P99,8} {httpSpread.Errors,7}");
        Row("HTTP, one contest, fresh database, chain on", chainCost.With);
        Row("HTTP, one contest, fresh database, chain off", chainCost.Without);
        Row("HTTP, one contest, fresh database, sealed", sealingCost.With);
        Row("HTTP, one contest, fresh database, plain", sealingCost.Without);
        Console.WriteLine($"{$"grain calls, {grainOne.Callers} callers, one contest",-44} {grainOne.PerSecond,12:N0} {grainOne.LatencyMs.P50,8} {grainOne.LatencyMs.P95,8} {grainOne.LatencyMs.P99,8} {grainOne.Errors,7}");
        Console.WriteLine($"{$"tally freshness at {freshness.AchievedPerSecond:N0}/s (201 to tally)",-44} {"",12} {freshness.FreshnessMs.P50,8} {freshness.FreshnessMs.P95,8} {freshness.FreshnessMs.P99,8} {freshness.Errors,7}");
        Console.WriteLine($"processor µs per entry (node / machine): chain on {Cpu(chainCost.CpuWith)}, off {Cpu(chainCost.CpuWithout)}; " +
                          $"sealed {Cpu(sealingCost.CpuWith)}, plain {Cpu(sealingCost.CpuWithout)}");
        Console.WriteLine($"{"replay of the stream (events)",-44} {replay.EventsPerSecond,12:N0}");
        Console.WriteLine($"replay of {replay.Events:N0} events: {replay.Seconds} s ({replay.ReadSeconds} s reading and folding, {replay.FoldSeconds} s " +
                          $"the tally); committee read model: {replay.Committees:N0} documents rebuilt in {replay.ReadModelSeconds} s " +
                          $"from a store of {replay.StoreEvents:N0} events");
        Console.WriteLine($"activation of {activation.Entries:N0} entries: first call {activation.FirstCallSeconds} s; state {activation.ManagedBytes / 1048576.0:N0} MiB " +
                          $"({activation.ManagedBytesPerEntry:N0} bytes per entry); process {activation.WorkingSetBytes / 1048576.0:N0} MiB");
        Console.WriteLine($"export of {export.Lines:N0} events as NDJSON ({export.Bytes / 1048576.0:N0} MiB) in {export.Seconds} s, {export.EventsPerSecond:N0} per second; " +
                          $"Api working set {export.WorkingSetBeforeBytes / 1048576.0:N0} MiB before, at most {export.PeakWorkingSetBytes / 1048576.0:N0} MiB during");
        Console.WriteLine($"HTTP ingest over pgbench: {ratio}; over the plain API: {overPlain}; 100 contests over one: {spread}");
        foreach (var (target, (met, figure)) in targets)
            Console.WriteLine($"  {(met ? "met   " : "MISSED")} {target}: {figure}");

        Directory.CreateDirectory(o.OutputDirectory);
        var file = Path.Combine(o.OutputDirectory, $"bench-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(new
        {
            takenAt = DateTimeOffset.UtcNow,
            machine = new { cores = Environment.ProcessorCount, os = Environment.OSVersion.ToString(), dotnet = Environment.Version.ToString() },
            baseline, plain, plainNoDatabase, httpOne, httpSpread, chainCost, sealingCost, grainOne, freshness, activation, replay, export, apiWorkingSetBytes = apiWorkingSet, ratio, overPlain, spread,
            targets = targets.ToDictionary(t => t.Key, t => new { met = t.Value.Met, figure = t.Value.Figure }),
        }, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"figures written to {file}");
        return 0;
    }

    private static string Cpu(IngestInTurns.CpuPerEntry cpu) => $"{cpu.NodeMicroseconds} / {cpu.MachineMicroseconds}";

    private static void Row(string name, HttpIngest.Result r) =>
        Console.WriteLine($"{name,-44} {r.PerSecond,12:N0} {r.LatencyMs.P50,8} {r.LatencyMs.P95,8} {r.LatencyMs.P99,8} {r.Errors,7}");
}

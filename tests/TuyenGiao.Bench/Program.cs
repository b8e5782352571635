using TuyenGiao.Bench;

// Benchmarks that print figures; they are not tests and assert nothing.
//   all [--seconds 20] [--warmup 5] [--clients 64] [--rate 1000] [--entries 1000000] [--out bench-results]
//       everything against TUYENGIAO_PG, the system started as its own process (ops/bench.sh runs this)
//   peer --port N --db|--no-db
//       the plain API the benchmark measures TuyenGiao against (FullRun starts it as its own process)
//   replay --stream contest/ID
//       folds one contest stream from its rows, as activation without a snapshot and the audit replay do
//   verify --stream contest/ID
//       walks one stream's hash chain as GET /api/audit/integrity does: events per second, and whether it holds
//   chain [--runs 2] [--seconds 20] [--warmup 5] [--clients 64]
//       only the hash chain's cost: ingest on fresh databases with and without the chain, pair after pair
//   activation [--entries 10000000] [--clients 64] [--out bench-results]
//       activation of one contest of that many entries, loaded through grain calls on a scratch database (ops/activation-bench.sh)
//   state [entries]    memory per entry and snapshot size of a contest's state, in memory only
//   quiz-state [people] [attempts]
//       memory per person and per attempt of a quiz's state, and its round's ranking time, in memory only (3,000,000 and 1,000,000)
//   quiz [--people 3000000] [--attempts 1000000] [--clients 64] [--round-minutes 40] [--out bench-results]
//       an online quiz over HTTP through the public endpoints: everyone registers, the round opens, attempts start, all
//       are submitted at once as before a deadline, the round closes and its results are asked for; against the plain
//       API peer (ops/quiz-bench.sh runs this)
//   restart [--clients 16] [--out bench-results]
//       a rolling restart of one of three nodes under load: how long any append stalled (ops/restart-bench.sh runs this)
var mode = args.Length > 0 ? args[0] : "all";
string Option(string name, string fallback) =>
    Array.IndexOf(args, $"--{name}") is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

switch (mode)
{
    case "peer":
        return await PlainApiPeer.RunAsync(int.Parse(Option("port", "0")), !args.Contains("--no-db"));
    case "replay":
        var stream = Option("stream", "");
        var source = Npgsql.NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("TUYENGIAO_PG")
            ?? throw new InvalidOperationException("set TUYENGIAO_PG"));
        var streamVersion = source.CreateCommand($"SELECT version FROM {TuyenGiao.EventStore.MartenSetup.Schema}.mt_streams WHERE id = $1");
        streamVersion.Parameters.Add(new Npgsql.NpgsqlParameter { Value = stream });
        var version = (long)(await streamVersion.ExecuteScalarAsync() ?? 0L);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var folded = (TuyenGiao.Contests.Contest?)await new TuyenGiao.Contests.ContestReplay(source).FoldAsync(stream, null, 0, version);
        Console.WriteLine($"{stream}: {version:N0} events folded in {watch.Elapsed.TotalSeconds:N2} s ({version / watch.Elapsed.TotalSeconds:N0} events/s); " +
                          $"{folded?.Accepted:N0} accepted");
        return 0;
    case "export":
        // One stream's NDJSON export through an Api of its own (as step 7 of the full run), run after run.
        var exportPg = Environment.GetEnvironmentVariable("TUYENGIAO_PG") ?? throw new InvalidOperationException("set TUYENGIAO_PG");
        await using (var exportApi = await ApiProcess.StartAsync(Option("root", Directory.GetCurrentDirectory()), exportPg))
        {
            for (var run = 1; run <= int.Parse(Option("runs", "2")); run++)
            {
                var exported = await ExportMeasurement.RunAsync(exportApi, Option("stream", ""));
                Console.WriteLine($"run {run}: {exported.Lines:N0} events ({exported.Bytes / 1048576.0:N0} MiB) in {exported.Seconds} s, " +
                                  $"{exported.EventsPerSecond:N0} per second; working set at most {exported.PeakWorkingSetBytes / 1048576.0:N0} MiB");
            }
        }
        return 0;
    case "verify":
        var verifyStream = Option("stream", "");
        var integrity = new TuyenGiao.Auditing.IntegrityCheck(Npgsql.NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("TUYENGIAO_PG")
            ?? throw new InvalidOperationException("set TUYENGIAO_PG")));
        var verifyWatch = System.Diagnostics.Stopwatch.StartNew();
        var report = await integrity.VerifyAsync(verifyStream);
        Console.WriteLine($"{verifyStream}: {report.EventsChecked:N0} events verified in {verifyWatch.Elapsed.TotalSeconds:N2} s " +
                          $"({report.EventsChecked / verifyWatch.Elapsed.TotalSeconds:N0} events/s); {(report.Intact ? "intact" : string.Join("; ", report.Broken))}");
        return report.Intact ? 0 : 1;
    case "chain":
    case "sealing":
        var switchPg = Environment.GetEnvironmentVariable("TUYENGIAO_PG") ?? throw new InvalidOperationException("set TUYENGIAO_PG");
        for (var run = 1; run <= int.Parse(Option("runs", "2")); run++)
        {
            var (root, clients, seconds, warmup) = (Option("root", Directory.GetCurrentDirectory()), int.Parse(Option("clients", "64")),
                TimeSpan.FromSeconds(int.Parse(Option("seconds", "20"))), TimeSpan.FromSeconds(int.Parse(Option("warmup", "5"))));
            var cost = mode == "chain"
                ? await IngestInTurns.ChainAsync(root, switchPg, clients, seconds, warmup, withFirst: run % 2 == 1)
                : await IngestInTurns.SealingAsync(root, switchPg, clients, seconds, warmup, withFirst: run % 2 == 1);
            Console.WriteLine($"run {run}: with the {mode} {cost.With.PerSecond:N0}/s ({cost.With.Errors} errors), " +
                              $"without {cost.Without.PerSecond:N0}/s ({cost.Without.Errors} errors), ratio {cost.Ratio:N2}; " +
                              $"processor µs per entry with: node {cost.CpuWith.NodeMicroseconds}, machine {cost.CpuWith.MachineMicroseconds}; " +
                              $"without: node {cost.CpuWithout.NodeMicroseconds}, machine {cost.CpuWithout.MachineMicroseconds}");
        }
        return 0;
    case "activation":
        var largePg = Environment.GetEnvironmentVariable("TUYENGIAO_PG")
            ?? throw new InvalidOperationException("set TUYENGIAO_PG (ops/activation-bench.sh does: TUYENGIAO_PG=$(ops/pg.sh start))");
        var largeEntries = long.Parse(Option("entries", "10000000"));
        Console.WriteLine($"Activation of one contest of {largeEntries:N0} entries, loaded through grain calls on a scratch database");
        var large = await LargeActivation.RunAsync(largePg, largeEntries, int.Parse(Option("clients", "64")));
        Console.WriteLine($"loaded in {TimeSpan.FromSeconds(large.LoadSeconds):hh\\:mm\\:ss} ({large.Entries / Math.Max(1, large.LoadSeconds):N0} entries/s)");
        foreach (var (label, activation) in new[] { ("first", large.First), ("second", large.Second) })
            Console.WriteLine($"{label} activation: first call {activation.FirstCallSeconds} s; state {activation.ManagedBytes / 1048576.0:N0} MiB " +
                              $"({activation.ManagedBytesPerEntry:N0} bytes per entry); process {activation.WorkingSetBytes / 1048576.0:N0} MiB");
        var slowest = Math.Max(large.First.FirstCallSeconds, large.Second.FirstCallSeconds);
        var goal = largeEntries >= 10_000_000 ? 3.0 : 1.0;
        Console.WriteLine($"  {(slowest < goal ? "met   " : "MISSED")} activation < {goal} s at {largeEntries:N0} entries: {slowest} s");
        var largeOut = Option("out", "bench-results");
        Directory.CreateDirectory(largeOut);
        var largeFile = Path.Combine(largeOut, $"activation-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        await File.WriteAllTextAsync(largeFile, System.Text.Json.JsonSerializer.Serialize(new { takenAt = DateTimeOffset.UtcNow, large },
            new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"figures written to {largeFile}");
        return 0;
    case "quiz-state":
        var quizPeople = args.Length > 1 && int.TryParse(args[1], out var qp) ? qp : 3_000_000;
        var quizAttempts = args.Length > 2 && int.TryParse(args[2], out var qa) ? qa : 1_000_000;
        var quiz = QuizStateMemory.Measure(quizPeople, quizAttempts);
        Console.WriteLine($"quiz state: {quiz.People:N0} people, {quiz.PeopleBytes / 1024.0 / 1024.0:N1} MiB ({quiz.PeopleBytes / quiz.People:N0} bytes each); " +
                          $"{quiz.Attempts:N0} submitted attempts of 20 questions, {quiz.AttemptBytes / 1024.0 / 1024.0:N1} MiB ({quiz.AttemptBytes / quiz.Attempts:N0} bytes each); " +
                          $"folded in {quiz.Fold.TotalSeconds:N1} s; the round's ranking of {quiz.Ranked:N0} in {quiz.Ranking.TotalSeconds:N2} s");
        Console.WriteLine($"at that size: deciding a start {quiz.StartDecision.TotalMicroseconds:N0} µs (mean of {QuizStateMemory.Decisions:N0} people), " +
                          $"counting the participation {quiz.Participation.TotalMilliseconds:N1} ms");
        Console.WriteLine($"snapshot: {quiz.Snapshot.Bytes / 1024.0 / 1024.0:N1} MiB, serialised in {quiz.Snapshot.Serialize.TotalSeconds:N2} s, " +
                          $"restored in {quiz.Snapshot.Deserialize.TotalSeconds:N2} s, same participation: {quiz.Snapshot.SameAnswer}");
        return 0;
    case "quiz":
        var quizPg = Environment.GetEnvironmentVariable("TUYENGIAO_PG") ?? throw new InvalidOperationException("set TUYENGIAO_PG");
        var quizRoot = Option("root", Directory.GetCurrentDirectory());
        var quizClients = int.Parse(Option("clients", "64"));
        var (deadlinePeople, deadlineAttempts) = (int.Parse(Option("people", "3000000")), int.Parse(Option("attempts", "1000000")));
        Console.WriteLine($"Online quiz over HTTP: {deadlinePeople:N0} people register, {deadlineAttempts:N0} start an attempt and submit it at once, {quizClients} clients");
        HttpIngest.Result quizPlain;
        await using (var peer = await PeerProcess.StartAsync(quizRoot, quizPg, useDatabase: true))
            quizPlain = await HttpIngest.RunAsync("plain-api", peer, BenchScenario.Unregistered(1), quizClients, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5));
        Console.WriteLine($"plain API peer (one INSERT per request): {quizPlain.PerSecond:N0}/s, {quizPlain.Errors} errors");
        QuizDeadline.Result deadline;
        await using (var quizApi = await ApiProcess.StartAsync(quizRoot, quizPg))
            deadline = await QuizDeadline.RunAsync(quizApi, deadlinePeople, deadlineAttempts, quizClients, TimeSpan.FromMinutes(double.Parse(Option("round-minutes", "40"))),
                line => Console.WriteLine($"   {DateTime.UtcNow:HH:mm:ss} {line}"));
        foreach (var phase in new[] { deadline.Registration, deadline.Starts, deadline.Submissions })
            Console.WriteLine($"{phase.Name,-12} {phase.Done,10:N0} in {phase.Seconds,7:N1} s: {phase.PerSecond,7:N0}/s ({phase.PerSecond / Math.Max(1, quizPlain.PerSecond):N2} x the plain API), " +
                              $"{phase.Errors:N0} errors, p50 {phase.LatencyMs.P50} ms, p99 {phase.LatencyMs.P99} ms{(phase.FirstErrors.Count > 0 ? $"; first errors: {string.Join(" | ", phase.FirstErrors)}" : "")}");
        Console.WriteLine($"results of the round ({deadline.Ranked:N0} ranked, with the key) answered {deadline.ResultsSeconds} s after the close " +
                          $"({(deadline.ResultsSeconds < 10 && deadline.Ranked == deadline.Attempts ? "met" : "MISSED")}: under 10 s); Api working set {deadline.ApiWorkingSetBytes / 1048576.0:N0} MiB");
        var quizOut = Option("out", "bench-results");
        Directory.CreateDirectory(quizOut);
        var quizFile = Path.Combine(quizOut, $"quiz-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        await File.WriteAllTextAsync(quizFile, System.Text.Json.JsonSerializer.Serialize(new { takenAt = DateTimeOffset.UtcNow, plain = quizPlain, deadline },
            new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"figures written to {quizFile}");
        return deadline.Submissions.Errors == 0 && deadline.Starts.Errors == 0 && deadline.Registration.Errors == 0 ? 0 : 1;
    case "state":
        var entries = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 1_000_000;
        var memory = ContestStateMemory.Measure(entries);
        Console.WriteLine($"contest state: {memory.Entries:N0} entries, {memory.Bytes / 1024.0 / 1024.0:N1} MiB managed, " +
                          $"{memory.BytesPerEntry:N0} bytes per entry; folded one event at a time in {memory.FoldPerEvent.TotalSeconds:N1} s " +
                          $"({memory.Entries / memory.FoldPerEvent.TotalSeconds:N0} events/s), all at once in {memory.FoldAll.TotalSeconds:N1} s " +
                          $"({memory.Entries / memory.FoldAll.TotalSeconds:N0} events/s)");
        var snapshot = SnapshotRoundTrip.Measure(memory.State);
        Console.WriteLine($"snapshot: {snapshot.Bytes / 1024.0 / 1024.0:N1} MiB ({snapshot.Bytes / memory.Entries:N0} bytes per entry), " +
                          $"serialised in {snapshot.Serialize.TotalSeconds:N2} s, restored in {snapshot.Deserialize.TotalSeconds:N2} s, same tally: {snapshot.SameAnswer}");
        return 0;
    case "all":
        var connection = Environment.GetEnvironmentVariable("TUYENGIAO_PG")
            ?? throw new InvalidOperationException("set TUYENGIAO_PG (ops/bench.sh does: TUYENGIAO_PG=$(ops/pg.sh start))");
        return await FullRun.RunAsync(new FullRun.Options(
            connection,
            Option("root", Directory.GetCurrentDirectory()),
            Option("out", "bench-results"),
            int.Parse(Option("clients", "64")),
            TimeSpan.FromSeconds(int.Parse(Option("seconds", "20"))),
            TimeSpan.FromSeconds(int.Parse(Option("warmup", "5"))),
            int.Parse(Option("rate", "1000")),
            long.Parse(Option("entries", "1000000"))));
    case "restart":
        var pg = Environment.GetEnvironmentVariable("TUYENGIAO_PG")
            ?? throw new InvalidOperationException("set TUYENGIAO_PG (ops/restart-bench.sh does: TUYENGIAO_PG=$(ops/pg.sh start))");
        Console.WriteLine("Rolling restart: three nodes, node 2 stopped with SIGTERM and started again under load");
        var restart = await RollingRestart.RunAsync(Option("root", Directory.GetCurrentDirectory()), pg, int.Parse(Option("clients", "16")));
        Console.WriteLine($"{restart.Clients} clients, {restart.Acknowledged:N0} acknowledged, {restart.Retried:N0} retried (503 or a node going away)");
        Console.WriteLine($"node 2 stopped in {restart.StopSeconds} s and was ready again {restart.ReadySeconds} s after the stop began");
        Console.WriteLine($"during the restart: longest append answered at its first try {restart.LongestAppendMs} ms (sent {restart.LongestAppendStartedAtSeconds} s after the stop began); longest one sent again " +
                          $"(its node went away mid-request) {restart.LongestRetriedMs} ms; longest gap between acknowledgements {restart.LongestGapMs} ms");
        Console.WriteLine($"latency over the whole run: p50 {restart.LatencyMs.P50} ms, p95 {restart.LatencyMs.P95} ms, p99 {restart.LatencyMs.P99} ms");
        var stalled = Math.Max(restart.LongestAppendMs, restart.LongestGapMs);
        Console.WriteLine($"  {(stalled <= 1_000 ? "met   " : "MISSED")} no append stalled for more than a second: {stalled} ms");
        var outDir = Option("out", "bench-results");
        Directory.CreateDirectory(outDir);
        var restartFile = Path.Combine(outDir, $"restart-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        await File.WriteAllTextAsync(restartFile, System.Text.Json.JsonSerializer.Serialize(new { takenAt = DateTimeOffset.UtcNow, restart },
            new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"figures written to {restartFile}");
        return 0;
    default:
        Console.Error.WriteLine("usage: TuyenGiao.Bench all|activation|chain|peer|replay|verify|state|quiz-state|restart [options]");
        return 2;
}

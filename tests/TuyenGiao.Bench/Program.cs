using TuyenGiao.Bench;

// Benchmarks that print figures; they are not tests and assert nothing.
//   all [--seconds 20] [--warmup 5] [--clients 64] [--rate 1000] [--entries 1000000] [--out bench-results]
//       everything against TUYENGIAO_PG, the system started as its own process (ops/bench.sh runs this)
//   state [entries]    memory per entry and snapshot size of a contest's state, in memory only
var mode = args.Length > 0 ? args[0] : "all";
string Option(string name, string fallback) =>
    Array.IndexOf(args, $"--{name}") is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

switch (mode)
{
    case "state":
        var entries = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 1_000_000;
        var memory = ContestStateMemory.Measure(entries);
        Console.WriteLine($"contest state: {memory.Entries:N0} entries, {memory.Bytes / 1024.0 / 1024.0:N1} MiB managed, " +
                          $"{memory.BytesPerEntry:N0} bytes per entry; folded one event at a time in {memory.FoldPerEvent.TotalSeconds:N1} s " +
                          $"({memory.Entries / memory.FoldPerEvent.TotalSeconds:N0} events/s), all at once in {memory.FoldAll.TotalSeconds:N1} s " +
                          $"({memory.Entries / memory.FoldAll.TotalSeconds:N0} events/s)");
        var snapshot = SnapshotRoundTrip.Measure(memory.State);
        Console.WriteLine($"snapshot: {snapshot.Bytes / 1024.0 / 1024.0:N1} MiB ({snapshot.Bytes / memory.Entries:N0} bytes per entry), " +
                          $"serialised in {snapshot.Serialize.TotalSeconds:N2} s, restored in {snapshot.Deserialize.TotalSeconds:N2} s, same tally: {snapshot.SameTally}");
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
    default:
        Console.Error.WriteLine("usage: TuyenGiao.Bench all|state [options]");
        return 2;
}

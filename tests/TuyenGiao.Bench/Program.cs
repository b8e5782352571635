using TuyenGiao.Bench;

// Benchmarks that print figures; they are not tests and assert nothing.
//   TuyenGiao.Bench state [entries]    memory per entry and snapshot size of a contest's state (no I/O)
//   TuyenGiao.Bench ingest [entries]   entries into one contest through a real silo on TUYENGIAO_PG, then reactivation
var mode = args.Length > 0 ? args[0] : "state";
var entries = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 1_000_000;
switch (mode)
{
    case "state":
        var memory = ContestStateMemory.Measure(entries);
        Console.WriteLine($"contest state: {memory.Entries:N0} entries, {memory.Bytes / 1024.0 / 1024.0:N1} MiB managed, " +
                          $"{memory.BytesPerEntry:N0} bytes per entry, folded in {memory.Fold.TotalSeconds:N1} s ({memory.Entries / memory.Fold.TotalSeconds:N0} events/s)");
        var snapshot = SnapshotRoundTrip.Measure(memory.State);
        Console.WriteLine($"snapshot: {snapshot.Bytes / 1024.0 / 1024.0:N1} MiB ({snapshot.Bytes / memory.Entries:N0} bytes per entry), " +
                          $"serialised in {snapshot.Serialize.TotalSeconds:N2} s, restored in {snapshot.Deserialize.TotalSeconds:N2} s, same tally: {snapshot.SameTally}");
        break;
    case "ingest":
        var connection = Environment.GetEnvironmentVariable("TUYENGIAO_PG")
            ?? throw new InvalidOperationException("set TUYENGIAO_PG (for example: TUYENGIAO_PG=$(ops/pg.sh start))");
        await GrainIngest.RunAsync(connection, entries);
        break;
    default:
        Console.Error.WriteLine("usage: TuyenGiao.Bench state|ingest [entries]");
        return 2;
}
return 0;

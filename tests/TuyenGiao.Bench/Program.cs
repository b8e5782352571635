using TuyenGiao.Bench;

// Benchmarks that print figures; they are not tests and assert nothing. Usage: TuyenGiao.Bench [entries]
var entries = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1_000_000;
var memory = ContestStateMemory.Measure(entries);
Console.WriteLine($"contest state: {memory.Entries:N0} entries, {memory.Bytes / 1024.0 / 1024.0:N1} MiB managed, " +
                  $"{memory.BytesPerEntry:N0} bytes per entry, folded in {memory.Fold.TotalSeconds:N1} s ({memory.Entries / memory.Fold.TotalSeconds:N0} events/s)");
var snapshot = SnapshotRoundTrip.Measure(memory.State);
Console.WriteLine($"snapshot: {snapshot.Bytes / 1024.0 / 1024.0:N1} MiB ({snapshot.Bytes / memory.Entries:N0} bytes per entry), " +
                  $"serialised in {snapshot.Serialize.TotalSeconds:N2} s, restored in {snapshot.Deserialize.TotalSeconds:N2} s, same tally: {snapshot.SameTally}");

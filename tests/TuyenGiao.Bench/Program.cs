using TuyenGiao.Bench;

// Benchmarks that print figures; they are not tests and assert nothing. Usage: TuyenGiao.Bench [entries]
var entries = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1_000_000;
var result = ContestStateMemory.Measure(entries);
Console.WriteLine($"contest state: {result.Entries:N0} entries, {result.Bytes / 1024.0 / 1024.0:N1} MiB managed, " +
                  $"{result.BytesPerEntry:N0} bytes per entry, folded in {result.Fold.TotalSeconds:N1} s ({result.Entries / result.Fold.TotalSeconds:N0} events/s)");

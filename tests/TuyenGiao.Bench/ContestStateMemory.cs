using System.Diagnostics;
using TuyenGiao.Contests;

namespace TuyenGiao.Bench;

/// <summary>
/// How much managed memory a contest grain's state holds per accepted entry: the state is folded from realistic
/// EntrySubmitted events (Vietnamese names, twelve committees) and measured after a full collection.
/// </summary>
public static class ContestStateMemory
{
    public sealed record Result(int Entries, long Bytes, TimeSpan FoldPerEvent, TimeSpan FoldAll, Contest State)
    {
        public long BytesPerEntry => Bytes / Entries;
    }

    public static Result Measure(int entries)
    {
        var opens = new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.FromHours(7));
        var committees = Enumerable.Range(1, 12).Select(i => $"TV-KHOI-{i:D2}").ToArray();
        var paths = committees.Select(c => (IReadOnlyList<string>)[c, "TV-KHOI", "TV"]).ToArray();
        var announced = new ContestAnnounced("BENCH", "TV-KHOI", ContestKind.Writing,
            new ContestDetails("Khát vọng Trà Vinh", "", opens, opens.AddDays(30), 1_277, [], 1, [new PrizeTier("Giải nhất", 1)], []));

        var baseline = Collect();
        var events = new List<object>(entries + 1) { announced };
        for (var i = 0; i < entries; i++)
        {
            var c = i % committees.Length;
            events.Add(new EntrySubmitted("BENCH", i + 1, $"sub-{i:D8}", $"Nguyễn Văn {i}", committees[c], paths[c],
                $"Khát vọng vươn lên {i}", 1_500, null, null, i * 7919L, opens.AddSeconds(i % 2_592_000)));
        }

        // One event at a time, as the grain applies a confirmed batch's events.
        var perEvent = FoldOneByOne(events);

        // All at once, as a replay or an activation folds a stream.
        Collect();
        var clock = Stopwatch.StartNew();
        var state = ContestEvolution.EvolveAll(Contest.None("BENCH"), events);
        var bulk = clock.Elapsed;
        events.Clear();
        events.TrimExcess();
        var after = Collect();
        return new Result(entries, after - baseline, perEvent, bulk, state);
    }

    private static TimeSpan FoldOneByOne(List<object> events)
    {
        var clock = Stopwatch.StartNew();
        var state = Contest.None("BENCH");
        foreach (var e in events)
            state = ContestEvolution.Evolve(state, e);
        return clock.Elapsed;
    }

    private static long Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

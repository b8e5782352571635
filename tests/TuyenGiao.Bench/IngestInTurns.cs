namespace TuyenGiao.Bench;

/// <summary>
/// What one switch of the write path costs ingest, measured in one run: the same HTTP load on two fresh, empty databases
/// on the same PostgreSQL, one node as the system runs, one with the switch off, on the benchmark's own scratch databases,
/// dropped afterwards (the system's database is never touched). Measured so: the hash chain's links
/// (<c>EventStore:ChainLinks=false</c>) and the sealing of personal data (<c>PersonalData:StorePlainForBenchmark=true</c>).
/// <para>
/// Both nodes run throughout and the load goes to them in turns, in slices ordered A B B A A B B A: whatever the machine
/// does meanwhile (PostgreSQL's checkpoints, the disk writing back, a database growing) falls on both alike. One after the
/// other, twenty seconds each, pairs of runs differed by up to 40 % in either direction; in turns, four slices of five
/// seconds each, by up to 10 %; so each side now gets eight.
/// </para>
/// </summary>
public static class IngestInTurns
{
    /// <summary>Slices each side gets, each a quarter of the run's duration: each side is measured for twice the duration.</summary>
    public const int SlicesEach = 8;

    /// <param name="With">The system as it runs.</param>
    /// <param name="Without">The same with the switch off.</param>
    /// <param name="Ratio">With over without: 1 costs nothing.</param>
    /// <param name="CpuWith">Processor time per entry with the switch on: the node's, and the machine's in all.</param>
    /// <param name="CpuWithout">The same with it off.</param>
    public sealed record Result(HttpIngest.Result With, HttpIngest.Result Without, double Ratio, CpuPerEntry CpuWith, CpuPerEntry CpuWithout);

    /// <summary>Microseconds of processor time per entry accepted: the node's own, and the whole machine's (PostgreSQL, the load).</summary>
    public sealed record CpuPerEntry(double NodeMicroseconds, double MachineMicroseconds);

    /// <summary>The hash chain's links.</summary>
    public static Task<Result> ChainAsync(string repositoryRoot, string connectionString, int clients, TimeSpan duration, TimeSpan warmUp, bool withFirst = true) =>
        RunAsync(repositoryRoot, connectionString, "chain", ("EventStore__ChainLinks", "false"), clients, duration, warmUp, withFirst);

    /// <summary>The sealing of personal data (an entry's author name under a data key of its own).</summary>
    public static Task<Result> SealingAsync(string repositoryRoot, string connectionString, int clients, TimeSpan duration, TimeSpan warmUp, bool withFirst = true) =>
        RunAsync(repositoryRoot, connectionString, "sealing", ("PersonalData__StorePlainForBenchmark", "true"), clients, duration, warmUp, withFirst);

    /// <param name="withFirst">Which of the two gets the first slice: runs in a row alternate it.</param>
    private static async Task<Result> RunAsync(string repositoryRoot, string connectionString, string name, (string Name, string Value) switchOff,
        int clients, TimeSpan duration, TimeSpan warmUp, bool withFirst)
    {
        await using var withScratch = await ScratchDatabase.CreateAsync(connectionString, $"{name}-on");
        await using var withoutScratch = await ScratchDatabase.CreateAsync(connectionString, $"{name}-off");
        await using var with = await ApiProcess.StartAsync(repositoryRoot, withScratch.ConnectionString);
        await using var without = await ApiProcess.StartAsync(repositoryRoot, withoutScratch.ConnectionString,
            settings: new Dictionary<string, string> { [switchOff.Name] = switchOff.Value });
        using var withSetup = with.Client(TimeSpan.FromMinutes(2));
        using var withoutSetup = without.Client(TimeSpan.FromMinutes(2));
        using var onLoad = new HttpIngest.Load(with, await BenchScenario.CreateAsync(withSetup, 1), clients);
        using var offLoad = new HttpIngest.Load(without, await BenchScenario.CreateAsync(withoutSetup, 1), clients);
        var sides = new[]
        {
            (Name: $"{name}-on", Node: with, Load: onLoad, Slices: new List<HttpIngest.Result>(), Cpu: new Cpu()),
            (Name: $"{name}-off", Node: without, Load: offLoad, Slices: new List<HttpIngest.Result>(), Cpu: new Cpu()),
        };
        foreach (var side in sides)
            await side.Load.RunAsync($"{side.Name}-warm", warmUp);
        var slice = duration / 4;
        for (var turn = 0; turn < 2 * SlicesEach; turn++)
        {
            // A B B A A B B A: turn 0 and 3 of every four go to the first side.
            var side = sides[(turn % 4 is 0 or 3) == withFirst ? 0 : 1];
            var (node, machine) = (side.Node.ProcessorTime, MachineCpu.Busy());
            side.Slices.Add(await side.Load.RunAsync($"{side.Name}-{turn}", slice));
            side.Cpu.Node += side.Node.ProcessorTime - node;
            side.Cpu.Machine += MachineCpu.Busy() - machine;
        }
        var (on, off) = (Combine(sides[0].Name, sides[0].Slices, warmUp), Combine(sides[1].Name, sides[1].Slices, warmUp));
        return new Result(on, off, Math.Round(on.PerSecond / Math.Max(1, off.PerSecond), 2), sides[0].Cpu.PerEntry(on.Accepted), sides[1].Cpu.PerEntry(off.Accepted));
    }

    /// <summary>Processor time one side used over its slices.</summary>
    private sealed class Cpu
    {
        public TimeSpan Node { get; set; }
        public TimeSpan Machine { get; set; }

        public CpuPerEntry PerEntry(long entries) =>
            new(Math.Round(Node.TotalMicroseconds / Math.Max(1, entries), 1), Math.Round(Machine.TotalMicroseconds / Math.Max(1, entries), 1));
    }

    /// <summary>One side's slices as one run: entries over seconds; latencies those of its slowest slice (percentiles do not add up).</summary>
    private static HttpIngest.Result Combine(string name, IReadOnlyList<HttpIngest.Result> slices, TimeSpan warmUp)
    {
        var seconds = slices.Sum(s => s.Seconds);
        var accepted = slices.Sum(s => s.Accepted);
        return new HttpIngest.Result(name, slices[0].Clients, warmUp.TotalSeconds, Math.Round(seconds, 1), accepted, slices.Sum(s => s.Errors),
            Math.Round(accepted / seconds),
            new Percentiles(slices.Max(s => s.LatencyMs.P50), slices.Max(s => s.LatencyMs.P95), slices.Max(s => s.LatencyMs.P99)));
    }
}

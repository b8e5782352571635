namespace TuyenGiao.Bench;

/// <summary>
/// What the hash chain costs ingest, measured in one run: the same HTTP load on two fresh, empty databases on the same
/// PostgreSQL, one node writing the chain's links as the system does, one with them switched off
/// (<c>EventStore:ChainLinks=false</c>), on the benchmark's own scratch databases, dropped afterwards (the system's database
/// is never touched).
/// <para>
/// Both nodes run throughout and the load goes to them in turns, in slices ordered A B B A A B B A: whatever the machine
/// does meanwhile (PostgreSQL's checkpoints, the disk writing back, a database growing) falls on both alike. One after the
/// other, twenty seconds each, pairs of runs differed by up to 40 % in either direction; in turns, four slices of five
/// seconds each, by up to 10 %; so each side now gets eight.
/// </para>
/// </summary>
public static class ChainCost
{
    /// <summary>Slices each side gets, each a quarter of the run's duration: each side is measured for twice the duration.</summary>
    public const int SlicesEach = 8;

    public sealed record Result(HttpIngest.Result WithChain, HttpIngest.Result WithoutChain, double Ratio);

    /// <param name="chainFirst">Which of the two gets the first slice: runs in a row alternate it.</param>
    public static async Task<Result> RunAsync(string repositoryRoot, string connectionString, int clients, TimeSpan duration, TimeSpan warmUp,
        bool chainFirst = true)
    {
        await using var withScratch = await ScratchDatabase.CreateAsync(connectionString, "chain-on");
        await using var withoutScratch = await ScratchDatabase.CreateAsync(connectionString, "chain-off");
        await using var with = await ApiProcess.StartAsync(repositoryRoot, withScratch.ConnectionString);
        await using var without = await ApiProcess.StartAsync(repositoryRoot, withoutScratch.ConnectionString,
            settings: new Dictionary<string, string> { ["EventStore__ChainLinks"] = "false" });
        using var withSetup = with.Client(TimeSpan.FromMinutes(2));
        using var withoutSetup = without.Client(TimeSpan.FromMinutes(2));
        using var onLoad = new HttpIngest.Load(with, await BenchScenario.CreateAsync(withSetup, 1), clients);
        using var offLoad = new HttpIngest.Load(without, await BenchScenario.CreateAsync(withoutSetup, 1), clients);
        var sides = new[] { (Name: "chain-on", Load: onLoad, Slices: new List<HttpIngest.Result>()), (Name: "chain-off", Load: offLoad, Slices: new List<HttpIngest.Result>()) };
        foreach (var side in sides)
            await side.Load.RunAsync($"{side.Name}-warm", warmUp);
        var slice = duration / 4;
        for (var turn = 0; turn < 2 * SlicesEach; turn++)
        {
            // A B B A A B B A: turn 0 and 3 of every four go to the first side.
            var side = sides[(turn % 4 is 0 or 3) == chainFirst ? 0 : 1];
            side.Slices.Add(await side.Load.RunAsync($"{side.Name}-{turn}", slice));
        }
        var (on, off) = (Combine("chain-on", sides[0].Slices, warmUp), Combine("chain-off", sides[1].Slices, warmUp));
        return new Result(on, off, Math.Round(on.PerSecond / Math.Max(1, off.PerSecond), 2));
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

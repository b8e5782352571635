namespace TuyenGiao.Bench;

/// <summary>
/// What the hash chain costs ingest, measured in one run: the same HTTP load on two fresh, empty databases on the same
/// PostgreSQL, one as the system sets it up, one with the chain's trigger disabled right after the set-up (the
/// benchmark's own scratch databases, dropped afterwards; the system's database is never touched).
/// </summary>
public static class ChainCost
{
    public sealed record Result(HttpIngest.Result WithChain, HttpIngest.Result WithoutChain, double Ratio);

    /// <param name="chainFirst">Which of the two goes first: runs in a row alternate it, so that neither always meets a
    /// warmer or a colder machine.</param>
    public static async Task<Result> RunAsync(string repositoryRoot, string connectionString, int clients, TimeSpan duration, TimeSpan warmUp,
        bool chainFirst = true)
    {
        Task<HttpIngest.Result> Ingest(bool chain) =>
            IngestOnScratchAsync(chain ? "chain-on" : "chain-off", repositoryRoot, connectionString, chain, clients, duration, warmUp);
        var first = await Ingest(chainFirst);
        var second = await Ingest(!chainFirst);
        var (with, without) = chainFirst ? (first, second) : (second, first);
        return new Result(with, without, Math.Round(with.PerSecond / Math.Max(1, without.PerSecond), 2));
    }

    private static async Task<HttpIngest.Result> IngestOnScratchAsync(string name, string repositoryRoot, string connectionString, bool chain,
        int clients, TimeSpan duration, TimeSpan warmUp)
    {
        await using var scratch = await ScratchDatabase.CreateAsync(connectionString, name);
        await using var api = await ApiProcess.StartAsync(repositoryRoot, scratch.ConnectionString);
        if (!chain)
            await scratch.ExecuteAsync("ALTER TABLE tuyengiao.mt_events DISABLE TRIGGER chain_event");
        using var setup = api.Client(TimeSpan.FromMinutes(2));
        return await HttpIngest.RunAsync(name, api, await BenchScenario.CreateAsync(setup, 1), clients, duration, warmUp);
    }
}

using System.Diagnostics;

namespace TuyenGiao.Bench;

/// <summary>
/// Activation of one contest far larger than the full run's: ten million entries by default, on a scratch database of its
/// own (so that the benchmark's usual store, and the full run's replay of every event in it, do not grow by ten million
/// events), dropped afterwards. The entries go through grain calls, as in the full run, so the stream, its hash chain, the
/// entries' read model and the snapshot are the ones the system writes; at about 4,000 entries a second that is the
/// long part (some 40 minutes for ten million). ops/activation-bench.sh runs it.
/// </summary>
public static class LargeActivation
{
    public sealed record Result(long Entries, double LoadSeconds, InProcessSilo.ActivationResult First, InProcessSilo.ActivationResult Second);

    public static async Task<Result> RunAsync(string connectionString, long entries, int callers)
    {
        await using var scratch = await ScratchDatabase.CreateAsync(connectionString, "activation");
        await using var silo = await InProcessSilo.StartAsync(scratch.ConnectionString);
        var contest = await silo.AnnounceAsync("LARGE");
        var clock = Stopwatch.StartNew();
        await silo.IngestAsync("large", contest, callers, TimeSpan.MaxValue, entries, accepted =>
        {
            if (accepted % 1_000_000 != 0)
                return;
            var perSecond = accepted / clock.Elapsed.TotalSeconds;
            Console.WriteLine($"   {accepted:N0} entries in {clock.Elapsed:hh\\:mm\\:ss} ({perSecond:N0}/s; " +
                              $"about {TimeSpan.FromSeconds((entries - accepted) / perSecond):hh\\:mm\\:ss} to go)");
        });
        var loadSeconds = Math.Round(clock.Elapsed.TotalSeconds);
        // Twice: the first activation after the load may still find the snapshot behind the stream's tail; both are reported.
        var first = await silo.ReactivateAsync(contest);
        var second = await silo.ReactivateAsync(contest);
        return new Result(entries, loadSeconds, first, second);
    }
}

using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TuyenGiao.Contests;

namespace TuyenGiao.Bench;

/// <summary>The periodic snapshot of a grain's state: its size, and the time to write and to read it back (no I/O).</summary>
public static class SnapshotRoundTrip
{
    /// <param name="SameAnswer">Whether the restored state answers as the state did (its tally, its participation).</param>
    public sealed record Result(long Bytes, TimeSpan Serialize, TimeSpan Deserialize, bool SameAnswer);

    public static Result Measure(Contest state) =>
        Measure(state, contest => System.Text.Json.JsonSerializer.Serialize(ContestTallies.Build(contest, 1, DateTimeOffset.UnixEpoch)));

    public static Result Measure<TState>(TState state, Func<TState, string> answer) where TState : class
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var clock = Stopwatch.StartNew();
        var bytes = serializer.SerializeToArray(state);
        var serialize = clock.Elapsed;
        clock.Restart();
        var restored = serializer.Deserialize<TState>(bytes) ?? throw new InvalidOperationException("the snapshot did not restore");
        var deserialize = clock.Elapsed;
        return new Result(bytes.LongLength, serialize, deserialize, answer(state) == answer(restored));
    }
}

using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TuyenGiao.Contests;

namespace TuyenGiao.Bench;

/// <summary>The periodic snapshot of a contest: its size, and the time to write and to read it back (no I/O).</summary>
public static class SnapshotRoundTrip
{
    public sealed record Result(long Bytes, TimeSpan Serialize, TimeSpan Deserialize, bool SameTally);

    public static Result Measure(Contest state)
    {
        using var services = new ServiceCollection().AddSerializer().BuildServiceProvider();
        var serializer = services.GetRequiredService<Serializer>();
        var clock = Stopwatch.StartNew();
        var bytes = serializer.SerializeToArray(state);
        var serialize = clock.Elapsed;
        clock.Restart();
        var restored = serializer.Deserialize<Contest>(bytes) ?? throw new InvalidOperationException("the snapshot did not restore");
        var deserialize = clock.Elapsed;
        var now = DateTimeOffset.UtcNow;
        var same = System.Text.Json.JsonSerializer.Serialize(ContestTallies.Build(state, 1, now))
                   == System.Text.Json.JsonSerializer.Serialize(ContestTallies.Build(restored, 1, now));
        return new Result(bytes.LongLength, serialize, deserialize, same);
    }
}

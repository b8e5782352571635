namespace TuyenGiao.Bench;

/// <summary>
/// The processor time the whole machine has spent busy (every process, PostgreSQL's included), from /proc/stat: what a
/// measured slice of load cost in all, where the Api's own processor time says only what it cost the node.
/// </summary>
public static class MachineCpu
{
    /// <summary>Busy time so far, summed over the cores (zero where /proc/stat is not there).</summary>
    public static TimeSpan Busy()
    {
        if (!File.Exists("/proc/stat"))
            return TimeSpan.Zero;
        // cpu  user nice system idle iowait irq softirq steal ...: in clock ticks, 100 a second on Linux.
        var ticks = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8).Select(long.Parse).ToArray();
        return TimeSpan.FromSeconds((ticks.Sum() - ticks[3] - ticks[4]) / 100.0);
    }
}

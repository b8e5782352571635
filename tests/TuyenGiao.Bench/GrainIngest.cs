using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TuyenGiao.Committees;
using TuyenGiao.Common;
using TuyenGiao.Contests;
using TuyenGiao.Silo;

namespace TuyenGiao.Bench;

/// <summary>
/// A real silo on the given PostgreSQL: N entries into one contest from 64 concurrent callers through grain calls
/// (no HTTP), then the contest is deactivated and its first call after reactivation is timed.
/// </summary>
public static class GrainIngest
{
    public static async Task RunAsync(string connectionString, int entries)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TUYENGIAO_PG"] = connectionString,
            ["Orleans:ClusterId"] = $"bench-{Guid.NewGuid():N}"[..16],
            ["Orleans:SiloPort"] = FreePort().ToString(),
            ["Orleans:GatewayPort"] = FreePort().ToString(),
        });
        builder.UseOrleans(silo => silo.AddTuyenGiaoSilo(builder.Configuration));
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var context = new CommandContext("bench", "bench");
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var province = $"BP{suffix}";
        var cells = Enumerable.Range(1, 12).Select(i => $"BG{i:D2}{suffix}").ToArray();
        await grains.GetGrain<ICommitteeGrain>(province).Register(new RegisterCommittee("Tỉnh ủy", CommitteeLevel.Province, null, 1), context);
        foreach (var cell in cells)
            await grains.GetGrain<ICommitteeGrain>(cell).Register(new RegisterCommittee("Cơ sở", CommitteeLevel.Grassroots, province, 1), context);
        var contestId = $"BENCH-{suffix}";
        var contest = grains.GetGrain<IContestGrain>(contestId);
        var now = DateTimeOffset.UtcNow;
        var announced = await contest.Announce(new AnnounceContest(province, ContestKind.Writing, new ContestDetails(
            "Khát vọng Trà Vinh", "", now.AddMinutes(-1), now.AddDays(1), 1_277, [], 1, [new PrizeTier("Giải nhất", 1)], [])), context);
        if (!announced.Succeeded)
            throw new InvalidOperationException(announced.Rejection!.Reason);

        var next = -1;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var progress = Task.Run(async () =>
        {
            while (Volatile.Read(ref next) < entries)
            {
                await Task.Delay(TimeSpan.FromSeconds(10));
                var done = Math.Min(Volatile.Read(ref next), entries);
                Console.WriteLine($"  {done:N0} / {entries:N0} entries, {done / clock.Elapsed.TotalSeconds:N0} per second");
            }
        });
        await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < entries; i = Interlocked.Increment(ref next))
            {
                var outcome = await contest.Submit(new SubmitEntry($"b-{i:D8}", $"Tác giả {i}", cells[i % cells.Length], $"Bài dự thi {i}", 1_500, null, null), context);
                if (outcome.Rejection is not null)
                    Interlocked.Increment(ref errors);
            }
        })));
        var ingest = clock.Elapsed;
        await progress;
        Console.WriteLine($"ingest (grain calls): {entries:N0} entries in {ingest.TotalSeconds:N1} s, {entries / ingest.TotalSeconds:N0} per second, {errors} errors");

        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        clock.Restart();
        var tally = await contest.GetTally();
        Console.WriteLine($"activation: first call after reactivation {clock.Elapsed.TotalSeconds:N2} s; tally {tally!.Accepted:N0} accepted, version {tally.Version:N0}");
        await host.StopAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

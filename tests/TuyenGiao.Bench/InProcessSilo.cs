using TuyenGiao.EventStore;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using JasperFx.Events;
using Marten;
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
/// A real silo inside the benchmark process, on the same PostgreSQL: ingest through grain calls (no HTTP), the
/// first call after a million-entry contest is reactivated, and a full replay of its events.
/// </summary>
public sealed class InProcessSilo : IAsyncDisposable
{
    private static readonly CommandContext Context = new("bench", "bench");
    private readonly IHost _host;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
    private string[] _cells = [];
    private string _province = "";

    private InProcessSilo(IHost host) => _host = host;

    private IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public sealed record IngestResult(string Name, int Callers, double Seconds, long Accepted, long Errors, double PerSecond, Percentiles LatencyMs);

    public sealed record ActivationResult(long Entries, double FirstCallSeconds, long ManagedBytes, long WorkingSetBytes, double ManagedBytesPerEntry);

    /// <param name="ReadSeconds">Of <paramref name="Seconds"/>, reading and deserialising through Marten; the rest is the fold and the tally.</param>
    /// <param name="ReadModelSeconds">Rebuilding the committee documents with Marten's projection daemon, which reads
    /// the committee events among <paramref name="StoreEvents"/>.</param>
    public sealed record ReplayResult(long Events, double Seconds, double EventsPerSecond, double ReadSeconds, double FoldSeconds, int Accepted,
        long StoreEvents, int Committees, double ReadModelSeconds);

    public static async Task<InProcessSilo> StartAsync(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TUYENGIAO_PG"] = connectionString,
            ["Orleans:ClusterId"] = $"bench-{Guid.NewGuid():N}"[..16],
            ["Orleans:SiloPort"] = FreePort().ToString(),
            ["Orleans:GatewayPort"] = FreePort().ToString(),
        });
        builder.UseOrleans(silo => silo.AddTuyenGiaoSilo(builder.Configuration));
        var host = builder.Build();
        await host.StartAsync();
        var silo = new InProcessSilo(host);
        await silo.RegisterCommittees();
        return silo;
    }

    public async Task<string> AnnounceAsync(string name)
    {
        var contestId = $"BENCH-{_suffix}-{name}".ToUpperInvariant();
        var now = DateTimeOffset.UtcNow;
        var result = await Grains.GetGrain<IContestGrain>(contestId).Announce(new AnnounceContest(_province, ContestKind.Writing, new ContestDetails(
            "Khát vọng Trà Vinh", "", now.AddMinutes(-1), now.AddDays(1), 1_277, [], 1, [new PrizeTier("Giải nhất", 1)], [])), Context);
        return result.Succeeded ? contestId : throw new InvalidOperationException(result.Rejection!.Reason);
    }

    /// <summary>
    /// Callers submit to one contest until the time is up, or until <paramref name="entries"/> are in. Authors are named after
    /// the run, so that a warm-up into the same contest does not use up their per-author limit.
    /// </summary>
    public async Task<IngestResult> IngestAsync(string name, string contestId, int callers, TimeSpan duration, long entries = long.MaxValue,
        Action<long>? progress = null)
    {
        var contest = Grains.GetGrain<IContestGrain>(contestId);
        var latencies = new Latencies();
        long next = 0, accepted = 0, errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i <= entries && clock.Elapsed < duration; i = Interlocked.Increment(ref next))
            {
                var started = clock.Elapsed;
                var outcome = await contest.Submit(new SubmitEntry($"{name}-{i}", $"Nguyễn Văn {i} ({name})", _cells[i % _cells.Length], $"Bài dự thi {i}", 1_500, null, null), Context);
                latencies.Add(clock.Elapsed - started);
                if (outcome.Rejection is null)
                {
                    if (Interlocked.Increment(ref accepted) % 100_000 == 0)
                        progress?.Invoke(accepted);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        return new IngestResult(name, callers, Math.Round(seconds, 1), accepted, errors, Math.Round(accepted / seconds), latencies.Summarise());
    }

    /// <summary>Deactivates every grain, then times the contest's first call and measures the process while it is active.</summary>
    public async Task<ActivationResult> ReactivateAsync(string contestId)
    {
        // The statistics must see the contest active now, or the wait below would see none and not wait at all.
        if (await ActiveContestsAsync() == 0)
            throw new InvalidOperationException("Orleans' grain statistics show no active contest grain: the wait for deactivation would see nothing.");
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        // The deactivations (and their final snapshots) finished: a contest state still held counted in the baseline
        // and made the state's figure negative (-36 bytes an entry, 2026-12-04 02:52).
        await UntilNoContestIsActiveAsync(TimeSpan.FromMinutes(2));
        var before = Collect();
        var clock = Stopwatch.StartNew();
        var tally = await Grains.GetGrain<IContestGrain>(contestId).GetTally();
        var firstCall = clock.Elapsed.TotalSeconds;
        var managed = Collect() - before;
        return new ActivationResult(tally!.Accepted, Math.Round(firstCall, 2), managed, Environment.WorkingSet,
            Math.Round((double)managed / Math.Max(1, tally.Accepted)));
    }

    /// <summary>
    /// Rebuilds the contest's state and tally from its whole stream with no snapshot, as an activation without one and the
    /// audit replay do (the journal's replay: rows read with Npgsql, decoded and folded on two cores), and the committee read
    /// model (Marten's snapshot documents) from every event in the store.
    /// </summary>
    public async Task<ReplayResult> ReplayAsync(string contestId)
    {
        var store = _host.Services.GetRequiredService<IDocumentStore>();
        var journal = _host.Services.GetRequiredService<IEventJournal>();
        var clock = Stopwatch.StartNew();
        var (state, count) = await journal.LoadAsync<Contest>(Contest.StreamIdFor(contestId));
        var read = clock.Elapsed;
        var tally = ContestTallies.Build(state!, count, DateTimeOffset.UtcNow);
        var total = clock.Elapsed;

        using var daemon = await store.BuildProjectionDaemonAsync();
        clock.Restart();
        await daemon.RebuildProjectionAsync<CommitteeSnapshotProjection>(TimeSpan.FromMinutes(10), CancellationToken.None);
        var readModels = clock.Elapsed;
        await using var query = store.QuerySession();
        var storeEvents = await query.Events.QueryAllRawEvents().CountAsync();
        var committees = await query.Query<Committee>().CountAsync();

        return new ReplayResult(count, Math.Round(total.TotalSeconds, 1), Math.Round(count / total.TotalSeconds), Math.Round(read.TotalSeconds, 1),
            Math.Round((total - read).TotalSeconds, 1), tally.Accepted, storeEvents, committees, Math.Round(readModels.TotalSeconds, 1));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private async Task RegisterCommittees()
    {
        _province = $"BP{_suffix}";
        _cells = Enumerable.Range(1, 12).Select(i => $"BG{i:D2}{_suffix}").ToArray();
        await Grains.GetGrain<ICommitteeGrain>(_province).Register(new RegisterCommittee("Tỉnh ủy", CommitteeLevel.Province, null, 1), Context);
        foreach (var cell in _cells)
            await Grains.GetGrain<ICommitteeGrain>(cell).Register(new RegisterCommittee("Cơ sở", CommitteeLevel.Grassroots, _province, 1), Context);
    }

    private async Task<int> ActiveContestsAsync() =>
        (await Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics())
        // Named "type, assembly" (TuyenGiao.Contests.ContestGrain,TuyenGiao.Grains).
        .Where(s => s.GrainType.Split(',')[0] == typeof(ContestGrain).FullName).Sum(s => s.ActivationCount);

    private async Task UntilNoContestIsActiveAsync(TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (await ActiveContestsAsync() > 0)
        {
            if (clock.Elapsed > limit)
                throw new TimeoutException($"Contest grains were still active {limit} after every activation was asked to deactivate.");
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    private static long Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

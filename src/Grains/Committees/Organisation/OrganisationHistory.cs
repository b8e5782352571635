using TuyenGiao.EventStore;
using TuyenGiao.Common;
using System.Collections.Immutable;
using Marten;
using Npgsql;
using TuyenGiao.Contests;

namespace TuyenGiao.Committees.Organisation;

/// <summary>
/// Every committee's timeline, folded from its own stream: the hierarchy as it was, is or will be on any day.
/// <para>
/// Every hierarchy query asks for it (the current view is the chart of today), so it is kept in memory and refreshed
/// from the store's own bookkeeping rather than by time: one aggregate over the committee streams' versions tells
/// whether anything was appended since the last read (versions only grow, so their sum is an exact stamp), and only
/// the streams whose version moved are read again. An append acknowledged anywhere in the cluster is therefore seen
/// by the next query on every node; nothing waits for a cache to expire.
/// </para>
/// </summary>
public sealed class OrganisationHistory(IDocumentStore store, NpgsqlDataSource database)
{
    private const string CommitteeStreams = $"FROM {MartenSetup.Schema}.mt_streams WHERE id LIKE 'committee/%'";

    private readonly SemaphoreSlim _refreshing = new(1, 1);
    private volatile Known _known = Known.Nothing;

    public async Task<IReadOnlyList<CommitteeTimeline>> TimelinesAsync(CancellationToken ct = default)
    {
        var stamp = await StampAsync(ct);
        if (_known.Stamp == stamp)
            return _known.Timelines;
        await _refreshing.WaitAsync(ct);
        try
        {
            if (_known.Stamp != stamp)
                _known = await RefreshAsync(_known, ct);
            return _known.Timelines;
        }
        finally
        {
            _refreshing.Release();
        }
    }

    public async Task<OrganisationChart> ChartAsync(DateOnly day, CancellationToken ct = default) => new(await TimelinesAsync(ct), day);

    /// <summary>The chart of today, Vietnam time: the hierarchy in force now, changes scheduled ahead not yet applied.</summary>
    public Task<OrganisationChart> TodayAsync(TimeProvider time, CancellationToken ct = default) =>
        ChartAsync(VietnamTime.DayOf(time.GetUtcNow()), ct);

    private async Task<Stamp> StampAsync(CancellationToken ct)
    {
        await using var command = database.CreateCommand($"SELECT count(*), coalesce(sum(version), 0)::bigint {CommitteeStreams}");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Stamp(reader.GetInt64(0), reader.GetInt64(1));
    }

    private async Task<Known> RefreshAsync(Known known, CancellationToken ct)
    {
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var command = database.CreateCommand($"SELECT id, version {CommitteeStreams}"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                versions[reader.GetString(0)] = reader.GetInt64(1);
        }
        var changed = versions.Where(v => known.Versions.GetValueOrDefault(v.Key) != v.Value).Select(v => v.Key).ToArray();
        var timelines = known.ByStream.ToBuilder();
        if (changed.Length > 0)
        {
            await using var session = store.QuerySession();
            var events = await session.Events.QueryAllRawEvents()
                .Where(e => e.StreamKey!.IsOneOf(changed))
                .OrderBy(e => e.Sequence)
                .ToListAsync(ct);
            // Each stream is folded again from its start: a timeline depends on its own committee's events only.
            foreach (var stream in events.GroupBy(e => e.StreamKey!))
            {
                CommitteeTimeline? timeline = null;
                foreach (var e in stream.OrderBy(e => e.Version))
                    timeline = CommitteeTimeline.Evolve(timeline, e.Data, VietnamTime.DayOf(e.Timestamp));
                if (timeline is null)
                    timelines.Remove(stream.Key);
                else
                    timelines[stream.Key] = timeline;
            }
        }
        // The stamp of what was read: an append between the two reads is simply read again next time.
        return new Known(new Stamp(versions.Count, versions.Values.Sum()), versions, timelines.ToImmutable());
    }

    private readonly record struct Stamp(long Streams, long VersionSum);

    private sealed record Known(Stamp Stamp, IReadOnlyDictionary<string, long> Versions, ImmutableDictionary<string, CommitteeTimeline> ByStream)
    {
        public static readonly Known Nothing = new(new Stamp(-1, -1), new Dictionary<string, long>(), ImmutableDictionary<string, CommitteeTimeline>.Empty);

        public IReadOnlyList<CommitteeTimeline> Timelines { get; } = ByStream.Values.ToList();
    }
}

using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Marten;
using Npgsql;
using TuyenGiao.Campaigns;
using TuyenGiao.CommitteeRecords;
using TuyenGiao.Committees;
using TuyenGiao.Contests;
using TuyenGiao.EventStore;

namespace TuyenGiao.Auditing;

/// <summary>A live grain whose state is not what its events say, at the version the grain reported.</summary>
public sealed record Difference(string StreamId, long Version, string What);

public sealed record ReplayReport(long Streams, long ReadModelDocuments, long Snapshots, IReadOnlyList<Difference> Differences, double Seconds)
{
    public bool Reconciled => Differences.Count == 0;
}

/// <summary>
/// Rebuilds every read model (the contest entries' rows included) and snapshot from the events, stream by stream, and reconciles: each live grain's state is
/// compared with the state folded from its events up to the version the grain reports. Documents are overwritten in
/// place (no window in which they are missing), so it may run on a live system. While a stream's documents are rebuilt
/// its row in mt_streams is locked, which every append to it updates: an append waits those milliseconds instead of
/// landing between the fold and the write, where the rebuilt (older) document would overwrite the one the append's
/// projection wrote. A document that drifted at the same version is repaired.
/// </summary>
public sealed class Replay(IDocumentStore store, ISnapshotStore snapshots, IEventJournal journal, IGrainFactory grains, NpgsqlDataSource database, TimeProvider time)
{
    private const int ReportEvery = 100;

    // Camel case, enums by name and Vietnamese unescaped, so that a difference reads like the API.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<ReplayReport> RunAsync(IProgress<string> progress, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var streams = await StreamIdsAsync(ct);
        progress.Report($"{streams.Count:N0} streams to rebuild and reconcile");
        var differences = new List<Difference>();
        long documents = 0, snapshotCount = 0, done = 0;
        foreach (var streamId in streams)
        {
            ct.ThrowIfCancellationRequested();
            var prefix = streamId[..Math.Max(0, streamId.IndexOf('/'))];
            var key = streamId[(streamId.IndexOf('/') + 1)..];
            switch (prefix)
            {
                case "committee":
                    documents += await RebuildDocument<Committee>(streamId, ct);
                    if (await grains.GetGrain<ICommitteeGrain>(key).Get() is { } committee)
                    {
                        var past = await journal.LoadAsOfVersionAsync<Committee>(streamId, committee.Version, ct);
                        Compare(streamId, committee.Version, committee, past is null ? null : past with { Version = committee.Version }, differences);
                    }
                    break;
                case "records":
                    documents += await RebuildDocument<CommitteeRecordBook>(streamId, ct);
                    var book = await grains.GetGrain<ICommitteeRecordsGrain>(key).Get();
                    if (book.Version > 0)
                    {
                        var past = await journal.LoadAsOfVersionAsync<CommitteeRecordBook>(streamId, book.Version, ct);
                        Compare(streamId, book.Version, book, past is null ? null : past with { Version = book.Version }, differences);
                    }
                    break;
                case "campaign":
                    var (campaignDocuments, campaignSnapshots) = await RebuildCampaign(streamId, key, ct);
                    (documents, snapshotCount) = (documents + campaignDocuments, snapshotCount + campaignSnapshots);
                    if (await grains.GetGrain<ICampaignGrain>(key).GetFigures() is { } figures)
                    {
                        var past = await journal.LoadAsOfVersionAsync<Campaign>(streamId, figures.Version, ct);
                        Compare(streamId, figures.Version, figures, past is null ? null : CampaignFigureBuilder.Build(past, figures.Version), differences);
                    }
                    break;
                case "contest":
                    documents += await RebuildContestEntries(streamId, key, ct);
                    snapshotCount += await RebuildSnapshot<Contest>(streamId, ct);
                    if (await grains.GetGrain<IContestGrain>(key).GetTally() is { } tally)
                    {
                        var past = await journal.LoadAsOfVersionAsync<Contest>(streamId, tally.Version, ct);
                        // The window depends on the clock, not the events: compare at the tally's own reading of it.
                        Compare(streamId, tally.Version, tally, past is null ? null : ContestTallies.Build(past, tally.Version, time.GetUtcNow()) with { Window = tally.Window },
                            differences);
                    }
                    break;
            }
            if (++done % ReportEvery == 0 || done == streams.Count)
                progress.Report($"{done:N0} of {streams.Count:N0} streams; {documents:N0} documents and {snapshotCount:N0} snapshots rebuilt; {differences.Count} differences");
        }
        return new ReplayReport(streams.Count, documents, snapshotCount, differences, Math.Round(clock.Elapsed.TotalSeconds, 1));
    }

    private async Task<List<string>> StreamIdsAsync(CancellationToken ct)
    {
        var ids = new List<string>();
        await using var command = database.CreateCommand($"SELECT id FROM {MartenSetup.Schema}.mt_streams ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            ids.Add(reader.GetString(0));
        return ids;
    }

    /// <summary>
    /// Locks the stream's row until released: appends to the stream wait, reads do not. Only documents need it; snapshots
    /// are stored version-checked, so a million-event contest is folded without holding up its entries.
    /// </summary>
    private async Task<HeldStream> HoldStreamAsync(string streamId, CancellationToken ct)
    {
        var connection = await database.OpenConnectionAsync(ct);
        var transaction = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand($"SELECT 1 FROM {MartenSetup.Schema}.mt_streams WHERE id = $1 FOR UPDATE", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        await command.ExecuteNonQueryAsync(ct);
        return new HeldStream(connection, transaction);
    }

    /// <summary>A contest's rows in the entries read model, deleted and written again from its events while its row is held.</summary>
    private async Task<int> RebuildContestEntries(string streamId, string contestId, CancellationToken ct)
    {
        await using var held = await HoldStreamAsync(streamId, ct);
        var rows = await ContestEntriesRebuild.StreamAsync(streamId, contestId, held.Connection, held.Transaction, ct);
        await held.ReleaseAsync(ct);
        return rows;
    }

    private sealed class HeldStream(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public NpgsqlConnection Connection => connection;

        public NpgsqlTransaction Transaction => transaction;

        public Task ReleaseAsync(CancellationToken ct) => transaction.CommitAsync(ct);

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }

    /// <summary>An inline snapshot document folded afresh from all the stream's events, stored over the existing one.</summary>
    private async Task<int> RebuildDocument<TState>(string streamId, CancellationToken ct) where TState : class
    {
        await using var held = await HoldStreamAsync(streamId, ct);
        await using var session = store.LightweightSession();
        if (await session.Events.AggregateStreamAsync<TState>(streamId, token: ct) is not { } state)
            return 0;
        session.Store(state);
        await session.SaveChangesAsync(ct);
        await held.ReleaseAsync(ct);
        return 1;
    }

    /// <summary>A campaign's report documents, and its snapshot, from its events.</summary>
    private async Task<(int Documents, int Snapshots)> RebuildCampaign(string streamId, string campaignId, CancellationToken ct)
    {
        await using var held = await HoldStreamAsync(streamId, ct);
        await using var session = store.LightweightSession();
        var version = (await session.Events.FetchStreamStateAsync(streamId, ct))?.Version ?? 0;
        if (version == 0 || await session.Events.AggregateStreamAsync<Campaign>(streamId, version: version, token: ct) is not { } campaign)
            return (0, 0);
        foreach (var r in campaign.Reports.Values)
        {
            session.Store(new ActivityReportDocument(ActivityReportDocument.IdFor(campaignId, r.ReportId), campaignId, r.ReportId, r.CommitteeCode,
                [.. r.CommitteePath], r.PeriodStart, r.PeriodEnd, r.Figures, r.Corrections));
        }
        await session.SaveChangesAsync(ct);
        await held.ReleaseAsync(ct);
        await snapshots.SaveAsync(streamId, version, campaign, ct);
        return (campaign.Reports.Count, 1);
    }

    private async Task<int> RebuildSnapshot<TState>(string streamId, CancellationToken ct) where TState : class
    {
        // Through the journal: a contest is folded from its rows by its own replay, at the speed of the disk.
        var (state, version) = await journal.LoadAsync<TState>(streamId, ct);
        if (version == 0 || state is null)
            return 0;
        await snapshots.SaveAsync(streamId, version, state, ct);
        return 1;
    }

    private static void Compare<T>(string streamId, long version, T live, T? folded, List<Difference> differences)
    {
        var liveJson = JsonSerializer.Serialize(live, Json);
        var foldedJson = folded is null ? "null" : JsonSerializer.Serialize(folded, Json);
        if (liveJson != foldedJson)
            differences.Add(new Difference(streamId, version, $"the live grain holds {Shorten(liveJson)}; the events say {Shorten(foldedJson)}"));
    }

    private static string Shorten(string json) => json.Length <= 2_000 ? json : json[..2_000] + "…";
}

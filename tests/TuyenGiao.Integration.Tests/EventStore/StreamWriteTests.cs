using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TuyenGiao.Committees;
using TuyenGiao.EventStore;
using TuyenGiao.Integration.Tests.Infrastructure;

namespace TuyenGiao.Integration.Tests.EventStore;

/// <summary>
/// The write protocol of one stream against the real Marten store: conflicts, refusals, lost acknowledgements, a store
/// out of reach. Nothing may be lost, nothing written twice, and no failure is retried without a pause or a bound.
/// </summary>
[Collection(NodeCollection.Name)]
public class StreamWriteTests(NodeFixture fixture)
{
    private readonly IEventJournal _journal = fixture.Node.Services.GetRequiredService<IEventJournal>();

    private static readonly EventStoreOptions Quick = new()
    {
        MaxWriteAttempts = 5, FirstRetryDelay = TimeSpan.FromMilliseconds(20), MaxRetryDelay = TimeSpan.FromMilliseconds(80),
    };

    private static string NewCode() => $"W-{Guid.NewGuid():N}"[..16].ToUpperInvariant();

    private static StreamAppender Writer(IEventJournal journal) => new(journal, Quick, TimeProvider.System, NullLogger.Instance);

    private static Recorded[] Batch(string code, params int[] memberCounts) =>
        memberCounts.Select(n => new Recorded(Guid.CreateVersion7(), new CommitteeMemberCountChanged(code, n), "test", "corr", DateTimeOffset.UtcNow)).ToArray();

    private static Recorded[] Named(string code, string name) =>
        [new Recorded(Guid.CreateVersion7(), new CommitteeRenamed(code, name), "test", "corr", DateTimeOffset.UtcNow)];

    private Task<long> StoredCount(string code) =>
        fixture.Database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s", ("s", Committee.StreamIdFor(code)));

    private async Task<List<Guid>> StoredIdsInOrder(string code)
    {
        var ids = new List<Guid>();
        await using var connection = new Npgsql.NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT id, version FROM tuyengiao.mt_events WHERE stream_id = @s ORDER BY version", connection);
        command.Parameters.AddWithValue("s", Committee.StreamIdFor(code));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Assert.Equal(ids.Count + 1, reader.GetInt64(1)); // versions are dense, one event each
            ids.Add(reader.GetGuid(0));
        }
        return ids;
    }

    [Fact]
    public async Task Given_a_stale_expected_version_When_appending_Then_it_is_a_conflict_and_nothing_is_written()
    {
        var code = NewCode();
        var stream = Committee.StreamIdFor(code);
        Assert.Equal(AppendResult.Stored, (await Writer(_journal).AppendAsync(stream, 0, Batch(code, 1, 2), default)).Result);

        var outcome = await Writer(_journal).AppendAsync(stream, 1, Batch(code, 3), default);

        Assert.Equal((AppendResult.Conflict, 1), (outcome.Result, outcome.Attempts));
        Assert.Equal(2, await StoredCount(code));
    }

    [Fact]
    public async Task Given_an_event_id_already_stored_When_appending_it_again_Then_it_is_a_conflict_and_nothing_is_doubled()
    {
        var code = NewCode();
        var stream = Committee.StreamIdFor(code);
        var batch = Batch(code, 5);
        await _journal.AppendAsync(stream, 0, batch);

        var outcome = await Writer(_journal).AppendAsync(stream, 1, batch, default);

        Assert.Equal(AppendResult.Conflict, outcome.Result);
        Assert.Equal(1, await StoredCount(code));
    }

    [Fact]
    public async Task Given_text_with_U0000_When_appending_Then_the_store_refuses_it_once_and_it_is_not_retried()
    {
        var code = NewCode();
        var stream = Committee.StreamIdFor(code);
        var journal = new FaultInjectingJournal(_journal);
        var clock = Stopwatch.StartNew();

        var outcome = await Writer(journal).AppendAsync(stream, 0, Named(code, "a\u0000b"), default);

        Assert.Equal((AppendResult.Refused, 1, 1), (outcome.Result, outcome.Attempts, journal.AppendsTo(stream)));
        Assert.Equal(AppendFailure.Definite, StoreFailures.Classify(outcome.Error!));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"a refusal took {clock.Elapsed}");
        Assert.Equal(0, await StoredCount(code));
    }

    [Fact]
    public async Task Given_a_committed_write_whose_acknowledgement_is_lost_When_settled_Then_it_is_stored_once_and_not_sent_again()
    {
        var code = NewCode();
        var stream = Committee.StreamIdFor(code);
        var journal = new FaultInjectingJournal(_journal);
        journal.LoseAcknowledgements(stream);
        var batch = Batch(code, 10, 20, 30);

        var outcome = await Writer(journal).AppendAsync(stream, 0, batch, default);

        Assert.Equal((AppendResult.Stored, 1), (outcome.Result, journal.AppendsTo(stream)));
        Assert.Equal(batch.Select(e => e.EventId), await StoredIdsInOrder(code));
    }

    [Fact]
    public async Task Given_a_connection_lost_before_the_commit_and_a_failed_lookup_When_settled_Then_it_is_sent_again_once_and_stored_once()
    {
        var code = NewCode();
        var stream = Committee.StreamIdFor(code);
        var journal = new FaultInjectingJournal(_journal);
        journal.DropBeforeCommit(stream);
        journal.FailLookups(stream, 1);
        var batch = Batch(code, 7, 8);

        var outcome = await Writer(journal).AppendAsync(stream, 0, batch, default);

        Assert.Equal((AppendResult.Stored, 2, 2), (outcome.Result, outcome.Attempts, journal.AppendsTo(stream)));
        Assert.Equal(batch.Select(e => e.EventId), await StoredIdsInOrder(code));
    }

    [Fact]
    public async Task Given_a_store_that_never_answers_When_appending_Then_the_writer_gives_up_within_its_bound_after_pausing_and_writes_nothing()
    {
        var code = NewCode();
        var stream = Committee.StreamIdFor(code);
        var journal = new FaultInjectingJournal(_journal);
        journal.DropBeforeCommit(stream, int.MaxValue);
        journal.FailLookups(stream, int.MaxValue);
        var clock = Stopwatch.StartNew();

        var outcome = await Writer(journal).AppendAsync(stream, 0, Batch(code, 1), default);

        Assert.Equal(AppendResult.Unavailable, outcome.Result);
        Assert.True(outcome.Error is IOException or TimeoutException, outcome.Error?.ToString());
        // One append, then a lookup per step until the bound of five: four pauses of at least 15, 30, 60 and 60 ms.
        Assert.Equal(1, journal.AppendsTo(stream));
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(5));
        Assert.Equal(0, await StoredCount(code));
    }

    [Fact]
    public async Task Given_a_write_in_doubt_When_its_grain_deactivates_Then_the_appender_stops_pausing_at_once_and_reports_unavailable()
    {
        var code = NewCode();
        var stream = Committee.StreamIdFor(code);
        var journal = new FaultInjectingJournal(_journal);
        journal.DropBeforeCommit(stream, int.MaxValue);
        // A first pause of 10 s against a deactivation at 200 ms: far apart, so a busy machine cannot blur them.
        var patient = new EventStoreOptions { MaxWriteAttempts = 50, FirstRetryDelay = TimeSpan.FromSeconds(10), MaxRetryDelay = TimeSpan.FromSeconds(30) };
        using var deactivating = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        var outcome = await new StreamAppender(journal, patient, TimeProvider.System, NullLogger.Instance).AppendAsync(stream, 0, Batch(code, 1), deactivating.Token);

        Assert.Equal((AppendResult.Unavailable, 1), (outcome.Result, journal.AppendsTo(stream)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(0, await StoredCount(code));
    }

    [Fact]
    public async Task Given_two_writers_on_one_stream_When_each_decides_again_after_a_conflict_Then_every_event_is_stored_exactly_once()
    {
        var code = NewCode();
        var stream = Committee.StreamIdFor(code);
        var written = new List<Guid>[2] { [], [] };

        async Task Run(int writerIndex)
        {
            var writer = Writer(_journal);
            var version = (await _journal.LoadAsync<Committee>(stream)).Version;
            for (var i = 0; i < 40; i++)
            {
                var batch = Batch(code, writerIndex * 1000 + i * 2, writerIndex * 1000 + i * 2 + 1);
                AppendOutcome outcome;
                while ((outcome = await writer.AppendAsync(stream, version, batch, default)).Result == AppendResult.Conflict)
                    version = (await _journal.LoadAsync<Committee>(stream)).Version;
                Assert.True(outcome.Result == AppendResult.Stored, outcome.Error?.ToString());
                version += batch.Length;
                written[writerIndex].AddRange(batch.Select(e => e.EventId));
            }
        }

        await Task.WhenAll(Task.Run(() => Run(0)), Task.Run(() => Run(1)));

        var stored = await StoredIdsInOrder(code);
        Assert.Equal(160, stored.Count);
        Assert.Equal(written[0].Concat(written[1]).Order(), stored.Order());
        Assert.Equal(written[0], stored.Where(written[0].Contains));
        Assert.Equal(written[1], stored.Where(written[1].Contains));
    }
}

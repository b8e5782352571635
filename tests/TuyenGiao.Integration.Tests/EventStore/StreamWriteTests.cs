using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TuyenGiao.Committees;
using TuyenGiao.EventStore;
using TuyenGiao.Integration.Tests.Infrastructure;

namespace TuyenGiao.Integration.Tests.EventStore;

/// <summary>
/// The write protocol of a journaled stream against the real Marten store: conflicts, lost acknowledgements,
/// and two writers on one stream. Nothing may be lost and nothing written twice.
/// </summary>
[Collection(NodeCollection.Name)]
public class StreamWriteTests(NodeFixture fixture)
{
    private readonly IEventJournal _journal = fixture.Node.Services.GetRequiredService<IEventJournal>();

    private static string NewCode() => $"W-{Guid.NewGuid():N}"[..16].ToUpperInvariant();

    private JournaledStream<Committee> Writer(string code, IEventJournal? journal = null) =>
        new(journal ?? _journal, Committee.StreamIdFor(code), () => Committee.Unregistered(code), NullLogger.Instance, TimeProvider.System);

    private static Recorded[] Batch(string code, params int[] memberCounts) =>
        memberCounts.Select(n => new Recorded(Guid.CreateVersion7(), new CommitteeMemberCountChanged(code, n), "test", "corr", DateTimeOffset.UtcNow)).ToArray();

    private Task<long> StoredCount(string code) =>
        fixture.Database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s", ("s", Committee.StreamIdFor(code)));

    private async Task<List<Guid>> StoredIdsInOrder(string code)
    {
        var ids = new List<Guid>();
        var count = await StoredCount(code);
        for (var version = 1; version <= count; version++)
        {
            var matches = await fixture.Database.ScalarAsync(
                "SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s AND version = @v", ("s", Committee.StreamIdFor(code)), ("v", (long)version));
            Assert.Equal(1, matches); // versions are contiguous, one event each
        }
        await using var connection = new Npgsql.NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT id FROM tuyengiao.mt_events WHERE stream_id = @s ORDER BY version", connection);
        command.Parameters.AddWithValue("s", Committee.StreamIdFor(code));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            ids.Add(reader.GetGuid(0));
        return ids;
    }

    [Fact]
    public async Task Given_a_stale_expected_version_When_appending_Then_the_writer_is_told_to_reread_and_nothing_is_written()
    {
        var code = NewCode();
        var writer = Writer(code);
        Assert.True(await writer.WriteAsync(Batch(code, 1, 2), expectedVersion: 0));

        Assert.False(await writer.WriteAsync(Batch(code, 3), expectedVersion: 1));

        Assert.Equal(2, await StoredCount(code));
        var (version, state) = await writer.ReadAsync();
        Assert.Equal((2, 2), (version, state.MemberCount));
    }

    [Fact]
    public async Task Given_two_writers_on_one_stream_When_they_append_concurrently_Then_every_event_is_stored_exactly_once()
    {
        var code = NewCode();
        var written = new List<Guid>[2] { [], [] };
        var conflicts = 0;

        async Task Run(int writerIndex)
        {
            var writer = Writer(code);
            var (version, _) = await writer.ReadAsync();
            for (var i = 0; i < 40; i++)
            {
                var batch = Batch(code, writerIndex * 1000 + i * 2, writerIndex * 1000 + i * 2 + 1);
                while (!await writer.WriteAsync(batch, version))
                {
                    Interlocked.Increment(ref conflicts);
                    (version, _) = await writer.ReadAsync();
                }
                version += batch.Length;
                written[writerIndex].AddRange(batch.Select(e => e.EventId));
            }
        }

        await Task.WhenAll(Task.Run(() => Run(0)), Task.Run(() => Run(1)));

        var stored = await StoredIdsInOrder(code);
        Assert.Equal(160, stored.Count);
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Equal(written[0].Concat(written[1]).Order(), stored.Order());
        // Each writer's own events keep their order.
        Assert.Equal(written[0], stored.Where(written[0].Contains));
        Assert.Equal(written[1], stored.Where(written[1].Contains));
    }

    [Fact]
    public async Task Given_a_committed_write_whose_acknowledgement_is_lost_When_the_writer_resolves_it_Then_it_is_confirmed_and_stored_once()
    {
        var code = NewCode();
        var lossy = new AckLosingJournal(_journal);
        var writer = Writer(code, lossy);
        lossy.LoseNextAcknowledgement();

        Assert.True(await writer.WriteAsync(Batch(code, 10, 20, 30), expectedVersion: 0));

        Assert.Equal(3, await StoredCount(code));
        Assert.True(await writer.WriteAsync(Batch(code, 40), expectedVersion: 3));
        Assert.Equal(4, await StoredCount(code));
    }

    [Fact]
    public async Task Given_a_landed_batch_already_in_the_writers_view_When_it_is_retried_Then_the_read_stops_before_it_and_nothing_is_doubled()
    {
        var code = NewCode();
        var writer = Writer(code);
        var batch = Batch(code, 5, 6);
        await _journal.AppendAsync(Committee.StreamIdFor(code), 0, batch);

        // The adaptor re-read after an unknown outcome, saw the batch, and retries it on top.
        Assert.False(await writer.WriteAsync(batch, expectedVersion: 2));
        var (version, state) = await writer.ReadAsync();
        Assert.Equal((0, 0), (version, state.MemberCount));
        Assert.True(await writer.WriteAsync(batch, version));

        Assert.Equal(2, await StoredCount(code));
    }

    [Fact]
    public async Task Given_an_earlier_smaller_batch_landed_unacknowledged_When_a_larger_batch_is_retried_Then_only_the_rest_is_appended()
    {
        var code = NewCode();
        var writer = Writer(code);
        var first = Batch(code, 1, 2);
        var more = Batch(code, 3, 4);
        await _journal.AppendAsync(Committee.StreamIdFor(code), 0, first);

        Assert.True(await writer.WriteAsync([.. first, .. more], expectedVersion: 0));

        Assert.Equal(first.Concat(more).Select(e => e.EventId), await StoredIdsInOrder(code));
    }
}

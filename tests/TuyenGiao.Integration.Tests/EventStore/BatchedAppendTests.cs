using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TuyenGiao.Committees;
using TuyenGiao.EventStore;
using TuyenGiao.Integration.Tests.Infrastructure;

namespace TuyenGiao.Integration.Tests.EventStore;

/// <summary>The silo's append batcher against the real store: appends of many streams share a transaction, each keeps its own answer.</summary>
[Collection(NodeCollection.Name)]
public class BatchedAppendTests(NodeFixture fixture)
{
    private AppendBatcher Batcher => fixture.Node.Services.GetRequiredService<AppendBatcher>();

    private static string NewCode() => $"BA-{Guid.NewGuid():N}"[..16].ToUpperInvariant();

    private static Recorded[] Named(string code, params string[] names) =>
        names.Select(name => new Recorded(Guid.CreateVersion7(), new CommitteeRenamed(code, name), "test", "corr", DateTimeOffset.UtcNow)).ToArray();

    private Task<long> Stored(string code) =>
        fixture.Database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s", ("s", Committee.StreamIdFor(code)));

    [Fact]
    public async Task Given_three_streams_in_one_transaction_one_with_a_stale_version_When_committed_Then_the_others_are_stored_and_only_it_conflicts()
    {
        string a = NewCode(), b = NewCode(), stale = NewCode();
        await Batcher.AppendAsync(Committee.StreamIdFor(stale), 0, Named(stale, "Một"), CancellationToken.None);
        var batch = new[]
        {
            new PendingAppend(Committee.StreamIdFor(a), 0, Named(a, "Hai", "Ba")),
            new PendingAppend(Committee.StreamIdFor(stale), 0, Named(stale, "Bốn")),
            new PendingAppend(Committee.StreamIdFor(b), 0, Named(b, "Năm")),
        };

        await Batcher.CommitAsync(batch);

        await batch[0].Done.Task;
        await batch[2].Done.Task;
        var conflict = await Assert.ThrowsAsync<StreamConflictException>(() => batch[1].Done.Task);
        Assert.Contains(stale, conflict.Message);
        Assert.Equal((2L, 1L, 1L), (await Stored(a), await Stored(stale), await Stored(b)));
    }

    [Fact]
    public async Task Given_appends_of_many_streams_arriving_together_When_the_batcher_commits_them_Then_they_share_transactions_and_each_is_stored_once()
    {
        var codes = Enumerable.Range(0, 40).Select(_ => NewCode()).ToList();
        var before = Batcher.Counts;

        await Task.WhenAll(codes.Select(code => Batcher.AppendAsync(Committee.StreamIdFor(code), 0, Named(code, "Tên"), CancellationToken.None)));

        var after = Batcher.Counts;
        Assert.Equal(40, after.Appends - before.Appends);
        Assert.True(after.Transactions - before.Transactions < 40, $"{after.Transactions - before.Transactions} transactions for 40 appends");
        foreach (var code in codes)
            Assert.Equal(1, await Stored(code));
    }

    [Fact]
    public async Task Given_limits_of_zero_When_a_batcher_is_configured_with_them_Then_it_still_commits_with_one_committer_and_one_stream_a_transaction()
    {
        var batcher = new AppendBatcher(fixture.Node.Services.GetRequiredService<IDocumentStore>(), fixture.Node.Services.GetRequiredService<EventChain>(),
            Options.Create(new EventStoreOptions { Committers = 0, MaxStreamsPerTransaction = 0 }), NullLogger<AppendBatcher>.Instance);
        string first = NewCode(), second = NewCode();

        // Bounded waits: a batcher that spun on its queue would otherwise hang the test instead of failing it.
        await Task.WhenAll(
            batcher.AppendAsync(Committee.StreamIdFor(first), 0, Named(first, "Một"), CancellationToken.None),
            batcher.AppendAsync(Committee.StreamIdFor(second), 0, Named(second, "Hai"), CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(30));
        await batcher.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((2L, 2L), batcher.Counts);
        Assert.Equal((1L, 1L), (await Stored(first), await Stored(second)));
    }

    [Fact]
    public async Task Given_two_appends_to_one_stream_waiting_together_When_one_committer_takes_them_Then_they_go_in_two_transactions_in_order()
    {
        var batcher = new AppendBatcher(fixture.Node.Services.GetRequiredService<IDocumentStore>(), fixture.Node.Services.GetRequiredService<EventChain>(),
            Options.Create(new EventStoreOptions { Committers = 1 }), NullLogger<AppendBatcher>.Instance);
        var code = NewCode();
        var stream = Committee.StreamIdFor(code);

        // In one transaction the second would meet its own stream's version before the first's events: both would fail.
        await Task.WhenAll(
            batcher.AppendAsync(stream, 0, Named(code, "Một"), CancellationToken.None),
            batcher.AppendAsync(stream, 1, Named(code, "Hai"), CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(30));
        await batcher.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((2L, 2L), batcher.Counts);
        Assert.Equal(2, await Stored(code));
    }
}

using Microsoft.Extensions.DependencyInjection;
using TuyenGiao.CommitteeRecords;
using TuyenGiao.Committees;
using TuyenGiao.Common;
using TuyenGiao.EventStore;
using TuyenGiao.Integration.Tests.Infrastructure;

namespace TuyenGiao.Integration.Tests.EventStore;

/// <summary>A real event-sourced grain on the real store: a second writer, group commit, reactivation.</summary>
[Collection(NodeCollection.Name)]
public class EventSourcedGrainTests(NodeFixture fixture)
{
    private readonly IEventJournal _journal = fixture.Node.Services.GetRequiredService<IEventJournal>();
    private static readonly CommandContext Context = new("tester", "corr-grain");

    private static string NewCode() => $"G-{Guid.NewGuid():N}"[..16].ToUpperInvariant();

    private async Task<ICommitteeGrain> Registered(string code, int members = 0)
    {
        var grain = fixture.Node.Grains.GetGrain<ICommitteeGrain>(code);
        var result = await grain.Register(new RegisterCommittee("Tỉnh thử nghiệm", CommitteeLevel.Province, null, members), Context);
        Assert.True(result.Succeeded, result.Rejection?.Reason);
        return grain;
    }

    [Fact]
    public async Task Given_an_active_grain_When_another_writer_appends_to_its_stream_Then_its_next_command_is_decided_again_on_top_and_nothing_is_lost()
    {
        var code = NewCode();
        var grain = await Registered(code);
        // A second activation (another silo after a failover) writes behind this activation's back.
        await _journal.AppendAsync(Committee.StreamIdFor(code), 1,
            [new Recorded(Guid.CreateVersion7(), new CommitteeMemberCountChanged(code, 777), "other-silo", "corr-other", DateTimeOffset.UtcNow)]);

        var result = await grain.Rename(new RenameCommittee("Tỉnh đã đổi tên"), Context);

        Assert.True(result.Succeeded);
        var committee = await grain.Get();
        Assert.Equal(("Tỉnh đã đổi tên", 777, 3L), (committee!.Name, committee.MemberCount, committee.Version));
        Assert.Equal(3, await fixture.Database.ScalarAsync(
            "SELECT count(DISTINCT version) FROM tuyengiao.mt_events WHERE stream_id = @s", ("s", Committee.StreamIdFor(code))));
    }

    [Fact]
    public async Task Given_commands_queued_while_an_append_is_in_flight_When_it_ends_Then_they_share_the_next_transactions_at_most_256_events_each()
    {
        var code = NewCode();
        await Registered(code);
        // A committee's records: their commands queue without a lookup first, so a command taken in is a command queued.
        var records = fixture.Node.Grains.GetGrain<ICommitteeRecordsGrain>(code);
        var started = new DateOnly(2020, 1, 1);
        Assert.True((await records.RegisterProgramme(new RegisterModelProgramme("MH-1", "Dân vận khéo", "DanVanKheo", "Kinh tế", started), Context)).Succeeded);
        var streamId = CommitteeRecordBook.StreamIdFor(code);
        const int commands = 600;
        // The stream's row held, the grain's first append waits on it while every other command queues behind it: how
        // many commands arrive per append no longer depends on how fast an append is.
        await using var hold = new Npgsql.NpgsqlConnection(fixture.Database.ConnectionString);
        await hold.OpenAsync();
        await using var holding = await hold.BeginTransactionAsync();
        await using (var lockRow = new Npgsql.NpgsqlCommand("SELECT 1 FROM tuyengiao.mt_streams WHERE id = @s FOR UPDATE", hold, holding))
        {
            lockRow.Parameters.AddWithValue("s", streamId);
            await lockRow.ExecuteNonQueryAsync();
        }

        fixture.Calls.Watch(records);
        var sent = Enumerable.Range(1, commands)
            .Select(n => records.MaintainProgramme(new MaintainModelProgramme("MH-1", started.AddDays(n), $"Duy trì tốt lần {n}"), Context))
            .ToList();
        // Every command queued before the row is let go: a fixed pause was not enough on a busy machine.
        await fixture.Calls.UntilAsync(records, commands, TimeSpan.FromMinutes(1));
        await holding.RollbackAsync();
        var results = await Task.WhenAll(sent);

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(commands + 1, await fixture.Database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s", ("s", streamId)));
        // xmin is the PostgreSQL transaction that inserted the row: one per append.
        var transactions = await fixture.Database.ScalarAsync(
            "SELECT count(DISTINCT xmin::text) FROM tuyengiao.mt_events WHERE stream_id = @s AND version > 1", ("s", streamId));
        var largest = await fixture.Database.ScalarAsync(
            "SELECT max(n) FROM (SELECT count(*) AS n FROM tuyengiao.mt_events WHERE stream_id = @s AND version > 1 GROUP BY xmin::text) batches", ("s", streamId));
        // The first append (the commands that had arrived when it started), then the rest queued behind it in batches of
        // at most 256: three or four transactions, never one a command.
        Assert.InRange(transactions, (commands + 255) / 256, 1 + (commands + 255) / 256);
        Assert.Equal(256, largest);
    }

    [Fact]
    public async Task Given_a_deactivated_grain_When_called_again_Then_it_is_restored_from_the_store()
    {
        var code = NewCode();
        var grain = await Registered(code, members: 42);
        await grain.Rename(new RenameCommittee("Tên trước khi ngủ"), Context);

        await fixture.Node.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        // Written while no activation holds the stream: only a fresh read from Marten can show it.
        await _journal.AppendAsync(Committee.StreamIdFor(code), 2,
            [new Recorded(Guid.CreateVersion7(), new CommitteeMemberCountChanged(code, 43), "auditor", "corr", DateTimeOffset.UtcNow)]);
        var committee = await grain.Get();

        Assert.Equal(("Tên trước khi ngủ", 43, 3L), (committee!.Name, committee.MemberCount, committee.Version));
    }
}

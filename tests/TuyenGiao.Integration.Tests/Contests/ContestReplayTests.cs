using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TuyenGiao.Contests;
using TuyenGiao.EventStore;
using TuyenGiao.Integration.Tests.Infrastructure;

namespace TuyenGiao.Integration.Tests.Contests;

/// <summary>The contest replay that reads rows with Npgsql instead of Marten: the same state, and Marten for what it declines.</summary>
[Collection(NodeCollection.Name)]
public class ContestReplayTests(NodeFixture fixture)
{
    private static readonly DateTimeOffset Opens = new(2023, 6, 1, 0, 0, 0, TimeSpan.FromHours(7));

    private static ContestAnnounced Announced(string id) => new(id, "TV-KHOI", ContestKind.Writing, new ContestDetails(
        "Khát vọng Trà Vinh", "", Opens, Opens.AddDays(30), 100, [], 2, [new PrizeTier("Giải nhất", 1)], []));

    private static EntrySubmitted Entry(string id, int n, string committee = "TV-KHOI-SGD") =>
        new(id, n, $"s-{n}", $"Tác giả {n % 3}", committee, [committee, "TV-KHOI", "TV"], $"Bài {n}", 1_500, null, null, n, Opens.AddHours(n));

    [Fact]
    public async Task Given_a_stream_in_todays_layout_When_replayed_from_its_rows_Then_the_state_equals_Martens_fold_from_start_and_from_a_version()
    {
        var id = $"RP-{Guid.NewGuid():N}"[..14].ToUpperInvariant();
        var stream = Contest.StreamIdFor(id);
        var events = new List<object> { Announced(id) };
        events.AddRange(Enumerable.Range(1, 300).Select(n => Entry(id, n, n % 4 == 0 ? "TV-KHOI" : "TV-KHOI-SGD")));
        events.Add(new EntryWithdrawn(id, 7, "s-7", EntryFacts.Of(Entry(id, 7))));
        events.Add(new EntryDisqualified(id, 8, "Sao chép", EntryFacts.Of(Entry(id, 8, "TV-KHOI"))));
        events.Add(new JudgeAssigned(id, "j1", "Giám khảo", "TV"));
        events.Add(new EntryScored(id, 9, "j1", 1, 90, EntryFacts.Of(Entry(id, 9))));
        await AppendAsync(stream, events);
        var replay = new ContestReplay(fixture.Node.Services.GetRequiredService<NpgsqlDataSource>());

        var fromRows = (Contest?)await replay.FoldAsync(stream, null, 0, events.Count);
        var fromVersion = (Contest?)await replay.FoldAsync(stream, ContestEvolution.EvolveAll(Contest.None(id), events.Take(150)), 150, events.Count);
        var expected = ContestEvolution.EvolveAll(Contest.None(id), events);

        Assert.Equal(Tally(expected), Tally(fromRows!));
        Assert.Equal(Tally(expected), Tally(fromVersion!));
        Assert.Equal(expected.Submissions, fromRows!.Submissions);
        Assert.Equal(expected.ActiveEntriesByAuthor, fromVersion!.ActiveEntriesByAuthor);
        Assert.Equal((298, 1, 1), (fromRows.Accepted, fromRows.Withdrawn, fromRows.Disqualified));
    }

    [Fact]
    public async Task Given_a_stream_with_events_of_the_earlier_layout_When_loaded_Then_the_row_replay_declines_and_the_journal_folds_it_through_Marten()
    {
        var id = $"RL-{Guid.NewGuid():N}"[..14].ToUpperInvariant();
        var stream = Contest.StreamIdFor(id);
        // Stored before shape 4: the withdrawal names its entry by number only.
        await AppendAsync(stream, [Announced(id), Entry(id, 1), Entry(id, 2), new EntryWithdrawn(id, 1, "s-1")]);
        var replay = new ContestReplay(fixture.Node.Services.GetRequiredService<NpgsqlDataSource>());

        Assert.Null(await replay.FoldAsync(stream, null, 0, 4));
        var (state, version) = await fixture.Node.Services.GetRequiredService<IEventJournal>().LoadAsync<Contest>(stream);
        var tally = await fixture.Node.Grains.GetGrain<IContestGrain>(id).GetTally();

        Assert.Equal((4L, 1, 1), (version, state!.Accepted, state.Withdrawn));
        Assert.Equal((1, 1), (tally!.Accepted, tally.Withdrawn));
    }

    [Fact]
    public async Task Given_events_larger_than_the_read_buffer_and_Vietnamese_text_When_replayed_from_its_rows_Then_every_text_comes_back_exactly()
    {
        var id = $"RB-{Guid.NewGuid():N}"[..14].ToUpperInvariant();
        var stream = Contest.StreamIdFor(id);
        // The rows' JSON is read as UTF-8 into one reused buffer of 8 KiB that grows: a description of 30,000 characters
        // (three bytes each in UTF-8) makes it grow, and the entries after it are read from the grown buffer.
        var description = string.Concat(Enumerable.Repeat("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. ", 480));
        var announced = Announced(id) with { Details = Announced(id).Details with { Description = description } };
        var entries = Enumerable.Range(1, 40).Select(n => Entry(id, n) with { AuthorName = $"Nguyễn Thị Ngọc Hằng {n}" }).ToList();
        await AppendAsync(stream, [announced, .. entries]);
        var replay = new ContestReplay(fixture.Node.Services.GetRequiredService<NpgsqlDataSource>());

        var fromRows = (Contest?)await replay.FoldAsync(stream, null, 0, entries.Count + 1);

        Assert.Equal(description, fromRows!.Details!.Description);
        Assert.Equal(ContestEvolution.EvolveAll(Contest.None(id), [announced, .. entries]).ActiveEntriesByAuthor, fromRows.ActiveEntriesByAuthor);
        Assert.Equal(40, fromRows.Accepted);
    }

    private static string Tally(Contest contest) => System.Text.Json.JsonSerializer.Serialize(ContestTallies.Build(contest, 1, Opens.AddDays(1)));

    private async Task AppendAsync(string stream, IReadOnlyList<object> events)
    {
        await using var session = fixture.Node.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Events.StartStream(stream, events.ToArray());
        await session.SaveChangesAsync();
    }
}

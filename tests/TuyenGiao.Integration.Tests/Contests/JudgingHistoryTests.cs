using Marten;
using Microsoft.Extensions.DependencyInjection;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;

namespace TuyenGiao.Integration.Tests.Contests;

/// <summary>The judging history the explanation is computed from, read from PostgreSQL: what it reads and what it leaves.</summary>
[Collection(NodeCollection.Name)]
public class JudgingHistoryTests(NodeFixture fixture)
{
    private static readonly DateTimeOffset Opens = new(2023, 6, 1, 0, 0, 0, TimeSpan.FromHours(7));

    private static EntrySubmitted Entry(string id, int n, string committee) =>
        new(id, n, $"s-{n}", $"Tác giả {n}", committee, [committee, "TV-KHOI", "TV"], $"Bài {n}", 1_500, null, null, n, Opens.AddHours(n));

    [Fact]
    public async Task Given_entries_and_judging_with_a_score_of_the_earlier_layout_When_the_history_is_read_to_a_version_Then_only_that_entrys_submission_is_read_and_its_facts_complete_the_score()
    {
        var id = $"JH-{Guid.NewGuid():N}"[..14].ToUpperInvariant();
        var entries = Enumerable.Range(1, 50).Select(n => Entry(id, n, n % 2 == 0 ? "TV-KHOI-SGD" : "TV-KHOI-YTE")).ToList();
        object[] events =
        [
            new ContestAnnounced(id, "TV-KHOI", ContestKind.Writing, new ContestDetails("Khát vọng Trà Vinh", "", Opens, Opens.AddDays(30), 100, [], 2,
                [new PrizeTier("Giải nhất", 1)], [], new JudgingRules(ScoreNormalisationMethod.Rank, false, []))),
            .. entries,
            new JudgeAssigned(id, "j1", "Giám khảo Một", "TV"),
            new EntryScored(id, 7, "j1", 1, 90), // stored before scores restated the entry's facts
            new EntryScored(id, 8, "j1", 1, 80, EntryFacts.Of(entries[7])),
            new ConflictDeclared(id, "j1", 9, "Đồng nghiệp", true, EntryFacts.Of(entries[8])),
            new EntryScored(id, 10, "j1", 1, 70, EntryFacts.Of(entries[9])),
        ];
        await using (var session = fixture.Node.Services.GetRequiredService<IDocumentStore>().LightweightSession())
        {
            session.Events.StartStream(Contest.StreamIdFor(id), events);
            await session.SaveChangesAsync();
        }
        var history = fixture.Node.Services.GetRequiredService<JudgingHistory>();

        // Versions: the announcement 1, entry n at n + 1, the judge 52, the scores 53 and 54, the conflict 55, the last score 56.
        var read = await history.ReadAsync(id, 55);

        Assert.Equal([1L, 8, 52, 53, 54, 55], read.Select(e => e.Version));
        Assert.IsType<EntrySubmitted>(read[1].Data);
        Assert.Equivalent(EntryFacts.Of(entries[6]), Assert.IsType<EntryScored>(read[3].Data).Entry, strict: true);
        Assert.All(read, e => Assert.True(e.RecordedAt > DateTimeOffset.UtcNow.AddMinutes(-5) && e.RecordedAt.Offset == TimeSpan.Zero));
        // j1 scored two entries in the round: too few to rank-normalise, so used as given.
        var why = RankingExplanation.Explain(id, 7, 55, read);
        Assert.Equal((1, 90m, ScoreNormalisationMethod.Rank, 53L), (why.Place, why.Score, why.Normalisation, why.Scores.Single().Event.Version));
        Assert.True(why.Rounds.Single().Judges.Single().UsedRaw);
    }
}

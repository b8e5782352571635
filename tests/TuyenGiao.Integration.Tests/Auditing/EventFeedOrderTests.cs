using System.Net;
using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TuyenGiao.Api.Committees;
using TuyenGiao.Auditing;
using TuyenGiao.Committees;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Auditing;

/// <summary>The audit feed pages by sequence number and never skips an event whose transaction commits after a later number.</summary>
public class EventFeedOrderTests
{
    [Fact]
    public async Task Given_an_append_committing_after_one_with_a_higher_sequence_When_the_feed_is_paged_meanwhile_Then_no_event_is_skipped()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"feed-{Guid.NewGuid():N}"[..16]);
        var log = node.Services.GetRequiredService<EventLog>();
        var store = node.Services.GetRequiredService<IDocumentStore>();
        await Read<CommitteeResponse>(await node.Http.PostJson("/api/committees", new { code = "EARLY", name = "Tỉnh ủy A", level = "Province", memberCount = 1 }),
            HttpStatusCode.Created);
        var start = await database.ScalarAsync("SELECT max(seq_id) FROM tuyengiao.mt_events");

        // A draws its sequence number first and commits last.
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var slow = await connection.BeginTransactionAsync();
        await using (var session = store.LightweightSession(SessionOptions.ForTransaction(slow)))
        {
            session.Events.Append("committee/EARLY", 2, new CommitteeMemberCountChanged("EARLY", 2));
            await session.SaveChangesAsync();
        }
        await Read<CommitteeResponse>(await node.Http.PostJson("/api/committees", new { code = "LATE", name = "Tỉnh ủy B", level = "Province", memberCount = 1 }),
            HttpStatusCode.Created);

        var seen = new List<LoggedEvent>();
        var first = await log.FeedAsync(new EventFilter(null, null, null, null), start, 100);
        seen.AddRange(first.Events);
        await slow.CommitAsync();
        var after = seen.Count > 0 ? seen[^1].Sequence : start;
        seen.AddRange((await log.FeedAsync(new EventFilter(null, null, null, null), after, 100)).Events);

        Assert.Equal(["committee/EARLY", "committee/LATE"], seen.Select(e => e.StreamId));
        Assert.Equal(seen.Select(e => e.Sequence).Order(), seen.Select(e => e.Sequence));
    }
}

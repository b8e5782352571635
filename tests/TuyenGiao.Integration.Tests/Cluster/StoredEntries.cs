using System.Net;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Campaigns;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Cluster;

/// <summary>The contests a <see cref="SubmissionLoad"/> writes to, and what the store holds of them after a fault.</summary>
public static class StoredEntries
{
    /// <summary>A writing contest of the hierarchy's city, open now for a day, one entry per author.</summary>
    public static async Task<string> AnnounceAsync(HttpClient admin, HierarchyScenario h, string id)
    {
        await Read<object>(await admin.PostJson("/api/contests", new
        {
            contestId = id, organiserCode = h.City, kind = "Writing", title = "Cuộc thi viết", opensAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            closesAt = DateTimeOffset.UtcNow.AddDays(1), target = 1_000, perAuthorLimit = 1,
        }), HttpStatusCode.Created);
        return id;
    }

    /// <summary>Entries stored per contest, and submissions stored more than once (in any contest).</summary>
    public static async Task<(Dictionary<string, long> PerContest, long Duplicates)> CountAsync(TestDatabase database, IEnumerable<string> contests)
    {
        var stored = new Dictionary<string, long>();
        foreach (var contest in contests)
            stored[contest] = await database.ScalarAsync(
                "SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s AND type = 'entry_submitted'", ("s", Contest.StreamIdFor(contest)));
        var duplicates = await database.ScalarAsync(
            "SELECT count(*) FROM (SELECT stream_id, data->>'submissionId' FROM tuyengiao.mt_events WHERE type = 'entry_submitted' " +
            "GROUP BY 1, 2 HAVING count(*) > 1) AS twice");
        return (stored, duplicates);
    }

    /// <summary>Every submission the load saw acknowledged is stored in its contest.</summary>
    public static async Task AssertAcknowledgedAreStoredAsync(TestDatabase database, SubmissionLoad load)
    {
        foreach (var (contest, submissions) in load.Acknowledged.GroupBy(a => a.Value).Select(g => (g.Key, g.Select(a => a.Key).ToList())))
        {
            var found = await database.ScalarAsync(
                "SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s AND type = 'entry_submitted' AND data->>'submissionId' = ANY(@ids)",
                ("s", Contest.StreamIdFor(contest)), ("ids", submissions.ToArray()));
            Assert.Equal(submissions.Count, found);
        }
    }
}

using System.Net;
using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TuyenGiao.Committees;
using TuyenGiao.EventStore;
using System.Text.Json;
using TuyenGiao.Api.Campaigns;
using TuyenGiao.Api.Committees;
using TuyenGiao.Api.Contests;
using TuyenGiao.Auditing;
using TuyenGiao.Campaigns;
using TuyenGiao.Integration.Tests.Campaigns;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Auditing;

/// <summary>Replay and reconcile on a database of its own, so that "every grain agrees" is about this test's data alone.</summary>
public class ReplayTests
{
    private static async Task<(List<string> Progress, ReplayReport Report)> Replay(HttpClient http)
    {
        using var response = await http.PostAsync("/api/admin/replay", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var progress = new List<string>();
        ReplayReport? report = null;
        foreach (var block in (await response.Content.ReadAsStringAsync()).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var lines = block.Split('\n');
            var type = lines.FirstOrDefault(l => l.StartsWith("event:", StringComparison.Ordinal))?[6..].Trim();
            var data = string.Concat(lines.Where(l => l.StartsWith("data:", StringComparison.Ordinal)).Select(l => l[5..].TrimStart()));
            if (type == "progress")
                progress.Add(JsonSerializer.Deserialize<string>(data)!);
            else if (type == "report")
                report = JsonSerializer.Deserialize<ReplayReport>(data, Json);
        }
        return (progress, report ?? throw new InvalidOperationException("no report event"));
    }

    [Fact]
    public async Task Given_committees_a_campaign_and_a_contest_When_replayed_Then_read_models_and_snapshots_are_rebuilt_and_a_tampered_stream_is_the_one_difference()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"replay-{Guid.NewGuid():N}"[..16]);
        var http = node.Http;
        var h = await HierarchyScenario.CreateAsync(http);
        var campaign = $"RP-{h.Suffix}";
        await Read<CampaignFigures>(await http.PostJson("/api/campaigns", new
        {
            campaignId = campaign, launcherCode = h.City, title = "Chuyên đề năm 2020", kind = "AnnualTheme", periodStart = "2020-01-01", periodEnd = "2020-12-31",
        }), HttpStatusCode.Created);
        await Read<ActivityReportResponse>(await http.PostJson($"/api/campaigns/{campaign}/reports", new
        {
            reportId = "tn", committeeCode = h.DistrictA, periodStart = "2020-01-01", periodEnd = "2020-12-31", figures = new { partyMembers = 300, membersStudied = 290 },
        }), HttpStatusCode.Created);
        var contest = await ContestScenario.OpenNowAsync(http);
        for (var i = 0; i < 5; i++)
            await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry($"rp-{i}")), HttpStatusCode.Created);
        // Read models that have drifted from the events: replay must put them back.
        await database.ScalarAsync("UPDATE tuyengiao.mt_doc_activityreportdocument SET data = jsonb_set(data, '{corrections}', '7') RETURNING 1");
        await database.ScalarAsync("DELETE FROM tuyengiao.contest_entries WHERE contest_id = @c AND entry_number = 2 RETURNING 1", ("c", contest.ContestId));
        await database.ScalarAsync("UPDATE tuyengiao.contest_entries SET status = 'Withdrawn', title = 'sửa' WHERE contest_id = @c AND entry_number = 3 RETURNING 1",
            ("c", contest.ContestId));

        var (progress, clean) = await Replay(http);

        Assert.True(clean.Reconciled, string.Join("\n", clean.Differences));
        Assert.Contains(progress, p => p.Contains("streams to rebuild"));
        Assert.Equal(5 + 4 + 1 + 5, clean.ReadModelDocuments); // the hierarchy's committees, the contest scenario's, the one report, the five entries
        Assert.Equal(5, await database.ScalarAsync("SELECT count(*) FROM tuyengiao.contest_entries WHERE contest_id = @c AND status = 'Accepted'",
            ("c", contest.ContestId)));
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM tuyengiao.contest_entries WHERE contest_id = @c AND title = 'sửa'",
            ("c", contest.ContestId)));
        Assert.Equal(2, clean.Snapshots); // the campaign and the contest
        var report = await Read<ActivityReportResponse>(await http.GetAsync($"/api/campaigns/{campaign}/reports/tn"), HttpStatusCode.OK);
        Assert.Equal(0, report.Corrections);
        Assert.Equal(0, await database.ScalarAsync("SELECT (data->>'corrections')::bigint FROM tuyengiao.mt_doc_activityreportdocument"));

        // An event changed behind the system's back: the live grain still holds what it was told, the events now say otherwise.
        await Read<CommitteeResponse>(await http.GetAsync($"/api/committees/{h.DistrictB}"), HttpStatusCode.OK);
        await database.ScalarAsync("UPDATE tuyengiao.mt_events SET data = jsonb_set(data, '{name}', '\"Huyện ủy (sửa trái phép)\"') WHERE stream_id = @s AND version = 1 RETURNING 1",
            ("s", $"committee/{h.DistrictB}"));

        var (_, tampered) = await Replay(http);

        var difference = Assert.Single(tampered.Differences);
        Assert.Equal(($"committee/{h.DistrictB}", 1L), (difference.StreamId, difference.Version));
        Assert.Contains("sửa trái phép", difference.What);
    }

    [Fact]
    public async Task Given_an_append_committing_while_a_replay_rebuilds_its_stream_When_both_finish_Then_the_document_is_the_newer_one()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"replay-{Guid.NewGuid():N}"[..16]);
        await Read<CommitteeResponse>(await node.Http.PostJson("/api/committees",
            new { code = "RACE", name = "Tỉnh ủy trước", level = "Province", memberCount = 10 }), HttpStatusCode.Created);
        var store = node.Services.GetRequiredService<IDocumentStore>();

        // Another writer's append, stored with its projection but not yet committed when the replay starts.
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var writer = store.LightweightSession(SessionOptions.ForTransaction(transaction)))
        {
            writer.Events.Append("committee/RACE", 2, new CommitteeRenamed("RACE", "Tỉnh ủy sau"));
            await writer.SaveChangesAsync();
        }
        var replay = node.Services.GetRequiredService<Replay>().RunAsync(new Progress<string>());
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(replay.IsCompleted, "the replay rebuilt the stream's document without waiting for its writer");
        await transaction.CommitAsync();
        await replay;

        Assert.Equal(2, await database.ScalarAsync("SELECT mt_version FROM tuyengiao.mt_doc_committee WHERE id = 'committee/RACE'"));
        await using var session = store.QuerySession();
        Assert.Equal("Tỉnh ủy sau", (await session.LoadAsync<Committee>("committee/RACE"))!.Name);
    }

    [Fact]
    public async Task Given_a_stored_snapshot_When_one_of_the_same_version_or_older_is_saved_Then_the_same_version_repairs_it_and_the_older_is_ignored()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"snap-{Guid.NewGuid():N}"[..16]);
        var snapshots = node.Services.GetRequiredService<ISnapshotStore>();
        var stream = $"campaign/SNAP-{Guid.NewGuid():N}"[..24];
        await snapshots.SaveAsync(stream, 5, Campaign.None("DRIFTED"));

        await snapshots.SaveAsync(stream, 5, Campaign.None("REPAIRED"));
        await snapshots.SaveAsync(stream, 4, Campaign.None("OLDER"));

        var stored = await snapshots.LoadAsync<Campaign>(stream);
        Assert.Equal(("REPAIRED", 5L), (stored!.Value.State.CampaignId, stored.Value.Version));
    }
}

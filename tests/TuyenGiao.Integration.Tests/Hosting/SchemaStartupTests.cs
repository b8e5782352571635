using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TuyenGiao.Api.Committees;
using TuyenGiao.Auditing;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Hosting;

/// <summary>The schema step at start-up changes nothing that is already right, and leaves long work to the background.</summary>
public class SchemaStartupTests
{
    private static Task<long> TriggerOid(TestDatabase database) => database.ScalarAsync(
        "SELECT oid::bigint FROM pg_trigger WHERE tgname = 'chain_event' AND tgrelid = 'tuyengiao.mt_events'::regclass");

    [Fact]
    public async Task Given_a_database_already_set_up_When_another_node_starts_Then_the_chain_trigger_is_not_dropped_and_created_again()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = $"schema-{Guid.NewGuid():N}"[..16];
        await using var first = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId);
        var before = await TriggerOid(database);

        await using var second = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId);

        Assert.True(before > 0);
        Assert.Equal(before, await TriggerOid(database));
    }

    [Fact]
    public async Task Given_contest_events_stored_before_the_entries_read_model_existed_When_a_node_starts_Then_it_fills_the_read_model_from_them()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = $"entries-{Guid.NewGuid():N}"[..16];
        string contestId;
        await using (var first = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId))
        {
            var contest = await Contests.ContestScenario.OpenNowAsync(first.Http, perAuthorLimit: 2);
            contestId = contest.ContestId;
            for (var i = 1; i <= 4; i++)
                await Read<TuyenGiao.Api.Contests.SubmissionReceiptResponse>(await contest.Submit(contest.Entry($"old-{i}", committee: i == 4 ? contest.CellB : null)),
                    HttpStatusCode.Created);
            await Read<TuyenGiao.Contests.ContestTally>(await first.Http.PostAsync($"{contest.Entries}/old-2/withdrawal", null), HttpStatusCode.OK);
            // As a database of the version before this read model: no table, the events only.
            await database.ScalarAsync("DROP TABLE tuyengiao.contest_entries; SELECT 1");
        }

        await using var second = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId);

        Assert.Equal(4, await database.ScalarAsync("SELECT count(*) FROM tuyengiao.contest_entries WHERE contest_id = @c", ("c", contestId)));
        Assert.Equal(2, await database.ScalarAsync("SELECT entry_number FROM tuyengiao.contest_entries WHERE contest_id = @c AND status = 'Withdrawn'", ("c", contestId)));
        Assert.Equal(3, await database.ScalarAsync(
            "SELECT array_length(committee_path, 1) FROM tuyengiao.contest_entries WHERE contest_id = @c AND submission_id = 'old-4'", ("c", contestId)));
        // The grain finds entries there again: a withdrawal by submission id is answered, not a 404.
        await Read<TuyenGiao.Contests.ContestTally>(await second.Http.PostAsync($"/api/contests/{contestId}/entries/old-3/withdrawal", null), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_contests_and_campaigns_stored_before_the_listings_existed_When_a_node_starts_Then_the_lists_show_them_as_they_stand()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = $"lists-{Guid.NewGuid():N}"[..16];
        Contests.ContestScenario contest;
        await using (var first = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId))
        {
            contest = await Contests.ContestScenario.OpenNowAsync(first.Http);
            await Read<TuyenGiao.Api.Contests.ContestResponse>(await first.Http.PostJson($"/api/contests/{contest.ContestId}/cancellation", new { reason = "Hoãn" }),
                HttpStatusCode.OK);
            await Read<TuyenGiao.Campaigns.CampaignFigures>(await first.Http.PostJson("/api/campaigns", new
            {
                campaignId = $"K{contest.ContestId}", launcherCode = contest.Province, title = "Học tập Nghị quyết", kind = "StudyDrive",
                periodStart = "2024-01-01", periodEnd = "2024-06-30",
            }), HttpStatusCode.Created);
            // As a database of the version before the lists: the events only.
            await database.ScalarAsync("DELETE FROM tuyengiao.mt_doc_contestlisting; DELETE FROM tuyengiao.mt_doc_campaignlisting; SELECT 1");
        }

        await using var second = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId);

        var contests = await Read<TuyenGiao.Api.Contests.ContestListResponse>(await second.Http.GetAsync("/api/contests"), HttpStatusCode.OK);
        var campaigns = await Read<TuyenGiao.Api.Campaigns.CampaignListResponse>(await second.Http.GetAsync("/api/campaigns"), HttpStatusCode.OK);
        var listed = Assert.Single(contests.Items);
        Assert.Equal((contest.ContestId, TuyenGiao.Contests.ContestPhase.Cancelled), (listed.ContestId, listed.Status));
        Assert.Equal($"K{contest.ContestId}", Assert.Single(campaigns.Items).CampaignId);
    }

    [Fact]
    public async Task Given_judges_assigned_before_the_panel_seats_existed_When_a_node_starts_Then_each_judge_finds_their_panels()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = $"seats-{Guid.NewGuid():N}"[..16];
        Contests.ContestScenario contest;
        await using (var first = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId))
        {
            contest = await Contests.ContestScenario.OpenNowAsync(first.Http);
            foreach (var judge in new[] { "gk-cu-1", "gk-cu-2" })
                await Read<TuyenGiao.Contests.ContestTally>(await first.Http.PostJson($"/api/contests/{contest.ContestId}/judges",
                    new { judgeId = judge, name = "Giám khảo", committeeCode = contest.Province }), HttpStatusCode.OK);
            // As a database of the version before the seats: the events only.
            await database.ScalarAsync("DELETE FROM tuyengiao.mt_doc_panelseat; SELECT 1");
        }

        await using var second = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId);

        foreach (var judge in new[] { "gk-cu-1", "gk-cu-2" })
            Assert.Equal([contest.ContestId], (await Read<List<TuyenGiao.Api.Contests.JudgePanelResponse>>(
                await second.Http.GetAsync($"/api/judges/{judge}/panels"), HttpStatusCode.OK)).Select(p => p.ContestId));
    }

    [Fact]
    public async Task Given_events_stored_without_the_chain_When_a_node_starts_Then_it_is_ready_and_chains_them_in_the_background()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = $"chain-{Guid.NewGuid():N}"[..16];
        await using (var first = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId))
        {
            await database.ScalarAsync("ALTER TABLE tuyengiao.mt_events DISABLE TRIGGER chain_event");
            await Read<CommitteeResponse>(await first.Http.PostJson("/api/committees",
                new { code = "TV", name = "Ban Tuyên giáo Tỉnh ủy Trà Vinh", level = "Province", memberCount = 50_000 }), HttpStatusCode.Created);
            await Read<CommitteeResponse>(await first.Http.PutJson("/api/committees/TV/member-count", new { memberCount = 50_100 }), HttpStatusCode.OK);
            await database.ScalarAsync("ALTER TABLE tuyengiao.mt_events ENABLE TRIGGER chain_event");
            Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM audit.event_chain"));
        }

        await using var second = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId);

        var clock = Stopwatch.StartNew();
        while (await database.ScalarAsync("SELECT count(*) FROM audit.event_chain") < 2 && clock.Elapsed < TimeSpan.FromSeconds(20))
            await Task.Delay(100);
        var report = await second.Services.GetRequiredService<IntegrityCheck>().VerifyAsync();
        Assert.True(report.Intact, string.Join("; ", report.Broken));
        Assert.Equal(2, report.EventsChecked);
        // A new event links onto the chained ones.
        await Read<CommitteeResponse>(await second.Http.PutJson("/api/committees/TV/member-count", new { memberCount = 50_200 }), HttpStatusCode.OK);
        Assert.True((await second.Services.GetRequiredService<IntegrityCheck>().VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Given_a_stream_whose_events_are_not_chained_yet_When_it_is_appended_to_Then_its_earlier_events_are_chained_first_and_the_chain_holds()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"catch-{Guid.NewGuid():N}"[..16]);
        await database.ScalarAsync("ALTER TABLE tuyengiao.mt_events DISABLE TRIGGER chain_event");
        await Read<CommitteeResponse>(await node.Http.PostJson("/api/committees",
            new { code = "TV", name = "Ban Tuyên giáo Tỉnh ủy Trà Vinh", level = "Province", memberCount = 50_000 }), HttpStatusCode.Created);
        await Read<CommitteeResponse>(await node.Http.PutJson("/api/committees/TV/member-count", new { memberCount = 50_100 }), HttpStatusCode.OK);
        await database.ScalarAsync("ALTER TABLE tuyengiao.mt_events ENABLE TRIGGER chain_event");

        // The background job ran at start-up, before these events existed: only the append itself can chain them in time.
        await Read<CommitteeResponse>(await node.Http.PutJson("/api/committees/TV/member-count", new { memberCount = 50_200 }), HttpStatusCode.OK);

        var report = await node.Services.GetRequiredService<IntegrityCheck>().VerifyAsync("committee/TV");
        Assert.True(report.Intact, string.Join("; ", report.Broken));
        Assert.Equal((3L, 3L), (report.EventsChecked, await database.ScalarAsync("SELECT count(*) FROM audit.event_chain WHERE stream_id = 'committee/TV'")));
    }
}

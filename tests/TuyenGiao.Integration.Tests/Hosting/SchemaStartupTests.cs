using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TuyenGiao.Api.Committees;
using TuyenGiao.Auditing;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Hosting;

/// <summary>The schema step at start-up changes nothing that is already right, and leaves long work to the background.</summary>
public class SchemaStartupTests
{
    private static Task<long> ChainTriggers(TestDatabase database) => database.ScalarAsync(
        "SELECT count(*) FROM pg_trigger WHERE tgname = 'chain_event' AND tgrelid = 'tuyengiao.mt_events'::regclass");

    private static Task<long> CutOver(TestDatabase database) => database.ScalarAsync("SELECT seq_id FROM audit.chain_cutover");

    /// <summary>
    /// As a database of the versions before the writer's links: the events so far carry no link and were stored before the
    /// cut-over (the trigger of that time would have chained them, or the chain did not exist yet).
    /// </summary>
    private static Task UnlinkAsStoredBeforeTheChain(TestDatabase database, string stream) => database.ScalarAsync("""
        UPDATE tuyengiao.mt_events SET headers = headers - 'link' WHERE stream_id = @s;
        UPDATE audit.chain_cutover SET seq_id = (SELECT max(seq_id) FROM tuyengiao.mt_events);
        SELECT 1
        """, ("s", stream));

    private static async Task<CommitteeResponse> CreateTraVinh(HttpClient http)
    {
        await Read<CommitteeResponse>(await http.PostJson("/api/committees",
            new { code = "TV", name = "Ban Tuyên giáo Tỉnh ủy Trà Vinh", level = "Province", memberCount = 50_000 }), HttpStatusCode.Created);
        return await Read<CommitteeResponse>(await http.PutJson("/api/committees/TV/member-count", new { memberCount = 50_100 }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_a_database_already_set_up_When_another_node_starts_Then_no_chain_trigger_is_on_the_events_and_the_cut_over_stays()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = $"schema-{Guid.NewGuid():N}"[..16];
        await using var first = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId);
        await CreateTraVinh(first.Http);

        await using var second = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId);

        // A new database starts with the writer's links: nothing before the cut-over, and it does not move at a restart.
        Assert.Equal((0L, 0L), (await ChainTriggers(database), await CutOver(database)));
        Assert.Equal(2, await database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_events WHERE headers ? 'link'"));
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM audit.event_chain"));
    }

    [Fact]
    public async Task Given_a_database_of_the_triggers_time_with_listings_to_fill_When_a_node_starts_Then_it_is_ready_the_trigger_gone_and_new_links_rest_on_the_old()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = $"upgrade-{Guid.NewGuid():N}"[..16];
        string contestId;
        await using (var first = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId))
        {
            contestId = (await Contests.ContestScenario.OpenNowAsync(first.Http)).ContestId;
            await CreateTraVinh(first.Http);
        }
        // As the version before: the events chained in audit.event_chain by a trigger, no cut-over, and (as after any
        // upgrade that adds a read model) listings the start-up fills from the events, on connections of its own.
        await UnlinkAsStoredBeforeTheChain(database, "committee/TV");
        await database.ScalarAsync("""
            SELECT audit.chain_stream(stream_id, 9223372036854775807, 1000) FROM (SELECT DISTINCT stream_id FROM tuyengiao.mt_events) s;
            UPDATE tuyengiao.mt_events SET headers = headers - 'link';
            DELETE FROM audit.chain_cutover;
            CREATE FUNCTION audit.chain_event() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
            CREATE TRIGGER chain_event AFTER INSERT ON tuyengiao.mt_events FOR EACH ROW EXECUTE FUNCTION audit.chain_event();
            DELETE FROM tuyengiao.mt_doc_contestlisting;
            SELECT 1
            """);
        var chained = await database.ScalarAsync("SELECT count(*) FROM audit.event_chain");

        await using var second = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId);

        // The trigger is gone, and the cut-over is the last event it chained.
        Assert.Equal(0, await ChainTriggers(database));
        Assert.Equal(await database.ScalarAsync("SELECT max(seq_id) FROM audit.event_chain"), await CutOver(database));
        Assert.Contains(contestId, await (await second.Http.GetAsync("/api/contests")).Content.ReadAsStringAsync());
        await Read<CommitteeResponse>(await second.Http.PutJson("/api/committees/TV/member-count", new { memberCount = 50_200 }), HttpStatusCode.OK);
        var report = await second.Services.GetRequiredService<IntegrityCheck>().VerifyAsync();
        Assert.True(report.Intact, string.Join("; ", report.Broken));
        Assert.Equal(chained + 1, await database.ScalarAsync("SELECT count(*) FROM audit.event_chain") + await database.ScalarAsync(
            "SELECT count(*) FROM tuyengiao.mt_events WHERE headers ? 'link'"));
    }

    [Fact]
    public async Task Given_a_writer_that_skips_the_chain_When_its_events_are_stored_after_the_cut_over_Then_no_job_chains_them_and_verify_reports_them()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = $"skip-{Guid.NewGuid():N}"[..16];
        await using (var first = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId))
        {
            await CreateTraVinh(first.Http);
            await database.ScalarAsync("UPDATE tuyengiao.mt_events SET headers = headers - 'link' WHERE stream_id = 'committee/TV' AND version = 2; SELECT 1");
        }

        // A restart, and the background job's own step run here to the end (not waited for): it chains only what was
        // stored before the cut-over, so it finds nothing to chain.
        await using var second = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId);
        Assert.Equal(0, await database.ScalarAsync("SELECT audit.chain_backlog(5000)"));

        var broken = Assert.Single((await second.Services.GetRequiredService<IntegrityCheck>().VerifyAsync()).Broken);
        Assert.Equal(("committee/TV", 2L), (broken.StreamId, broken.Version));
        Assert.Contains("no link", broken.Reason);
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM audit.event_chain"));
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
    public async Task Given_events_stored_before_the_chain_When_a_node_starts_Then_it_is_ready_and_chains_them_in_the_background_and_new_links_rest_on_them()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = $"chain-{Guid.NewGuid():N}"[..16];
        await using (var first = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId))
            await CreateTraVinh(first.Http);
        await UnlinkAsStoredBeforeTheChain(database, "committee/TV");
        Assert.False((await new IntegrityCheck(NpgsqlDataSource.Create(database.ConnectionString)).VerifyAsync()).Intact);

        await using var second = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId);

        var clock = Stopwatch.StartNew();
        while (await database.ScalarAsync("SELECT count(*) FROM audit.event_chain") < 2 && clock.Elapsed < TimeSpan.FromSeconds(20))
            await Task.Delay(100);
        var report = await second.Services.GetRequiredService<IntegrityCheck>().VerifyAsync();
        Assert.True(report.Intact, string.Join("; ", report.Broken));
        Assert.Equal(2, report.EventsChecked);
        // A new event links onto the chained ones, with the writer's link.
        await Read<CommitteeResponse>(await second.Http.PutJson("/api/committees/TV/member-count", new { memberCount = 50_200 }), HttpStatusCode.OK);
        report = await second.Services.GetRequiredService<IntegrityCheck>().VerifyAsync();
        Assert.True(report.Intact, string.Join("; ", report.Broken));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_events WHERE headers ? 'link'"));
    }

    [Fact]
    public async Task Given_a_stream_whose_events_are_not_chained_yet_When_it_is_appended_to_Then_its_earlier_events_are_chained_first_and_the_chain_holds()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = $"catch-{Guid.NewGuid():N}"[..16];
        await using (var first = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId))
            await CreateTraVinh(first.Http);
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId);
        // The background job must not get there first: it takes this lock, and finding it taken it chains nothing.
        await using var backlogLock = new NpgsqlConnection(database.ConnectionString);
        await backlogLock.OpenAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(8391246651040145985)", backlogLock))
            await take.ExecuteNonQueryAsync();
        await UnlinkAsStoredBeforeTheChain(database, "committee/TV");

        await Read<CommitteeResponse>(await node.Http.PutJson("/api/committees/TV/member-count", new { memberCount = 50_200 }), HttpStatusCode.OK);

        var report = await node.Services.GetRequiredService<IntegrityCheck>().VerifyAsync("committee/TV");
        Assert.True(report.Intact, string.Join("; ", report.Broken));
        Assert.Equal((3L, 2L), (report.EventsChecked, await database.ScalarAsync("SELECT count(*) FROM audit.event_chain WHERE stream_id = 'committee/TV'")));
    }
}

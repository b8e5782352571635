using System.Net;
using TuyenGiao.Api.Campaigns;
using TuyenGiao.Api.Committees;
using TuyenGiao.Api.Contests;
using TuyenGiao.Auditing;
using TuyenGiao.Campaigns;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Campaigns;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Auditing;

/// <summary>The event log, the hash chain and time travel, over real HTTP and a real PostgreSQL.</summary>
[Collection(NodeCollection.Name)]
public class AuditApiTests(NodeFixture fixture)
{
    private readonly HttpClient _http = fixture.Node.Http;

    private async Task<string> CommitteeWithHistory(string name = "Ban Tuyên giáo Huyện ủy Cờ Đỏ")
    {
        var code = $"AU{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        await Read<CommitteeResponse>(await _http.PostJson("/api/committees", new { code, name, level = "Province", memberCount = 100 }), HttpStatusCode.Created);
        await Read<CommitteeResponse>(await _http.PutJson($"/api/committees/{code}/name", new { name = name + " (mới)" }), HttpStatusCode.OK);
        await Read<CommitteeResponse>(await _http.PutJson($"/api/committees/{code}/member-count", new { memberCount = 120 }), HttpStatusCode.OK);
        return code;
    }

    private async Task<IntegrityReport> Verify(string? stream = null) =>
        await Read<IntegrityReport>(await _http.GetAsync("/api/audit/integrity" + (stream is null ? "" : $"?stream={Uri.EscapeDataString(stream)}")), HttpStatusCode.OK);

    [Fact]
    public async Task Given_chained_streams_When_an_event_is_changed_with_plain_SQL_Then_verify_names_that_stream_and_version_and_the_others_hold()
    {
        var tampered = await CommitteeWithHistory();
        var untouched = await CommitteeWithHistory();
        Assert.True((await Verify($"committee/{tampered}")).Intact);

        await fixture.Database.ScalarAsync(
            "UPDATE tuyengiao.mt_events SET data = jsonb_set(data, '{name}', '\"Ban Tuyên giáo (giả mạo)\"') WHERE stream_id = @s AND version = 2 RETURNING 1",
            ("s", $"committee/{tampered}"));

        var one = await Verify($"committee/{tampered}");
        var all = await Verify();
        var broken = Assert.Single(one.Broken);
        Assert.Equal(($"committee/{tampered}", 2L), (broken.StreamId, broken.Version));
        Assert.Equal((1L, 3L), (one.StreamsChecked, one.EventsChecked));
        Assert.Contains(all.Broken, b => b.StreamId == $"committee/{tampered}" && b.Version == 2);
        Assert.DoesNotContain(all.Broken, b => b.StreamId == $"committee/{untouched}");
        Assert.True((await Verify($"committee/{untouched}")).Intact);
    }

    [Fact]
    public async Task Given_a_chained_stream_When_an_event_is_deleted_with_plain_SQL_Then_verify_reports_it_removed()
    {
        var code = await CommitteeWithHistory();

        await fixture.Database.ScalarAsync("DELETE FROM tuyengiao.mt_events WHERE stream_id = @s AND version = 2 RETURNING 1", ("s", $"committee/{code}"));

        var broken = Assert.Single((await Verify($"committee/{code}")).Broken);
        Assert.Equal(2, broken.Version);
        Assert.Contains("removed", broken.Reason);
    }

    [Fact]
    public async Task Given_a_chained_stream_When_its_last_event_is_deleted_with_plain_SQL_Then_verify_reports_it_removed()
    {
        var code = await CommitteeWithHistory();

        // Nothing follows the last event to break: the stream's own count of its events tells.
        await fixture.Database.ScalarAsync("DELETE FROM tuyengiao.mt_events WHERE stream_id = @s AND version = 3 RETURNING 1", ("s", $"committee/{code}"));

        var broken = Assert.Single((await Verify($"committee/{code}")).Broken);
        Assert.Equal(3, broken.Version);
        Assert.Contains("removed", broken.Reason);
    }

    [Theory]
    [InlineData("headers = jsonb_set(headers, '{link}', to_jsonb(repeat('0', 64)))")] // a link forged
    [InlineData("headers = jsonb_set(headers, '{link}', '\"khong-phai-ma-bam\"')")] // not a link at all
    [InlineData("headers = headers - 'link'")] // a link taken away
    [InlineData("timestamp = timestamp + interval '1 microsecond'")] // the metadata count as much as the data
    [InlineData("user_name = 'nguoi-khac'")]
    [InlineData("correlation_id = NULL")]
    [InlineData("id = gen_random_uuid()")]
    public async Task Given_a_chained_stream_When_an_event_is_altered_with_plain_SQL_Then_verify_names_it(string change)
    {
        var code = await CommitteeWithHistory();

        await fixture.Database.ScalarAsync($"UPDATE tuyengiao.mt_events SET {change} WHERE stream_id = @s AND version = 2 RETURNING 1", ("s", $"committee/{code}"));

        Assert.Equal(2, Assert.Single((await Verify($"committee/{code}")).Broken).Version);
    }

    [Fact]
    public async Task Given_a_stream_whose_last_event_was_stored_without_a_link_When_it_is_appended_to_Then_the_append_is_stored_and_verify_names_the_unlinked_event()
    {
        var code = await CommitteeWithHistory();
        // A tool that skipped the chain (plain SQL): the stream goes on, and the gap stays visible.
        await fixture.Database.ScalarAsync("""
            WITH appended AS (
              INSERT INTO tuyengiao.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, user_name, correlation_id)
              SELECT nextval('tuyengiao.mt_events_sequence'), gen_random_uuid(), stream_id, 4, data, type, now(), tenant_id, 'cong-cu', 'ngoai-chuoi'
              FROM tuyengiao.mt_events WHERE stream_id = @s AND version = 3
              RETURNING 1)
            UPDATE tuyengiao.mt_streams SET version = 4 WHERE id = @s RETURNING (SELECT count(*) FROM appended)
            """, ("s", $"committee/{code}"));

        await Read<CommitteeResponse>(await _http.PutJson($"/api/committees/{code}/member-count", new { memberCount = 150 }), HttpStatusCode.OK);

        var report = await Verify($"committee/{code}");
        Assert.Equal(5, report.EventsChecked);
        var broken = Assert.Single(report.Broken);
        Assert.Equal((4L, true), (broken.Version, broken.Reason.Contains("no link")));
    }

    [Fact]
    public async Task Given_a_chained_stream_When_a_number_is_rewritten_as_the_same_value_Then_the_chain_still_holds()
    {
        var code = await CommitteeWithHistory();

        // 120 stored as 120.0: jsonb keeps the digits, the value is the one that was linked.
        await fixture.Database.ScalarAsync("UPDATE tuyengiao.mt_events SET data = jsonb_set(data, '{memberCount}', '120.0') WHERE stream_id = @s AND version = 3 RETURNING 1",
            ("s", $"committee/{code}"));

        Assert.Equal(1, await fixture.Database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s AND version = 3 AND data->>'memberCount' = '120.0'",
            ("s", $"committee/{code}")));
        Assert.True((await Verify($"committee/{code}")).Intact);
    }

    [Fact]
    public async Task Given_a_stream_When_its_log_is_read_in_pages_Then_each_event_has_its_type_version_actor_UTC_time_and_correlation_id()
    {
        var code = $"AU{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/committees")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { code, name = "Ban Tuyên giáo Tỉnh ủy Quảng Trị", level = "Province", memberCount = 50_000 }),
            Headers = { { "X-Correlation-Id", "kiem-tra-2020-10-28" } },
        };
        await Read<CommitteeResponse>(await _http.SendAsync(request), HttpStatusCode.Created);
        await Read<CommitteeResponse>(await _http.PutJson($"/api/committees/{code}/member-count", new { memberCount = 50_100 }), HttpStatusCode.OK);
        await Read<CommitteeResponse>(await _http.PutJson($"/api/committees/{code}/member-count", new { memberCount = 50_200 }), HttpStatusCode.OK);

        var first = await Read<EventPage>(await _http.GetAsync($"/api/audit/stream?id=committee/{code}&limit=2"), HttpStatusCode.OK);
        var rest = await Read<EventPage>(await _http.GetAsync($"/api/audit/stream?id=committee/{code}&afterVersion={first.Next}&limit=2"), HttpStatusCode.OK);

        Assert.Equal([1L, 2L], first.Events.Select(e => e.Version));
        Assert.Equal(2, first.Next);
        Assert.Equal([3L], rest.Events.Select(e => e.Version));
        Assert.Null(rest.Next);
        var registered = first.Events[0];
        Assert.Equal(("committee_registered", "test-admin", "kiem-tra-2020-10-28"), (registered.Type, registered.Actor, registered.CorrelationId));
        Assert.Equal("Ban Tuyên giáo Tỉnh ủy Quảng Trị", registered.Data.GetProperty("name").GetString());
        Assert.Equal(TimeSpan.Zero, registered.RecordedAt.Offset);
        Assert.True(rest.Events[0].Sequence > first.Events[1].Sequence);
        await AssertProblem(await _http.GetAsync("/api/audit/stream?id=x&limit=5000"), HttpStatusCode.BadRequest, "limit");
    }

    [Fact]
    public async Task Given_reports_in_two_districts_When_the_feed_is_filtered_by_one_districts_subtree_and_type_Then_only_its_reports_come()
    {
        var h = await HierarchyScenario.CreateAsync(_http);
        var campaign = $"AUD-{h.Suffix}";
        await Read<CampaignFigures>(await _http.PostJson("/api/campaigns", new
        {
            campaignId = campaign, launcherCode = h.City, title = "Chuyên đề năm 2020", kind = "AnnualTheme", periodStart = "2020-01-01", periodEnd = "2020-12-31",
        }), HttpStatusCode.Created);
        foreach (var (id, code) in new[] { ("a1", h.CellA1), ("a", h.DistrictA), ("b", h.DistrictB) })
        {
            await Read<ActivityReportResponse>(await _http.PostJson($"/api/campaigns/{campaign}/reports", new
            {
                reportId = id, committeeCode = code, periodStart = "2020-01-01", periodEnd = "2020-12-31", figures = new { partyMembers = 10 },
            }), HttpStatusCode.Created);
        }

        var feed = await Read<EventPage>(await _http.GetAsync($"/api/audit/events?committee={h.DistrictA}&type=activity_reported&limit=1000"), HttpStatusCode.OK);

        Assert.Equal(["a1", "a"], feed.Events.Where(e => e.StreamId == Campaign.StreamIdFor(campaign)).Select(e => e.Data.GetProperty("reportId").GetString()));
        Assert.All(feed.Events, e => Assert.Equal("activity_reported", e.Type));
        await AssertProblem(await _http.GetAsync($"/api/audit/events?committee=ZZ{h.Suffix}"), HttpStatusCode.NotFound, "committee");
    }

    [Fact]
    public async Task Given_a_stream_When_it_is_exported_Then_NDJSON_and_CSV_carry_every_event_with_its_data_as_stored()
    {
        var code = await CommitteeWithHistory("Ban Tuyên giáo Thị ủy Kiến Tường, \"tỉnh\" Long An");
        var stream = Uri.EscapeDataString($"committee/{code}");

        var ndjson = await _http.GetAsync($"/api/audit/export?stream={stream}");
        var csv = await _http.GetAsync($"/api/audit/export?stream={stream}&format=csv");

        Assert.Equal("application/x-ndjson", ndjson.Content.Headers.ContentType?.MediaType);
        var lines = (await ndjson.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([1L, 2L, 3L], lines.Select(l => l.GetProperty("version").GetInt64()));
        Assert.Equal("Ban Tuyên giáo Thị ủy Kiến Tường, \"tỉnh\" Long An", lines[0].GetProperty("data").GetProperty("name").GetString());
        Assert.Equal(120, lines[2].GetProperty("data").GetProperty("memberCount").GetInt32());
        var rows = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("sequence,streamId,version,type,recordedAt,actor,correlationId,eventId,data", rows[0]);
        Assert.Equal(4, rows.Length);
        Assert.Contains("\"\"Ban Tuyên giáo Thị ủy Kiến Tường, \\\"\"tỉnh\\\"\" Long An\"\"", rows[1]);
        await AssertProblem(await _http.GetAsync("/api/audit/export"), HttpStatusCode.BadRequest, "stream");
    }

    [Fact]
    public async Task Given_a_report_stored_in_the_old_shape_When_the_campaign_is_folded_Then_it_is_read_as_todays_event()
    {
        var h = await HierarchyScenario.CreateAsync(_http);
        var campaign = $"UPC-{h.Suffix}";
        await Read<CampaignFigures>(await _http.PostJson("/api/campaigns", new
        {
            campaignId = campaign, launcherCode = h.City, title = "Chuyên đề năm 2019", kind = "AnnualTheme", periodStart = "2019-01-01", periodEnd = "2019-12-31",
        }), HttpStatusCode.Created);
        var stream = Campaign.StreamIdFor(campaign);
        // The first shape: training classes as two plain counts, before classes were reported by type.
        var old = $$"""
            {"campaignId": "{{campaign}}", "reportId": "q-2019", "committeeCode": "{{h.DistrictA}}", "committeePath": ["{{h.DistrictA}}", "{{h.City}}"],
             "periodStart": "2019-01-01", "periodEnd": "2019-10-31",
             "figures": {"partyMembers": 2800, "studySessions": 51, "membersStudied": 2720, "trainingClasses": 63, "learners": 16837} }
            """;
        await fixture.Database.ScalarAsync($"""
            WITH appended AS (
              INSERT INTO tuyengiao.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, user_name, correlation_id)
              VALUES (nextval('tuyengiao.mt_events_sequence'), gen_random_uuid(), @s, 2, @data::jsonb, '{ActivityReportedV1Upcaster.OldTypeName}', now(), '*DEFAULT*', 'migration', 'v1-import')
              RETURNING 1)
            UPDATE tuyengiao.mt_streams SET version = 2 WHERE id = @s RETURNING (SELECT count(*) FROM appended)
            """, ("s", stream), ("data", old));

        var figures = await Read<CampaignFigures>(await _http.GetAsync($"/api/campaigns/{campaign}?version=2"), HttpStatusCode.OK);
        var log = await Read<EventPage>(await _http.GetAsync($"/api/audit/stream?id={stream}"), HttpStatusCode.OK);

        var classes = Assert.Single(figures.Total.Subtree.TrainingClasses);
        Assert.Equal((ActivityReportedV1Upcaster.UnclassifiedType, 63, 16_837), (classes.ClassType, classes.Classes, classes.Learners));
        Assert.Equal((1, 97.1m), (figures.Reports, figures.Total.ParticipationPercent));
        Assert.Equal(63, log.Events[1].Data.GetProperty("figures").GetProperty("trainingClasses").GetInt32()); // the stored JSON is untouched
        // An insert with plain SQL is a writer that skipped the chain: verify names it.
        var unchained = Assert.Single((await Verify(stream)).Broken);
        Assert.Equal((2L, true), (unchained.Version, unchained.Reason.Contains("no link")));
    }

    [Fact]
    public async Task Given_a_renamed_committee_When_it_is_asked_as_of_its_first_version_or_a_moment_before_the_rename_Then_it_has_its_old_name()
    {
        var code = $"AU{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        await Read<CommitteeResponse>(await _http.PostJson("/api/committees", new { code, name = "Ban Tuyên giáo Huyện ủy", level = "Province", memberCount = 100 }), HttpStatusCode.Created);
        await Task.Delay(50);
        var beforeRename = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await Read<CommitteeResponse>(await _http.PutJson($"/api/committees/{code}/name", new { name = "Ban Tuyên giáo Thị ủy" }), HttpStatusCode.OK);

        var first = await Read<CommitteeResponse>(await _http.GetAsync($"/api/committees/{code}?version=1"), HttpStatusCode.OK);
        var then = await Read<CommitteeResponse>(await _http.GetAsync($"/api/committees/{code}?asOf={Uri.EscapeDataString(beforeRename.ToString("o"))}"), HttpStatusCode.OK);
        var now = await Read<CommitteeResponse>(await _http.GetAsync($"/api/committees/{code}"), HttpStatusCode.OK);

        Assert.Equal(("Ban Tuyên giáo Huyện ủy", 1L), (first.Name, first.Version));
        Assert.Equal(("Ban Tuyên giáo Huyện ủy", 1L), (then.Name, then.Version));
        Assert.Equal(("Ban Tuyên giáo Thị ủy", 2L), (now.Name, now.Version));
        await AssertProblem(await _http.GetAsync($"/api/committees/{code}?asOf=2000-01-01T00:00:00Z"), HttpStatusCode.NotFound, "code");
    }

    [Fact]
    public async Task Given_entries_over_time_When_the_tally_is_asked_as_of_a_version_or_a_moment_Then_it_counts_what_the_events_said_then()
    {
        var contest = await ContestScenario.OpenNowAsync(_http);
        await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("t-1")), HttpStatusCode.Created);
        await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("t-2", author: "Trần Thị Bình")), HttpStatusCode.Created);
        await Task.Delay(50);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("t-3", author: "Lê Minh Châu")), HttpStatusCode.Created);
        var tally = $"/api/contests/{contest.ContestId}/tally";

        var atVersion2 = await Read<ContestTally>(await _http.GetAsync($"{tally}?version=2"), HttpStatusCode.OK);
        var atMoment = await Read<ContestTally>(await _http.GetAsync($"{tally}?asOf={Uri.EscapeDataString(between.ToOffset(TimeSpan.FromHours(7)).ToString("o"))}"), HttpStatusCode.OK);
        var now = await Read<ContestTally>(await _http.GetAsync(tally), HttpStatusCode.OK);

        Assert.Equal((1, 2L), (atVersion2.Accepted, atVersion2.Version));
        Assert.Equal((2, 3L), (atMoment.Accepted, atMoment.Version));
        Assert.Equal((3, 4L), (now.Accepted, now.Version));
        await AssertProblem(await _http.GetAsync($"{tally}?version=0"), HttpStatusCode.BadRequest, "version");
    }
}

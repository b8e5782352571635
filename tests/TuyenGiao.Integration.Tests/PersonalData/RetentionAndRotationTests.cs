using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using TuyenGiao.Api.Contests;
using TuyenGiao.Auditing;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using TuyenGiao.PersonalData;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.PersonalData;

/// <summary>A contest's retention running out, by the job's run and by its own timer; the master key rotated and the keys rewrapped.</summary>
public class RetentionAndRotationTests
{
    private static readonly DateTimeOffset Opens = new(2023, 6, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset Closes = new(2023, 7, 1, 0, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Given_a_contest_with_a_retention_When_the_months_after_its_results_run_out_Then_the_job_erases_its_entrants_names_once()
    {
        var clock = new FixedClock(Opens.AddDays(1));
        await using var database = await TestDatabase.CreateAsync();
        // The job's own timer runs every second here; the test moves the clock and waits for it.
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"keep-{Guid.NewGuid():N}"[..16], clock,
            new Dictionary<string, string?> { ["PersonalData:RetentionCheckEvery"] = "00:00:01" });
        var http = node.Http;
        var kept = await ContestScenario.CreateAsync(http, Opens, Closes, personalDataRetentionMonths: 6);
        var forever = await kept.AnotherContestAsync(Opens, Closes);
        foreach (var contest in new[] { kept, forever })
            await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("e-1", author: "Lê Văn Tám")), HttpStatusCode.Created);
        await AssertProblem(await http.PostJson("/api/contests", new
        {
            contestId = "KEEP-TOO-LONG", organiserCode = kept.Bloc, kind = "Writing", title = "Quá dài", opensAt = Opens, closesAt = Closes, target = 10,
            personalDataRetentionMonths = 121,
        }), HttpStatusCode.BadRequest, "personalDataRetentionMonths");
        clock.Now = Closes;
        foreach (var contest in new[] { kept, forever })
            await Read<ContestTally>(await http.PostAsync($"/api/contests/{contest.ContestId}/results", null), HttpStatusCode.OK);

        clock.Now = Closes.AddMonths(6).AddMinutes(-1);
        Assert.Empty(await Read<List<RetentionErasure>>(await http.PostAsync("/api/personal-data/retention/run", null), HttpStatusCode.OK));
        Assert.Equal("Lê Văn Tám", await AuthorOfFirstEntryAsync(http, kept));

        clock.Now = Closes.AddMonths(6);
        var erased = await WaitForErasureAsync(http, kept);
        Assert.Equal(SealedText.Erased, erased);
        Assert.Equal("Lê Văn Tám", await AuthorOfFirstEntryAsync(http, forever));
        // The job's run now finds nothing left to do, and the erasure is an event of the contest, by the job.
        Assert.Empty(await Read<List<RetentionErasure>>(await http.PostAsync("/api/personal-data/retention/run", null), HttpStatusCode.OK));
        var events = await Read<EventPage>(await http.GetAsync($"/api/audit/stream?id=contest/{kept.ContestId}"), HttpStatusCode.OK);
        var erasure = Assert.Single(events.Events, e => e.Type == "entrants_personal_data_erased");
        Assert.Equal((EntrantsDataRetention.Actor, 6), (erasure.Actor, erasure.Data.GetProperty("retentionMonths").GetInt32()));
        Assert.Equal(1, (await Read<ContestTally>(await http.GetAsync($"/api/contests/{kept.ContestId}/tally"), HttpStatusCode.OK)).Accepted);
    }

    [Fact]
    public async Task Given_a_contest_due_for_erasure_When_the_job_is_run_by_an_admin_Then_it_answers_what_it_erased()
    {
        var clock = new FixedClock(Opens.AddDays(1));
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"keep-{Guid.NewGuid():N}"[..16], clock);
        var http = node.Http;
        var contest = await ContestScenario.CreateAsync(http, Opens, Closes, personalDataRetentionMonths: 1);
        await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("e-1")), HttpStatusCode.Created);
        await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("e-2", committee: contest.CellB)), HttpStatusCode.Created);
        clock.Now = Closes;
        await Read<ContestTally>(await http.PostAsync($"/api/contests/{contest.ContestId}/results", null), HttpStatusCode.OK);
        clock.Now = Closes.AddMonths(2);

        var run = await Read<List<RetentionErasure>>(await http.PostAsync("/api/personal-data/retention/run", null), HttpStatusCode.OK);

        var erased = Assert.Single(run);
        Assert.Equal((contest.ContestId, 1, 2L, Closes.ToUniversalTime()), (erased.ContestId, erased.RetentionMonths, erased.DataKeys, erased.PublishedAt.ToUniversalTime()));
        Assert.Equal(SealedText.Erased, await AuthorOfFirstEntryAsync(http, contest));
        using var anonymous = node.Anonymous();
        await AssertProblem(await anonymous.PostAsync("/api/personal-data/retention/run", null), HttpStatusCode.Unauthorized, "Authorization");
    }

    [Fact]
    public async Task Given_keys_of_the_layout_keyed_by_person_When_a_node_of_this_version_starts_Then_they_move_to_the_key_id_layout_and_a_retention_still_erases_them()
    {
        var clock = new FixedClock(Opens.AddDays(1));
        await using var database = await TestDatabase.CreateAsync();
        ContestScenario contest;
        await using (var before = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"lay-{Guid.NewGuid():N}"[..16], clock))
        {
            contest = await ContestScenario.CreateAsync(before.Http, Opens, Closes, personalDataRetentionMonths: 1);
            await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("e-1", author: "Lê Văn Tám")), HttpStatusCode.Created);
            await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("e-2", author: "Trần Thị Ngọc", committee: contest.CellB)),
                HttpStatusCode.Created);
        }
        // The layout before keys had ids of their own: the primary key (person, key id), and a key's id its event's, with
        // no event column (here e-2's key is made so; e-1's keeps its id, which opens).
        foreach (var step in new[]
                 {
                     "ALTER TABLE personal.data_keys DROP CONSTRAINT pk_personal_data_keys",
                     $"""
                     UPDATE personal.data_keys SET key_id = event_id, event_id = NULL WHERE event_id =
                         (SELECT id FROM tuyengiao.mt_events WHERE stream_id = 'contest/{contest.ContestId}' AND data->>'submissionId' = 'e-2')
                     """,
                     "ALTER TABLE personal.data_keys ADD CONSTRAINT pk_personal_data_keys PRIMARY KEY (person_key, key_id)",
                 })
            await database.ScalarAsync(step);

        await using var after = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"lay-{Guid.NewGuid():N}"[..16], clock);

        Assert.Equal(1, await database.ScalarAsync("""
            SELECT count(*) FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
            WHERE i.indexrelid = 'personal.pk_personal_data_keys'::regclass AND i.indnatts = 1 AND a.attname = 'key_id'
            """));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM personal.data_keys WHERE event_id IS NULL"));
        Assert.Equal("Lê Văn Tám", await AuthorOfFirstEntryAsync(after.Http, contest));
        clock.Now = Closes;
        await Read<ContestTally>(await after.Http.PostAsync($"/api/contests/{contest.ContestId}/results", null), HttpStatusCode.OK);
        clock.Now = Closes.AddMonths(2);

        var run = await Read<List<RetentionErasure>>(await after.Http.PostAsync("/api/personal-data/retention/run", null), HttpStatusCode.OK);

        Assert.Equal(2L, Assert.Single(run).DataKeys);
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM personal.data_keys"));
        Assert.Equal(SealedText.Erased, await AuthorOfFirstEntryAsync(after.Http, contest));
    }

    [Fact]
    public async Task Given_names_sealed_under_one_master_key_When_it_is_retired_and_the_keys_rewrapped_Then_they_read_under_the_new_key_alone()
    {
        var (old, current) = (Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        await using var database = await TestDatabase.CreateAsync();
        ContestScenario contest;
        await using (var before = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"rot-{Guid.NewGuid():N}"[..16],
                         settings: new Dictionary<string, string?> { ["PersonalData:MasterKey"] = old }))
        {
            contest = await ContestScenario.OpenNowAsync(before.Http);
            await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("e-1", author: "Nguyễn Thị Ánh Tuyết")), HttpStatusCode.Created);
        }

        await using (var rolling = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"rot-{Guid.NewGuid():N}"[..16],
                         settings: new Dictionary<string, string?> { ["PersonalData:MasterKey"] = current, ["PersonalData:RetiredMasterKeys:0"] = old }))
        {
            Assert.Equal("Nguyễn Thị Ánh Tuyết", await AuthorOfFirstEntryAsync(rolling.Http, contest));
            using var response = await rolling.Http.PostAsync("/api/personal-data/master-key/rewrap", null);
            var body = await response.Content.ReadAsStringAsync();
            var report = JsonSerializer.Deserialize<RewrapReport>(body[(body.LastIndexOf("data: ", StringComparison.Ordinal) + 6)..].Split('\n')[0], Json)!;
            Assert.Equal((1L, 1L, 0L), (report.Examined, report.Rewrapped, report.Unreadable));
        }

        await using var after = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"rot-{Guid.NewGuid():N}"[..16],
            settings: new Dictionary<string, string?> { ["PersonalData:MasterKey"] = current });
        Assert.Equal("Nguyễn Thị Ánh Tuyết", await AuthorOfFirstEntryAsync(after.Http, contest));
        // The new key alone also holds the pseudonym secret: a second entry by the same author is counted as theirs.
        await AssertProblem(await after.Http.PostJson(contest.Entries, contest.Entry("e-2", author: "Nguyễn Thị Ánh Tuyết")), HttpStatusCode.UnprocessableEntity,
            "authorName");
    }

    private static async Task<string?> AuthorOfFirstEntryAsync(HttpClient http, ContestScenario contest)
    {
        var events = await Read<EventPage>(await http.GetAsync($"/api/audit/stream?id=contest/{contest.ContestId}"), HttpStatusCode.OK);
        return events.Events.First(e => e.Type == "entry_submitted").Data.GetProperty("authorName").GetString();
    }

    private static async Task<string?> WaitForErasureAsync(HttpClient http, ContestScenario contest)
    {
        for (var waited = 0; waited < 100; waited++)
        {
            if (await AuthorOfFirstEntryAsync(http, contest) is SealedText.Erased)
                return SealedText.Erased;
            await Task.Delay(100);
        }
        return await AuthorOfFirstEntryAsync(http, contest);
    }
}

using System.Diagnostics;
using System.Net;
using TuyenGiao.Api.Contests;
using TuyenGiao.CommitteeRecords;
using TuyenGiao.Common;
using TuyenGiao.Contests;
using TuyenGiao.EventStore;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using TuyenGiao.Integration.Tests.Observability;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.EventStore;

/// <summary>
/// The write path of a real grain on a real node and store, with faults injected between the grain and Marten: every
/// request gets an answer in seconds, an acknowledged write is stored exactly once, and a command is always decided on
/// what the store holds.
/// </summary>
[Collection(FaultyNodeCollection.Name)]
public class WritePathFaultTests(FaultyNodeFixture fixture)
{
    private static readonly CommandContext Context = new("fault-tester", "corr-faults");
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    private HttpClient Http => fixture.Node.Http;

    private Task<long> EventsIn(string streamId) =>
        fixture.Database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s", ("s", streamId));

    private async Task<List<(int Number, string SubmissionId)>> StoredEntries(string contestId)
    {
        var entries = new List<(int, string)>();
        await using var connection = new Npgsql.NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            "SELECT (data->>'entryNumber')::int, data->>'submissionId' FROM tuyengiao.mt_events WHERE stream_id = @s AND type = 'entry_submitted' ORDER BY version",
            connection);
        command.Parameters.AddWithValue("s", Contest.StreamIdFor(contestId));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            entries.Add((reader.GetInt32(0), reader.GetString(1)));
        return entries;
    }

    private static ContestDetails Details(string description) => new("Cuộc thi viết về Bác", description,
        DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(10), 100, [], 1, [new PrizeTier("Giải nhất", 1)], []);

    [Fact]
    public async Task Given_a_description_with_U0000_that_reaches_the_grain_When_announced_Then_it_is_refused_at_once_naming_the_field_and_the_grain_goes_on()
    {
        var scenario = await ContestScenario.OpenNowAsync(Http);
        var contestId = $"NUL-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        var grain = fixture.Node.Grains.GetGrain<IContestGrain>(contestId);
        var clock = Stopwatch.StartNew();

        var refused = await grain.Announce(new AnnounceContest(scenario.Bloc, ContestKind.Writing, Details("a\u0000b")), Context);

        Assert.True(clock.Elapsed < Prompt, $"answered after {clock.Elapsed}");
        Assert.Equal((RejectionKind.Invalid, "details.description"), (refused.Rejection?.Kind, refused.Rejection?.Field));
        Assert.Equal(0, await EventsIn(Contest.StreamIdFor(contestId)));
        Assert.Equal(1, fixture.Journal.AppendsTo(Contest.StreamIdFor(contestId)));
        var announced = await grain.Announce(new AnnounceContest(scenario.Bloc, ContestKind.Writing, Details("Viết về tấm gương của Bác")), Context);
        Assert.True(announced.Succeeded, announced.Rejection?.Reason);
        Assert.Equal(1, await EventsIn(Contest.StreamIdFor(contestId)));
    }

    [Fact]
    public async Task Given_one_unstorable_command_among_concurrent_ones_When_written_together_Then_only_it_is_refused_and_the_others_are_stored()
    {
        var scenario = await ContestScenario.OpenNowAsync(Http);
        var records = fixture.Node.Grains.GetGrain<ICommitteeRecordsGrain>(scenario.CellA);
        var registered = await records.RegisterProgramme(new RegisterModelProgramme("MH-1", "Dân vận khéo", "DanVanKheo", "Kinh tế", new DateOnly(2020, 1, 1)), Context);
        Assert.True(registered.Succeeded, registered.Rejection?.Reason);

        var reviews = Enumerable.Range(1, 12).Select(day =>
            records.MaintainProgramme(new MaintainModelProgramme("MH-1", new DateOnly(2021, 1, day), day == 6 ? "a\u0000b" : $"Duy trì tốt {day}"), Context)).ToList();
        var results = await Task.WhenAll(reviews);

        Assert.Equal((RejectionKind.Invalid, "note"), (results[5].Rejection?.Kind, results[5].Rejection?.Field));
        Assert.All(results.Where((_, i) => i != 5), r => Assert.True(r.Succeeded, r.Rejection?.Reason));
        Assert.Equal(12, await EventsIn(CommitteeRecordBook.StreamIdFor(scenario.CellA)));
        var book = await records.Get();
        Assert.Equal(11, book.Programmes.Values.Single().MaintainedOn.Count);
    }

    [Fact]
    public async Task Given_another_writer_appends_between_decide_and_write_When_an_entry_is_submitted_Then_it_is_decided_again_and_numbers_stay_dense()
    {
        var scenario = await ContestScenario.OpenNowAsync(Http);
        var stream = Contest.StreamIdFor(scenario.ContestId);
        for (var i = 1; i <= 3; i++)
            await Read<SubmissionReceiptResponse>(await Http.PostJson(scenario.Entries, scenario.Entry($"s-{i}")), HttpStatusCode.Created);
        // A second activation (another silo after a failover) stores entry 4 and the submission "both" just before our append.
        fixture.Journal.BeforeNextAppend(stream, async journal =>
        {
            Assert.True(await SecondWriter.SubmitAsync(journal, scenario.ContestId, new SubmitEntry("other", "Tác giả other", scenario.CellB, "Khát vọng vươn lên", 1_500, null, null),
                [scenario.CellB, scenario.Bloc, scenario.Province]));
            Assert.True(await SecondWriter.SubmitAsync(journal, scenario.ContestId, new SubmitEntry("both", "Tác giả both", scenario.CellA, "Khát vọng vươn lên", 1_500, null, null),
                [scenario.CellA, scenario.Bloc, scenario.Province]));
        });

        var sends = new[] { "s-4", "both" }.Select(id => Http.PostJson(scenario.Entries, scenario.Entry(id))).ToList();
        var receipts = await Task.WhenAll(sends.Select(async s => await Read<SubmissionReceiptResponse>(await s, HttpStatusCode.Created)));

        var stored = await StoredEntries(scenario.ContestId);
        Assert.Equal(Enumerable.Range(1, 6), stored.Select(e => e.Number));
        Assert.Equal(stored.Count, stored.Select(e => e.SubmissionId).Distinct().Count());
        Assert.Equal(stored.Single(e => e.SubmissionId == "both").Number, receipts.Single(r => r.SubmissionId == "both").EntryNumber);
        Assert.Equal(stored.Single(e => e.SubmissionId == "s-4").Number, receipts.Single(r => r.SubmissionId == "s-4").EntryNumber);
        var tally = await Read<ContestTally>(await Http.GetAsync($"/api/contests/{scenario.ContestId}/tally"), HttpStatusCode.OK);
        Assert.Equal(6, tally.Accepted);
    }

    [Fact]
    public async Task Given_an_acknowledgement_lost_after_the_commit_When_an_entry_is_submitted_Then_it_is_acknowledged_and_stored_once()
    {
        var scenario = await ContestScenario.OpenNowAsync(Http);
        var stream = Contest.StreamIdFor(scenario.ContestId);
        fixture.Journal.LoseAcknowledgements(stream);

        var receipt = await Read<SubmissionReceiptResponse>(await Http.PostJson(scenario.Entries, scenario.Entry("lost-ack")), HttpStatusCode.Created);

        Assert.Equal(1, receipt.EntryNumber);
        Assert.Equal([(1, "lost-ack")], await StoredEntries(scenario.ContestId));
    }

    [Fact]
    public async Task Given_a_store_that_cannot_settle_a_write_When_an_entry_is_submitted_Then_it_is_a_503_within_seconds_and_the_same_request_later_is_stored_once()
    {
        var scenario = await ContestScenario.OpenNowAsync(Http);
        var stream = Contest.StreamIdFor(scenario.ContestId);
        // The commit lands, but neither its answer nor any lookup comes back: the grain cannot know, so it gives up.
        fixture.Journal.LoseAcknowledgements(stream);
        fixture.Journal.FailLookups(stream, int.MaxValue);
        var metricsBefore = await Metrics();
        var clock = Stopwatch.StartNew();

        var response = await Http.PostJson(scenario.Entries, scenario.Entry("in-doubt"));

        Assert.True(clock.Elapsed < Prompt, $"answered after {clock.Elapsed}");
        await AssertProblem(response, HttpStatusCode.ServiceUnavailable, "cluster");
        // A grain that gave up shows in the metrics, with the unknown outcome that made it.
        const string givenUp = "tuyengiao_eventstore_writers_given_up_total";
        const string failures = "tuyengiao_eventstore_append_failures_total";
        var metricsAfter = await Metrics();
        for (var wait = 0; wait < 50 && metricsAfter.Sum(givenUp, ("stream_kind", "contest")) <= metricsBefore.Sum(givenUp, ("stream_kind", "contest")); wait++)
        {
            await Task.Delay(100);
            metricsAfter = await Metrics();
        }
        Assert.Equal(1, metricsAfter.Sum(givenUp, ("stream_kind", "contest")) - metricsBefore.Sum(givenUp, ("stream_kind", "contest")));
        Assert.True(metricsAfter.Sum(failures, ("failure", "unknown")) > metricsBefore.Sum(failures, ("failure", "unknown")));
        Assert.Equal(0, metricsAfter.Sum("tuyengiao_eventstore_streams_in_doubt", ("stream_kind", "contest")));
        Assert.True(response.Headers.RetryAfter is not null, "a 503 says when to retry");
        Assert.Equal(2, fixture.Journal.AppendsTo(stream)); // the announcement, then the entry once: never sent blindly again

        fixture.Journal.Heal(stream);
        var receipt = await RetryUntilAnswered(() => Http.PostJson(scenario.Entries, scenario.Entry("in-doubt")));
        Assert.Equal(1, receipt.EntryNumber);
        Assert.Equal([(1, "in-doubt")], await StoredEntries(scenario.ContestId));
    }

    [Fact]
    public async Task Given_connections_lost_before_the_commit_When_an_entry_is_submitted_Then_it_is_sent_again_after_a_pause_and_stored_once()
    {
        var scenario = await ContestScenario.OpenNowAsync(Http);
        var stream = Contest.StreamIdFor(scenario.ContestId);
        fixture.Journal.DropBeforeCommit(stream, 1);

        var receipt = await Read<SubmissionReceiptResponse>(await Http.PostJson(scenario.Entries, scenario.Entry("dropped")), HttpStatusCode.Created);

        Assert.Equal(1, receipt.EntryNumber);
        Assert.Equal(3, fixture.Journal.AppendsTo(stream)); // the announcement, then the entry twice
        Assert.Equal([(1, "dropped")], await StoredEntries(scenario.ContestId));
    }

    private async Task<PrometheusText> Metrics() => new(await Http.GetStringAsync("/metrics"));

    /// <summary>A client's retry of a 503: the grain that gave up is deactivating; the next activation answers.</summary>
    private static async Task<SubmissionReceiptResponse> RetryUntilAnswered(Func<Task<HttpResponseMessage>> send)
    {
        for (var attempt = 0; ; attempt++)
        {
            var response = await send();
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt == 20)
                return await Read<SubmissionReceiptResponse>(response, HttpStatusCode.Created);
            await Task.Delay(200);
        }
    }
}

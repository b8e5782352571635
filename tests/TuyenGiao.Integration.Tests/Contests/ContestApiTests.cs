using System.Net;
using TuyenGiao.Access;
using TuyenGiao.Api.Contests;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Contests;

/// <summary>Contests over real HTTP, a real silo and a real PostgreSQL.</summary>
[Collection(NodeCollection.Name)]
public class ContestApiTests(NodeFixture fixture)
{
    private readonly HttpClient _http = fixture.Node.Http;

    private Task<long> StreamEvents(string contestId) =>
        fixture.Database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s", ("s", Contest.StreamIdFor(contestId)));

    private async Task<ContestTally> Tally(string contestId) =>
        await Read<ContestTally>(await _http.GetAsync($"/api/contests/{contestId}/tally"), HttpStatusCode.OK);

    [Fact]
    public async Task Given_an_entry_When_it_is_retried_with_the_same_submission_id_Then_the_first_receipt_comes_back_and_nothing_is_appended()
    {
        var contest = await ContestScenario.OpenNowAsync(_http);
        var first = await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("retry-1")), HttpStatusCode.Created);

        var again = await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("retry-1")), HttpStatusCode.Created);
        await AssertProblem(await contest.Submit(contest.Entry("retry-1", title: "Một bài khác")), HttpStatusCode.Conflict, "submissionId");

        Assert.Equal(first, again);
        Assert.Equal(2, await StreamEvents(contest.ContestId)); // the announcement and one entry
        Assert.Equal(1, (await Tally(contest.ContestId)).Accepted);
    }

    [Fact]
    public async Task Given_64_clients_When_they_send_2000_entries_at_once_Then_exactly_2000_are_accepted_and_the_committees_sum_to_them()
    {
        var contest = await ContestScenario.OpenNowAsync(_http, target: 1_277);
        var cells = new[] { contest.CellA, contest.CellB, contest.Bloc };
        var next = -1;
        var statuses = new HttpStatusCode[2_000];
        // 64 officers of the bloc, one per client, as many collecting committees would send at once.
        var officers = Enumerable.Range(0, 64).Select(k => fixture.Node.ClientAs($"officer-{contest.Bloc}-{k}", Role.Officer, contest.Bloc)).ToList();

        await Task.WhenAll(officers.Select(officer => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < 2_000; i = Interlocked.Increment(ref next))
                statuses[i] = (await contest.Submit(contest.Entry($"load-{i}", committee: cells[i % 3]), officer)).StatusCode;
        })));
        officers.ForEach(o => o.Dispose());

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        var tally = await Tally(contest.ContestId);
        Assert.Equal((2_000, 156.6m, 723), (tally.Accepted, tally.ProgressPercent, tally.OverTarget));
        var byCode = tally.ByCommittee.ToDictionary(c => c.Code);
        Assert.Equal(2_000, byCode[contest.Bloc].Accepted);
        Assert.Equal(2_000, byCode[contest.Province].Accepted);
        Assert.Equal(2_000, byCode[contest.CellA].OwnAccepted + byCode[contest.CellB].OwnAccepted + byCode[contest.Bloc].OwnAccepted);
        Assert.Equal(2_000, tally.ByDay.Sum(d => d.Accepted));
        Assert.Equal(2_001, await StreamEvents(contest.ContestId));
        var transactions = await fixture.Database.ScalarAsync(
            "SELECT count(DISTINCT xmin::text) FROM tuyengiao.mt_events WHERE stream_id = @s", ("s", Contest.StreamIdFor(contest.ContestId)));
        Assert.True(transactions < 1_000, $"2,000 entries took {transactions} transactions: submissions are not being batched");
    }

    [Fact]
    public async Task Given_a_contest_with_entries_When_its_grain_is_reactivated_from_storage_Then_the_tally_is_the_same()
    {
        var contest = await ContestScenario.OpenNowAsync(_http, perAuthorLimit: 3);
        for (var i = 0; i < 30; i++)
            await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry($"r-{i}", committee: i % 2 == 0 ? contest.CellA : contest.CellB)), HttpStatusCode.Created);
        await Read<ContestTally>(await _http.PostAsync($"{contest.Entries}/r-3/withdrawal", null), HttpStatusCode.OK);
        await Read<ContestTally>(await _http.PostJson($"{contest.Entries}/5/disqualification", new { reason = "Sao chép bài viết" }), HttpStatusCode.OK);
        var before = await Tally(contest.ContestId);

        await fixture.Node.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var after = await Tally(contest.ContestId);

        Assert.Equal((28, 1, 1), (after.Accepted, after.Withdrawn, after.Disqualified));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before, Json), System.Text.Json.JsonSerializer.Serialize(after, Json));
        // The retry of an entry accepted before the reactivation still gets its first receipt.
        var retry = await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("r-7", committee: contest.CellB)), HttpStatusCode.Created);
        Assert.Equal(8, retry.EntryNumber);
    }

    [Fact]
    public async Task Given_entries_When_one_is_withdrawn_and_one_disqualified_Then_the_counts_adjust_and_the_events_stay()
    {
        var contest = await ContestScenario.OpenNowAsync(_http);
        await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("w-1")), HttpStatusCode.Created);
        await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("w-2", committee: contest.CellB)), HttpStatusCode.Created);

        await Read<ContestTally>(await _http.PostAsync($"{contest.Entries}/w-1/withdrawal", null), HttpStatusCode.OK);
        var tally = await Read<ContestTally>(await _http.PostJson($"{contest.Entries}/2/disqualification", new { reason = "Không đúng chủ đề" }), HttpStatusCode.OK);

        Assert.Equal((0, 1, 1), (tally.Accepted, tally.Withdrawn, tally.Disqualified));
        Assert.Equal(new CommitteeTally(contest.Bloc, 0, 0, 1, 1, contest.Province), tally.ByCommittee.Single(c => c.Code == contest.Bloc));
        Assert.Equal(5, await StreamEvents(contest.ContestId));
        await AssertProblem(await _http.PostJson($"{contest.Entries}/1/disqualification", new { reason = "x" }), HttpStatusCode.UnprocessableEntity, "entryNumber");
        await AssertProblem(await _http.PostAsync($"{contest.Entries}/nope/withdrawal", null), HttpStatusCode.NotFound, "submissionId");
    }

    public static TheoryData<string, string, HttpStatusCode, string> BadEntries => new()
    {
        { "missing fields", """{}""", HttpStatusCode.BadRequest, "submissionId" },
        { "empty title", """{"submissionId":"b-1","authorName":"An","committeeCode":"{CELL}","title":" ","words":10}""", HttpStatusCode.BadRequest, "title" },
        { "oversized text", """{"submissionId":"b-1","authorName":"An","committeeCode":"{CELL}","title":"Bài","words":100001}""", HttpStatusCode.BadRequest, "words" },
        { "zero-width in name", """{"submissionId":"b-1","authorName":"A\u200Bn","committeeCode":"{CELL}","title":"Bài","words":10}""", HttpStatusCode.BadRequest, "authorName" },
        { "submission id with a path", """{"submissionId":"../b-1","authorName":"An","committeeCode":"{CELL}","title":"Bài","words":10}""", HttpStatusCode.BadRequest, "submissionId" },
        { "quiz answers on a writing entry", """{"submissionId":"b-1","authorName":"An","committeeCode":"{CELL}","title":"Bài","words":10,"questionsAnswered":3,"questionsCorrect":1}""", HttpStatusCode.BadRequest, "questionsAnswered" },
        { "unknown field", """{"submissionId":"b-1","authorName":"An","committeeCode":"{CELL}","title":"Bài","words":10,"score":100}""", HttpStatusCode.BadRequest, "score" },
        { "words as text", """{"submissionId":"b-1","authorName":"An","committeeCode":"{CELL}","title":"Bài","words":"many"}""", HttpStatusCode.BadRequest, "words" },
        { "unknown committee", """{"submissionId":"b-1","authorName":"An","committeeCode":"NOPE-X","title":"Bài","words":10}""", HttpStatusCode.NotFound, "committeeCode" },
        { "ineligible committee", """{"submissionId":"b-1","authorName":"An","committeeCode":"{PROVINCE}","title":"Bài","words":10}""", HttpStatusCode.UnprocessableEntity, "committeeCode" },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public async Task Given_a_bad_entry_When_submitted_Then_a_problem_names_the_field_and_nothing_is_stored(string _, string body, HttpStatusCode status, string field)
    {
        var contest = await ContestScenario.OpenNowAsync(_http);
        var events = await fixture.Database.EventCountAsync();

        await AssertProblem(await _http.PostRaw(contest.Entries, body.Replace("{CELL}", contest.CellA).Replace("{PROVINCE}", contest.Province)), status, field);

        Assert.Equal(events, await fixture.Database.EventCountAsync());
    }

    [Fact]
    public async Task Given_no_such_contest_When_submitting_or_reading_Then_404()
    {
        await AssertProblem(await _http.PostJson("/api/contests/NO-SUCH-CONTEST/entries", new { submissionId = "x", authorName = "An", committeeCode = "TV", title = "Bài", words = 10 }),
            HttpStatusCode.NotFound, "contestId");
        await AssertProblem(await _http.GetAsync("/api/contests/NO-SUCH-CONTEST/tally"), HttpStatusCode.NotFound, "contestId");
        await AssertProblem(await _http.GetAsync("/api/contests/NO-SUCH-CONTEST/tally/live"), HttpStatusCode.NotFound, "contestId");
    }

    [Fact]
    public async Task Given_an_anonymous_follower_on_the_live_stream_When_an_entry_is_accepted_Then_a_tally_including_it_arrives()
    {
        var contest = await ContestScenario.OpenNowAsync(_http);
        // The live tally is public: the follower has no token (its view is the public one, with the same event ids).
        using var anonymous = fixture.Node.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/contests/{contest.ContestId}/tally/live");
        using var response = await anonymous.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var events = new SseReader(stream);

        var initial = await events.NextTally(TimeSpan.FromSeconds(10));
        Assert.Equal(0, initial.Accepted);
        await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("live-1")), HttpStatusCode.Created);
        var updated = await events.NextTally(TimeSpan.FromSeconds(10));

        Assert.Equal(1, updated.Accepted);
        Assert.True(updated.Version > initial.Version);
        Assert.Equal(updated.Version.ToString(), events.LastEventId);
    }

    [Fact]
    public async Task Given_a_follower_that_reconnects_with_Last_Event_ID_When_it_connects_Then_it_gets_the_current_tally_at_once_and_then_the_next_change()
    {
        var contest = await ContestScenario.OpenNowAsync(_http);
        await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("seen-1")), HttpStatusCode.Created);
        var seen = await Tally(contest.ContestId);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/contests/{contest.ContestId}/tally/live");
        request.Headers.Add("Last-Event-ID", seen.Version.ToString());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        var events = new SseReader(await response.Content.ReadAsStreamAsync());
        var current = await events.NextTally(TimeSpan.FromSeconds(10));
        await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("new-2")), HttpStatusCode.Created);
        var next = await events.NextTally(TimeSpan.FromSeconds(10));

        Assert.Equal((1, seen.Version), (current.Accepted, current.Version));
        Assert.Equal(2, next.Accepted);
    }
}

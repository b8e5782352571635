using System.Net;
using System.Text.Json;
using TuyenGiao.Api.Contests;
using TuyenGiao.Api.PersonalData;
using TuyenGiao.Auditing;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using TuyenGiao.PersonalData;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.PersonalData;

/// <summary>Crypto-shredding end to end: names sealed at rest, a person erased across contests, a key lost, the access log.</summary>
public class PersonalDataErasureTests
{
    private const string Ngoc = "Trần Thị Bích Ngọc";
    private const string Tam = "Lê Văn Tám";

    private static readonly DateTimeOffset Opens = new(2023, 6, 1, 0, 0, 0, TimeSpan.FromHours(7));
    private static readonly DateTimeOffset Closes = new(2023, 7, 1, 0, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Given_a_person_in_two_contests_When_erased_Then_no_read_shows_their_name_and_counts_ranking_and_chain_are_unchanged()
    {
        var clock = new FixedClock(Opens.AddDays(1));
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"erase-{Guid.NewGuid():N}"[..16], clock);
        var http = node.Http;
        var first = await ContestScenario.CreateAsync(http, Opens, Closes);
        var second = await first.AnotherContestAsync(Opens, Closes);
        foreach (var contest in new[] { first, second })
        {
            await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("e-1", author: Ngoc)), HttpStatusCode.Created);
            await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("e-2", author: Tam, committee: contest.CellB)), HttpStatusCode.Created);
        }

        // At rest: the names are nowhere in the events nor in the entries' read model, in any normalisation.
        Assert.Equal(0, await database.ScalarAsync($"SELECT count(*) FROM tuyengiao.mt_events WHERE data::text LIKE '%Bích Ngọc%' OR data::text LIKE '%{Tam}%'"));
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM tuyengiao.contest_entries WHERE author_name LIKE '%Ng%c%' OR author_name LIKE '%Tám%'"));
        Assert.Equal(4, await database.ScalarAsync("SELECT count(*) FROM personal.data_keys"));

        // The first contest is judged and published: its prize holders are public, names opened.
        var root = $"/api/contests/{first.ContestId}";
        await Read<ContestTally>(await http.PostJson($"{root}/judges", new { judgeId = "gk-p", name = "Giám khảo Tỉnh", committeeCode = first.Province }), HttpStatusCode.OK);
        await Read<ContestTally>(await http.PutJson($"{root}/entries/1/scores", new { judgeId = "gk-p", score = 90 }), HttpStatusCode.OK);
        await Read<ContestTally>(await http.PutJson($"{root}/entries/2/scores", new { judgeId = "gk-p", score = 80 }), HttpStatusCode.OK);
        await Read<ContestTally>(await http.PostAsync($"{root}/awards/from-ranking", null), HttpStatusCode.OK);
        clock.Now = Closes;
        await Read<ContestTally>(await http.PostAsync($"{root}/results", null), HttpStatusCode.OK);
        var holders = await Read<List<PrizeHolderResponse>>(await http.GetAsync($"{root}/prize-holders"), HttpStatusCode.OK);
        Assert.Equal([Ngoc, Tam], holders.Where(h => h.EntryNumber is not null).Select(h => h.AuthorName));
        // The admin's read is recorded, with both people; the anonymous public's is not.
        using var anonymous = node.Anonymous();
        await Read<List<PrizeHolderResponse>>(await anonymous.GetAsync($"{root}/prize-holders"), HttpStatusCode.OK);
        var log = await Read<List<PersonalDataAccess>>(await http.GetAsync("/api/personal-data/access-log"), HttpStatusCode.OK);
        var read = Assert.Single(log);
        Assert.Equal(("test-admin", $"prize holders of contest {first.ContestId}", 2), (read.Actor, read.What, read.People.Count));
        var ngocsReads = await Read<List<PersonalDataAccess>>(
            await http.GetAsync($"/api/personal-data/access-log?authorName={Uri.EscapeDataString(Ngoc)}&committeeCode={first.CellA}"), HttpStatusCode.OK);
        Assert.Equal([read.Id], ngocsReads.Select(r => r.Id));

        var before = await FiguresAsync(http, first, second);

        var request = new { requestId = "xoa-1", authorName = Ngoc, committeeCode = first.CellA, legalBasis = "Đơn đề nghị ngày 01/08/2023; Nghị định 13/2023/NĐ-CP, Điều 16" };
        var erased = await Read<ErasureResponse>(await http.PostJson("/api/personal-data/erasures", request), HttpStatusCode.Created);
        Assert.Equal([($"contest/{first.ContestId}", 1L), ($"contest/{second.ContestId}", 1L)],
            erased.Held.OrderBy(h => h.StreamId == $"contest/{second.ContestId}").Select(h => (h.StreamId, h.DataKeys)));
        // Sent again, the first answer; the same id for someone else is refused.
        Assert.Equivalent(erased, await Read<ErasureResponse>(await http.PostJson("/api/personal-data/erasures", request), HttpStatusCode.OK), strict: true);
        await AssertProblem(await http.PostJson("/api/personal-data/erasures", request with { authorName = Tam }), HttpStatusCode.Conflict, "requestId");
        Assert.Equivalent(erased, await Read<ErasureResponse>(await http.GetAsync("/api/personal-data/erasures/xoa-1"), HttpStatusCode.OK), strict: true);

        holders = await Read<List<PrizeHolderResponse>>(await anonymous.GetAsync($"{root}/prize-holders"), HttpStatusCode.OK);
        Assert.Equal([SealedText.Erased, Tam], holders.Where(h => h.EntryNumber is not null).Select(h => h.AuthorName));
        foreach (var contest in new[] { first, second })
        {
            var stream = await (await http.GetAsync($"/api/audit/stream?id=contest/{contest.ContestId}")).Content.ReadAsStringAsync();
            var export = await (await http.GetAsync($"/api/audit/export?stream=contest/{contest.ContestId}&format=csv")).Content.ReadAsStringAsync();
            foreach (var text in new[] { stream, export })
            {
                Assert.DoesNotContain("Ngọc", text);
                Assert.Contains(SealedText.Erased, text);
                Assert.Contains(Tam, text);
            }
        }
        var feed = await (await http.GetAsync("/api/audit/events?limit=1000")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Ngọc", feed);
        // The erasure is itself an event, naming the person by pseudonym only.
        var erasure = await Read<EventPage>(await http.GetAsync("/api/audit/stream?id=erasure/xoa-1"), HttpStatusCode.OK);
        Assert.Equal(("person_erased", "test-admin"), (Assert.Single(erasure.Events).Type, erasure.Events[0].Actor));
        Assert.DoesNotContain("Ngọc", erasure.Events[0].Data.GetRawText());
        Assert.Equal(before, await FiguresAsync(http, first, second));

        // A data key lost (not erased: simply gone) reads as erased, never as an error: Tám's, the one key left there.
        Assert.Equal(1, await database.ScalarAsync($"""
            WITH lost AS (DELETE FROM personal.data_keys k USING tuyengiao.mt_events e
                          WHERE e.stream_id = 'contest/{second.ContestId}' AND k.event_id = e.id RETURNING 1)
            SELECT count(*) FROM lost
            """));
        var lost = await Read<EventPage>(await http.GetAsync($"/api/audit/stream?id=contest/{second.ContestId}"), HttpStatusCode.OK);
        Assert.Equal([SealedText.Erased, SealedText.Erased],
            lost.Events.Where(e => e.Type == "entry_submitted").Select(e => e.Data.GetProperty("authorName").GetString()));
    }

    [Fact]
    public async Task Given_a_name_that_imitates_a_sealed_one_When_submitted_Then_it_is_refused_at_the_edge()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"seal-{Guid.NewGuid():N}"[..16]);
        var contest = await ContestScenario.OpenNowAsync(node.Http);

        var problem = await AssertProblem(await contest.Submit(contest.Entry("e-1", author: "\uFDD0AAAAAAAAAAAAAAAAAAAAAA.AAAA")), HttpStatusCode.BadRequest, "authorName");

        Assert.Contains("U+FDD0", problem.GetProperty("errors").GetProperty("authorName")[0].GetString());
    }

    /// <summary>What an erasure must not change: both contests' tallies and the first's ranking, the chain's verification, and a replay.</summary>
    private static async Task<string> FiguresAsync(HttpClient http, ContestScenario first, ContestScenario second)
    {
        var figures = new List<string>();
        foreach (var contest in new[] { first, second })
        {
            var tally = await Read<JsonElement>(await http.GetAsync($"/api/contests/{contest.ContestId}/tally"), HttpStatusCode.OK);
            figures.Add(JsonSerializer.Serialize(new { tally = tally.GetProperty("accepted"), byCommittee = tally.GetProperty("byCommittee"), awards = tally.GetProperty("awards") }));
        }
        figures.Add(await (await http.GetAsync($"/api/contests/{first.ContestId}/ranking")).Content.ReadAsStringAsync());
        var integrity = await Read<IntegrityReport>(await http.GetAsync("/api/audit/integrity"), HttpStatusCode.OK);
        Assert.True(integrity.Intact, string.Join("; ", integrity.Broken));
        using var replay = await http.PostAsync("/api/admin/replay", null);
        var report = await replay.Content.ReadAsStringAsync();
        Assert.Contains("\"reconciled\":true", report);
        return string.Join("\n", figures);
    }
}

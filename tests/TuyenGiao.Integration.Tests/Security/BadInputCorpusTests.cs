using System.Net;
using System.Text;
using TuyenGiao.Api.Contests;
using TuyenGiao.Integration.Tests.Campaigns;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Security;

/// <summary>
/// A corpus of bad requests, sent by an admin (so that no refusal is about permissions): each gets a 4xx
/// ProblemDetails with the status expected, none a 5xx, and the event store does not grow by one row.
/// </summary>
[Collection(NodeCollection.Name)]
public class BadInputCorpusTests(NodeFixture fixture)
{
    private sealed record Bad(string Name, HttpMethod Method, string Url, byte[]? Body, HttpStatusCode Expected, string ContentType = "application/json");

    private static Bad Json(string name, HttpMethod method, string url, string body, HttpStatusCode expected = HttpStatusCode.BadRequest) =>
        new(name, method, url, Encoding.UTF8.GetBytes(body), expected);

    [Fact]
    public async Task Given_a_corpus_of_bad_inputs_When_each_is_sent_Then_each_gets_a_4xx_problem_and_the_event_store_is_unchanged()
    {
        var http = fixture.Node.Http;
        var h = await HierarchyScenario.CreateAsync(http);
        var contest = $"CORPUS-{h.Suffix}";
        var campaign = $"CORPUS-K-{h.Suffix}";
        await Read<ContestResponse>(await http.PostJson("/api/contests", new
        {
            contestId = contest, organiserCode = h.City, kind = "Writing", title = "Cuộc thi viết",
            opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddDays(30), target = 100, perAuthorLimit = 1,
        }), HttpStatusCode.Created);
        // The author's name in NFC; the corpus sends it again in NFD under another submission id.
        await Read<SubmissionReceiptResponse>(await http.PostJson($"/api/contests/{contest}/entries", new
        {
            submissionId = "nfc-1", authorName = "Nguyễn Thị Hoà".Normalize(NormalizationForm.FormC), committeeCode = h.CellA1, title = "Khát vọng", words = 1_200,
        }), HttpStatusCode.Created);
        await Read<object>(await http.PostJson("/api/campaigns", new
        {
            campaignId = campaign, launcherCode = h.City, title = "Học tập Nghị quyết", kind = "StudyDrive", periodStart = "2023-01-01", periodEnd = "2023-12-31",
        }), HttpStatusCode.Created);

        var post = HttpMethod.Post;
        var put = HttpMethod.Put;
        var get = HttpMethod.Get;
        var committees = "/api/committees";
        var entries = $"/api/contests/{contest}/entries";
        var reports = $"/api/campaigns/{campaign}/reports";
        var records = $"/api/committees/{h.DistrictA}";
        string Committee(string code = "BAD-1", string name = "Tỉnh ủy", string level = "Province", string members = "1") =>
            $$"""{"code":"{{code}}","name":"{{name}}","level":"{{level}}","memberCount":{{members}}}""";
        string Entry(string id = "bad-1", string author = "Lê Văn Tám", string committee = "", string words = "1200", string title = "Bài viết") =>
            $$"""{"submissionId":"{{id}}","authorName":"{{author}}","committeeCode":"{{(committee == "" ? h.CellA1 : committee)}}","title":"{{title}}","words":{{words}}}""";
        string Report(string figures, string start = "2023-01-01", string end = "2023-06-30") =>
            $$"""{"reportId":"bad-r","committeeCode":"{{h.DistrictA}}","periodStart":"{{start}}","periodEnd":"{{end}}","figures":{{figures}}}""";
        var invalidUtf8 = Encoding.UTF8.GetBytes("{\"code\":\"BAD-U\",\"name\":\"T").Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(
            Encoding.UTF8.GetBytes("\",\"level\":\"Province\",\"memberCount\":1}")).ToArray();

        Bad[] corpus =
        [
            // Malformed JSON.
            Json("truncated object", post, committees, """{"code":"BAD-1","""),
            Json("missing value", post, committees, """{"code":}"""),
            Json("array instead of object", post, committees, "[]"),
            Json("string instead of object", post, committees, "\"Tỉnh ủy\""),
            Json("literal null body", post, committees, "null"),
            Json("empty body", post, committees, ""),
            Json("trailing comma", post, committees, """{"code":"BAD-1","name":"Tỉnh","level":"Province","memberCount":1,}"""),
            Json("single quotes", post, committees, "{'code':'BAD-1'}"),
            Json("comment", post, committees, """{/* c */"code":"BAD-1","name":"Tỉnh","level":"Province","memberCount":1}"""),
            Json("duplicate field", post, committees, """{"code":"BAD-1","code":"BAD-2","name":"Tỉnh","level":"Province","memberCount":1}"""),
            Json("unknown field", post, committees, """{"code":"BAD-1","name":"Tỉnh","level":"Province","memberCount":1,"isAdmin":true}"""),
            Json("two documents", post, committees, Committee() + Committee()),
            new("invalid UTF-8", post, committees, invalidUtf8, HttpStatusCode.BadRequest),
            new("not JSON content type", post, committees, Encoding.UTF8.GetBytes(Committee()), HttpStatusCode.UnsupportedMediaType, "text/plain"),

            // Huge bodies.
            new("body over the limit", post, committees, Encoding.UTF8.GetBytes(Committee(name: new string('a', 70_000))), HttpStatusCode.RequestEntityTooLarge),
            new("ten megabytes", post, entries, new byte[10 * 1024 * 1024], HttpStatusCode.RequestEntityTooLarge),

            // Wrong types and values out of range.
            Json("count as a string", post, committees, Committee(members: "\"mười\"")),
            Json("count as a fraction", post, committees, Committee(members: "1.5")),
            Json("count beyond a 32-bit integer", post, committees, Committee(members: "1e20")),
            Json("negative member count", post, committees, Committee(members: "-1")),
            Json("enum as a number", post, committees, Committee().Replace("\"Province\"", "1")),
            Json("enum not in the list", post, committees, Committee(level: "Ward")),
            Json("negative words", post, entries, Entry(words: "-5")),
            Json("zero words", post, entries, Entry(words: "0")),
            Json("words beyond the maximum", post, entries, Entry(words: "100001")),
            Json("negative party members in a report", post, reports, Report("""{"partyMembers":-1}""")),
            Json("more studied than members", post, reports, Report("""{"partyMembers":10,"membersStudied":11}""")),
            Json("negative collectives", post, $"{records}/commendations",
                """{"commendationId":"c1","form":"GiayKhen","awardingLevel":"Province","awardedBy":"UBND tỉnh","collectives":-1,"awardedOn":"2023-05-01"}"""),
            Json("negative target", post, "/api/contests",
                $$"""{"contestId":"NEG-{{h.Suffix}}","organiserCode":"{{h.City}}","kind":"Writing","title":"T","opensAt":"2030-01-01T00:00:00Z","closesAt":"2030-02-01T00:00:00Z","target":-1}"""),
            Json("score over 100", put, $"/api/contests/{contest}/entries/1/scores", """{"judgeId":"gk-none","score":101}"""),

            // Dates that do not exist or are out of order.
            Json("30 February", post, reports, Report("""{"partyMembers":10}""", end: "2023-02-30")),
            Json("month 13", post, reports, Report("""{"partyMembers":10}""", start: "2023-13-01")),
            Json("year zero", post, reports, Report("""{"partyMembers":10}""", start: "0000-01-01")),
            Json("hour 25", post, "/api/contests",
                $$"""{"contestId":"H25-{{h.Suffix}}","organiserCode":"{{h.City}}","kind":"Writing","title":"T","opensAt":"2030-01-01T25:00:00Z","closesAt":"2030-02-01T00:00:00Z","target":1}"""),
            Json("period ending before it starts", post, reports, Report("""{"partyMembers":10}""", start: "2023-06-30", end: "2023-01-01")),
            Json("report outside the campaign", post, reports, Report("""{"partyMembers":10}""", start: "2019-01-01", end: "2019-06-30"), HttpStatusCode.UnprocessableEntity),
            Json("contest closing before it opens", post, "/api/contests",
                $$"""{"contestId":"ORD-{{h.Suffix}}","organiserCode":"{{h.City}}","kind":"Writing","title":"T","opensAt":"2030-02-01T00:00:00Z","closesAt":"2030-01-01T00:00:00Z","target":1}"""),
            new("asOf not a moment", get, $"/api/contests/{contest}/tally?asOf=yesterday", null, HttpStatusCode.BadRequest),
            new("version zero", get, $"/api/contests/{contest}/tally?version=0", null, HttpStatusCode.BadRequest),
            new("page size not a number", get, "/api/audit/events?limit=many", null, HttpStatusCode.BadRequest),

            // Text: control and invisible characters, unpaired surrogates, lengths, NFD twins.
            Json("zero-width space in a name", post, committees, Committee(name: "Ban\\u200BTuyên giáo")),
            Json("right-to-left override in a name", post, committees, Committee(name: "Ban \\u202Egiáo")),
            Json("bell character in a title", post, entries, Entry(title: "Bài\\u0007 viết")),
            Json("unpaired surrogate in an author", post, entries, Entry(author: "Lê \\uD800 Tám")),
            Json("empty author", post, entries, Entry(author: "   ")),
            Json("author over 200 characters", post, entries, Entry(author: new string('ễ', 201))),
            Json("name over 200 characters", post, committees, Committee(name: new string('a', 201))),
            Json("same author in NFD after NFC", post, entries, Entry(id: "nfd-1", author: "Nguyễn Thị Hoà".Normalize(NormalizationForm.FormD)), HttpStatusCode.UnprocessableEntity),
            Json("same submission in NFD with another title", post, entries,
                Entry(id: "nfc-1", author: "Nguyễn Thị Hoà".Normalize(NormalizationForm.FormD), title: "Khác"), HttpStatusCode.Conflict),

            // Ids with path characters, and SQL where an identifier belongs.
            Json("code with a slash", post, committees, Committee(code: "TV/../X")),
            Json("code with dots", post, committees, Committee(code: "..")),
            Json("code with spaces", post, committees, Committee(code: "TV KHOI")),
            Json("code with Vietnamese letters", post, committees, Committee(code: "TRÀ-VINH")),
            Json("SQL in a code", post, committees, Committee(code: "X'; DROP TABLE tuyengiao.mt_events;--")),
            Json("SQL in an enum", post, committees, Committee(level: "Province' OR '1'='1")),
            Json("SQL in a committee of an entry", post, entries, Entry(committee: "1' OR '1'='1"), HttpStatusCode.BadRequest),
            new("encoded traversal in a contest id", get, "/api/contests/..%2F..%2Fetc%2Fpasswd/tally", null, HttpStatusCode.BadRequest),
            new("SQL in a contest id", post, "/api/contests/X'%20OR%201=1--/entries", Encoding.UTF8.GetBytes(Entry()), HttpStatusCode.BadRequest),
            new("SQL in a committee route", get, "/api/committees/TV'%3B--/records", null, HttpStatusCode.BadRequest),
            new("SQL in a query parameter", get, $"/api/committees/{h.City}/reports/period?from=2023-01-01&to=2023-12-31&format=csv';--", null, HttpStatusCode.BadRequest),
            Json("programme id with a slash", post, $"{records}/model-programmes",
                """{"programmeId":"../../x","name":"Dân vận khéo","programmeType":"Dân vận khéo","startedOn":"2023-01-01"}"""),

            // Shape: required fields missing.
            Json("entry without an author", post, entries, """{"submissionId":"x","committeeCode":"TV","title":"T","words":10}"""),
            Json("report without figures", post, reports, $$"""{"reportId":"r","committeeCode":"{{h.DistrictA}}","periodStart":"2023-01-01","periodEnd":"2023-02-01"}"""),
        ];

        var before = await fixture.Database.EventCountAsync();
        var mismatches = new List<string>();
        foreach (var bad in corpus)
        {
            using var request = new HttpRequestMessage(bad.Method, bad.Url);
            if (bad.Body is not null)
                request.Content = new ByteArrayContent(bad.Body) { Headers = { { "Content-Type", bad.ContentType } } };
            // As a careful client would: a server that refuses a large body can say so before the body is sent,
            // instead of closing the connection under the client's feet.
            request.Headers.ExpectContinue = bad.Body?.Length > 64 * 1024;
            using var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != bad.Expected)
                mismatches.Add($"{bad.Name}: expected {(int)bad.Expected}, got {(int)response.StatusCode} {Shorten(text)}");
            else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json" || !text.Contains("\"errors\"", StringComparison.Ordinal))
                mismatches.Add($"{bad.Name}: not a ProblemDetails naming a field: {Shorten(text)}");
        }

        Assert.True(corpus.Length >= 50, $"the corpus has only {corpus.Length} inputs");
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {corpus.Length} inputs answered otherwise:\n{string.Join("\n", mismatches)}");
        Assert.Equal(before, await fixture.Database.EventCountAsync());
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;
}

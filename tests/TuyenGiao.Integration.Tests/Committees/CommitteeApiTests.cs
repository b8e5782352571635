using System.Net;
using System.Text;
using System.Text.Json;
using TuyenGiao.Api.Committees;
using TuyenGiao.Committees;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Committees.CommitteeSetup;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Committees;

/// <summary>Committees over real HTTP, a real silo and a real PostgreSQL.</summary>
[Collection(NodeCollection.Name)]
public class CommitteeApiTests(NodeFixture fixture)
{
    private readonly HttpClient _http = fixture.Node.Http;

    private Task<CommitteeResponse> Register(string code, string name, CommitteeLevel level, string? parent, int members = 100) =>
        _http.Register(code, name, level, parent, members);

    [Fact]
    public async Task Given_a_three_level_hierarchy_When_queried_Then_children_subtree_and_path_follow_it()
    {
        var province = NewCode("P");
        var bloc = NewCode("B");
        var cellA = NewCode("G");
        var cellB = NewCode("G");
        await Register(province, "Ban Tuyên giáo Tỉnh ủy Trà Vinh", CommitteeLevel.Province, null, 50_000);
        await Register(bloc, "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh", CommitteeLevel.Bloc, province, 6_110);
        await Register(cellA, "Đảng bộ Sở Giáo dục và Đào tạo", CommitteeLevel.Grassroots, bloc, 120);
        await Register(cellB, "Đảng bộ Sở Y tế", CommitteeLevel.Grassroots, bloc, 95);

        var children = await Read<List<CommitteeResponse>>(await _http.GetAsync($"/api/committees/{bloc}/children"), HttpStatusCode.OK);
        Assert.Equal(new[] { cellA, cellB }.Order(), children.Select(c => c.Code).Order());

        var subtree = await Read<List<CommitteeNodeResponse>>(await _http.GetAsync($"/api/committees/{province}/subtree"), HttpStatusCode.OK);
        Assert.Equal(4, subtree.Count);
        Assert.Equal((province, 0), (subtree[0].Code, subtree[0].Depth));
        Assert.Equal((bloc, 1), (subtree[1].Code, subtree[1].Depth));
        Assert.All(subtree.Skip(2), n => Assert.Equal(2, n.Depth));

        var path = await Read<List<CommitteeResponse>>(await _http.GetAsync($"/api/committees/{cellA.ToLowerInvariant()}/path"), HttpStatusCode.OK);
        Assert.Equal([cellA, bloc, province], path.Select(c => c.Code));
    }

    [Fact]
    public async Task Given_committees_When_one_is_renamed_recounted_and_moved_Then_the_hierarchy_reflects_it()
    {
        var from = NewCode("P");
        var to = NewCode("P");
        var district = NewCode("D");
        await Register(from, "Tỉnh A", CommitteeLevel.Province, null);
        await Register(to, "Tỉnh B", CommitteeLevel.Province, null);
        await Register(district, "Huyện Cờ Đỏ", CommitteeLevel.District, from);

        await Read<CommitteeResponse>(await _http.PutJson($"/api/committees/{district}/name", new { name = "Huyện ủy Cờ Đỏ" }), HttpStatusCode.OK);
        await Read<CommitteeResponse>(await _http.PutJson($"/api/committees/{district}/member-count", new { memberCount = 5_700 }), HttpStatusCode.OK);
        var moved = await Read<CommitteeResponse>(await _http.PutJson($"/api/committees/{district}/parent", new { parentCode = to }), HttpStatusCode.OK);

        Assert.Equal(("Huyện ủy Cờ Đỏ", 5_700, to, 4L), (moved.Name, moved.MemberCount, moved.ParentCode, moved.Version));
        Assert.Empty(await Read<List<CommitteeResponse>>(await _http.GetAsync($"/api/committees/{from}/children"), HttpStatusCode.OK));
        Assert.Single(await Read<List<CommitteeResponse>>(await _http.GetAsync($"/api/committees/{to}/children"), HttpStatusCode.OK));
    }

    [Fact]
    public async Task Given_a_name_in_NFD_When_registered_Then_it_reads_back_in_NFC_and_the_event_carries_it_exactly()
    {
        var code = NewCode("P");
        var nfd = "Khát vọng Trà Vinh – Tuyên giáo".Normalize(NormalizationForm.FormD);

        var created = await Register(code, nfd, CommitteeLevel.Province, null);

        Assert.Equal("Khát vọng Trà Vinh – Tuyên giáo", created.Name);
        var fetched = await Read<CommitteeResponse>(await _http.GetAsync($"/api/committees/{code}"), HttpStatusCode.OK);
        Assert.Equal("Khát vọng Trà Vinh – Tuyên giáo", fetched.Name);
        var stored = await fixture.Database.ScalarAsync(
            "SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s AND data->>'name' = @n",
            ("s", $"committee/{code}"), ("n", "Khát vọng Trà Vinh – Tuyên giáo"));
        Assert.Equal(1, stored);
    }

    [Fact]
    public async Task Given_a_correlation_id_header_When_a_command_is_sent_Then_the_event_records_it_with_the_actor_and_a_UTC_time()
    {
        var code = NewCode("P");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/committees")
        {
            Content = JsonContent(new { code, name = "Tỉnh C", level = "Province", memberCount = 10 }),
        };
        request.Headers.Add("X-Correlation-Id", "audit-2023-06-30");
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("audit-2023-06-30", response.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Equal(1, await fixture.Database.ScalarAsync(
            "SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s AND correlation_id = 'audit-2023-06-30' " +
            "AND user_name = 'test-admin' AND timestamp BETWEEN @from AND now() + interval '5 seconds'",
            ("s", $"committee/{code}"), ("from", before)));
    }

    public static TheoryData<string, string, HttpStatusCode, string> BadRegistrations => new()
    {
        { "missing fields", """{}""", HttpStatusCode.BadRequest, "code" },
        { "empty name", """{"code":"BAD-1","name":"  ","level":"Province","memberCount":1}""", HttpStatusCode.BadRequest, "name" },
        { "oversized name", $$"""{"code":"BAD-1","name":"{{new string('a', 201)}}","level":"Province","memberCount":1}""", HttpStatusCode.BadRequest, "name" },
        { "zero-width character", """{"code":"BAD-1","name":"Ban\u200BTuyên","level":"Province","memberCount":1}""", HttpStatusCode.BadRequest, "name" },
        { "unknown level", """{"code":"BAD-1","name":"Ban","level":"Village","memberCount":1}""", HttpStatusCode.BadRequest, "level" },
        { "level as a number", """{"code":"BAD-1","name":"Ban","level":1,"memberCount":1}""", HttpStatusCode.BadRequest, "level" },
        { "negative members", """{"code":"BAD-1","name":"Ban","level":"Province","memberCount":-3}""", HttpStatusCode.BadRequest, "memberCount" },
        { "members overflow", """{"code":"BAD-1","name":"Ban","level":"Province","memberCount":99999999999}""", HttpStatusCode.BadRequest, "memberCount" },
        { "code with a path", """{"code":"../etc","name":"Ban","level":"Province","memberCount":1}""", HttpStatusCode.BadRequest, "code" },
        { "unknown field", """{"code":"BAD-1","name":"Ban","level":"Province","memberCount":1,"admin":true}""", HttpStatusCode.BadRequest, "admin" },
        { "malformed JSON", """{"code":"BAD-1",""", HttpStatusCode.BadRequest, "body" },
        { "unknown parent", """{"code":"BAD-1","name":"Ban","level":"District","parentCode":"NO-SUCH","memberCount":1}""", HttpStatusCode.NotFound, "parentCode" },
        { "district without parent", """{"code":"BAD-1","name":"Ban","level":"District","memberCount":1}""", HttpStatusCode.BadRequest, "parentCode" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task Given_bad_input_When_registering_Then_a_problem_names_the_field_and_nothing_is_stored(string _, string body, HttpStatusCode status, string field)
    {
        var eventsBefore = await fixture.Database.EventCountAsync();

        await AssertProblem(await _http.PostRaw("/api/committees", body), status, field);

        Assert.Equal(eventsBefore, await fixture.Database.EventCountAsync());
    }

    [Fact]
    public async Task Given_a_registered_code_When_registered_again_Then_409_and_the_first_stays()
    {
        var code = NewCode("P");
        await Register(code, "Tỉnh gốc", CommitteeLevel.Province, null);
        var eventsBefore = await fixture.Database.EventCountAsync();

        await AssertProblem(await _http.PostJson("/api/committees", new { code, name = "Trùng", level = "Province", memberCount = 1 }), HttpStatusCode.Conflict, "code");

        Assert.Equal(eventsBefore, await fixture.Database.EventCountAsync());
        Assert.Equal("Tỉnh gốc", (await Read<CommitteeResponse>(await _http.GetAsync($"/api/committees/{code}"), HttpStatusCode.OK)).Name);
    }

    [Fact]
    public async Task Given_a_hierarchy_When_a_committee_is_moved_below_itself_or_to_a_wrong_level_Then_409_and_nothing_is_stored()
    {
        var province = NewCode("P");
        var bloc = NewCode("B");
        var cell = NewCode("G");
        await Register(province, "Tỉnh", CommitteeLevel.Province, null);
        await Register(bloc, "Khối", CommitteeLevel.Bloc, province);
        await Register(cell, "Cơ sở", CommitteeLevel.Grassroots, bloc);
        var eventsBefore = await fixture.Database.EventCountAsync();

        await AssertProblem(await _http.PutJson($"/api/committees/{province}/parent", new { parentCode = cell }), HttpStatusCode.Conflict, "parentCode");
        await AssertProblem(await _http.PutJson($"/api/committees/{bloc}/parent", new { parentCode = cell }), HttpStatusCode.Conflict, "parentCode");
        await AssertProblem(await _http.PutJson($"/api/committees/{cell}/parent", new { parentCode = "NO-SUCH" }), HttpStatusCode.NotFound, "parentCode");
        await AssertProblem(await _http.PutJson($"/api/committees/{cell}/member-count", new { memberCount = -1 }), HttpStatusCode.BadRequest, "memberCount");
        await AssertProblem(await _http.PutJson($"/api/committees/NO-SUCH/name", new { name = "Tên" }), HttpStatusCode.NotFound, "code");
        await AssertProblem(await _http.GetAsync("/api/committees/NO-SUCH"), HttpStatusCode.NotFound, "code");
        await AssertProblem(await _http.GetAsync("/api/committees/a%2Fb/subtree"), HttpStatusCode.BadRequest, "code");

        Assert.Equal(eventsBefore, await fixture.Database.EventCountAsync());
    }

    private static StringContent JsonContent(object body) =>
        new(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json");
}

using System.Net;
using TuyenGiao.Api.Committees;
using TuyenGiao.Committees;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Committees.CommitteeSetup;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Committees;

/// <summary>The hierarchy as it stood on a day, from the committees' events, over real HTTP and PostgreSQL.</summary>
[Collection(NodeCollection.Name)]
public class HierarchyAsOfTests(NodeFixture fixture)
{
    private readonly HttpClient _http = fixture.Node.Http;

    [Fact]
    public async Task Given_a_cell_moved_today_from_its_district_to_the_province_When_asked_as_of_yesterday_and_today_Then_each_day_has_its_tree()
    {
        var (province, district, cell) = (NewCode("P"), NewCode("D"), NewCode("G"));
        await Register(province, "Ban Tuyên giáo Tỉnh ủy", CommitteeLevel.Province, null);
        await Register(district, "Ban Tuyên giáo Huyện ủy Cầu Kè", CommitteeLevel.District, province);
        await Register(cell, "Đảng bộ xã Hòa Ân", CommitteeLevel.Grassroots, district);
        await Read<CommitteeResponse>(await _http.PutJson($"/api/committees/{cell}/parent", new { parentCode = province }), HttpStatusCode.OK);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var yesterday = today.AddDays(-1);

        Assert.Equal([cell, district, province], await Path(cell, $"?asOf={yesterday:yyyy-MM-dd}"));
        Assert.Equal([cell, province], await Path(cell, $"?asOf={today:yyyy-MM-dd}"));
        Assert.Equal([cell, province], await Path(cell, ""));
        Assert.Equal([cell], await Children(district, yesterday));
        Assert.Empty(await Children(district, today));
        var then = await Read<List<CommitteeNodeResponse>>(await _http.GetAsync($"/api/committees/{province}/subtree?asOf={yesterday:yyyy-MM-dd}"), HttpStatusCode.OK);
        var now = await Read<List<CommitteeNodeResponse>>(await _http.GetAsync($"/api/committees/{province}/subtree?asOf={today:yyyy-MM-dd}"), HttpStatusCode.OK);
        Assert.Equal((2, district), (then.Single(n => n.Code == cell).Depth, then.Single(n => n.Code == cell).ParentCode));
        Assert.Equal((1, province), (now.Single(n => n.Code == cell).Depth, now.Single(n => n.Code == cell).ParentCode));
        Assert.Equal("Đảng bộ xã Hòa Ân", then.Single(n => n.Code == cell).Name);
    }

    [Fact]
    public async Task Given_an_unknown_committee_or_an_impossible_day_When_asked_as_of_Then_404_and_400_naming_the_field()
    {
        await AssertProblem(await _http.GetAsync($"/api/committees/{NewCode("X")}/path?asOf=2023-06-01"), HttpStatusCode.NotFound, "code");
        await AssertProblem(await _http.GetAsync($"/api/committees/{NewCode("X")}/children?asOf=2023-13-01"), HttpStatusCode.BadRequest, "asOf");
    }

    private Task<CommitteeResponse> Register(string code, string name, CommitteeLevel level, string? parent) => _http.Register(code, name, level, parent);

    private async Task<List<string>> Path(string code, string query) =>
        (await Read<List<CommitteeResponse>>(await _http.GetAsync($"/api/committees/{code}/path{query}"), HttpStatusCode.OK)).Select(c => c.Code).ToList();

    private async Task<List<string>> Children(string code, DateOnly day) =>
        (await Read<List<CommitteeResponse>>(await _http.GetAsync($"/api/committees/{code}/children?asOf={day:yyyy-MM-dd}"), HttpStatusCode.OK)).Select(c => c.Code).ToList();
}

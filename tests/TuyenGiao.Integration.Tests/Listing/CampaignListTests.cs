using System.Net;
using TuyenGiao.Access;
using TuyenGiao.Api.Campaigns;
using TuyenGiao.Campaigns;
using TuyenGiao.Integration.Tests.Campaigns;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Listing;

/// <summary>GET /api/campaigns over HTTP with real PostgreSQL: each user sees the campaigns of their branch of the hierarchy.</summary>
[Collection(NodeCollection.Name)]
public class CampaignListTests(NodeFixture fixture)
{
    private HttpClient Admin => fixture.Node.Http;

    private async Task Launch(string id, string launcher, string title, string kind = "StudyDrive") =>
        await Read<CampaignFigures>(await Admin.PostJson("/api/campaigns", new
        {
            campaignId = id, launcherCode = launcher, title, kind, periodStart = "2024-01-01", periodEnd = "2024-06-30", participants = Array.Empty<string>(),
        }), HttpStatusCode.Created);

    private static async Task<string[]> Ids(HttpClient client, string query) =>
        (await Read<CampaignListResponse>(await client.GetAsync($"/api/campaigns?{query}"), HttpStatusCode.OK)).Items.Select(i => i.CampaignId).ToArray();

    [Fact]
    public async Task Given_campaigns_of_a_city_and_its_two_districts_When_officers_list_them_Then_each_sees_its_own_those_above_and_below_and_not_a_sibling()
    {
        var h = await HierarchyScenario.CreateAsync(Admin);
        string city = $"CITY-{h.Suffix}", districtA = $"DA-{h.Suffix}", districtB = $"DB-{h.Suffix}";
        await Launch(city, h.City, "Học tập Nghị quyết Đại hội XIII");
        await Launch(districtA, h.DistrictA, "Tuyên truyền miệng quận Thốt Nốt", "PropagandaDrive");
        await Launch(districtB, h.DistrictB, "Chuyên đề năm huyện Cờ Đỏ", "AnnualTheme");
        await Read<CampaignFigures>(await Admin.PostJson($"/api/campaigns/{districtB}/closure", new { reason = "Hoàn thành" }), HttpStatusCode.OK);
        using var cityOfficer = fixture.Node.ClientAs("officer-city", Role.Officer, h.City);
        using var districtOfficer = fixture.Node.ClientAs("officer-tn", Role.Officer, h.DistrictA);
        using var cellOrganiser = fixture.Node.ClientAs("organiser-tn1", Role.Organiser, h.CellA1);
        using var auditor = fixture.Node.ClientAs("auditor-list", Role.Auditor);
        using var judge = fixture.Node.ClientAs("judge-list", Role.Judge);
        using var anonymous = fixture.Node.Anonymous();
        var scope = $"committee={h.City}";

        Assert.Equal([districtB, districtA, city], await Ids(cityOfficer, scope));
        Assert.Equal([districtA, city], await Ids(districtOfficer, scope));
        Assert.Equal([districtA, city], await Ids(cellOrganiser, scope));
        Assert.Equal([districtB, districtA, city], await Ids(auditor, scope));
        Assert.Equal([districtB], await Ids(auditor, $"{scope}&status=Closed"));
        Assert.Equal([districtA], await Ids(cityOfficer, $"{scope}&q=tuyen%20truyen%20mieng"));
        Assert.Equal([districtA], await Ids(cityOfficer, $"committee={h.DistrictA}"));
        Assert.Equal([city], await Ids(cityOfficer, $"{scope}&kind=StudyDrive"));
        Assert.Empty(await Ids(cityOfficer, $"{scope}&from=2024-07-01"));
        Assert.Equal(HttpStatusCode.Forbidden, (await judge.GetAsync($"/api/campaigns?{scope}")).StatusCode);
        await AssertProblem(await anonymous.GetAsync($"/api/campaigns?{scope}"), HttpStatusCode.Unauthorized, "Authorization");
        await AssertProblem(await auditor.GetAsync($"/api/campaigns?{scope}&status=None"), HttpStatusCode.BadRequest, "status");
    }
}

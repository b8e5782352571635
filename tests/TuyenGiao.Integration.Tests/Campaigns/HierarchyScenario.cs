using System.Net;
using TuyenGiao.Api.Committees;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Campaigns;

/// <summary>Three levels registered over HTTP with fresh codes: a city, two districts, and two cells under the first district.</summary>
public sealed class HierarchyScenario
{
    private HierarchyScenario(string suffix)
    {
        City = $"CT{suffix}";
        DistrictA = $"TN{suffix}";
        DistrictB = $"CD{suffix}";
        CellA1 = $"TN1{suffix}";
        CellA2 = $"TN2{suffix}";
        Suffix = suffix;
    }

    public string Suffix { get; }
    public string City { get; }
    public string DistrictA { get; }
    public string DistrictB { get; }
    public string CellA1 { get; }
    public string CellA2 { get; }

    public static async Task<HierarchyScenario> CreateAsync(HttpClient http)
    {
        var s = new HierarchyScenario(Guid.NewGuid().ToString("N")[..8].ToUpperInvariant());
        await Register(http, s.City, "Thành ủy Cần Thơ", "Province", null, 1_000);
        await Register(http, s.DistrictA, "Quận ủy Thốt Nốt", "District", s.City, 300);
        await Register(http, s.DistrictB, "Huyện ủy Cờ Đỏ", "District", s.City, 400);
        await Register(http, s.CellA1, "Đảng bộ phường Thốt Nốt", "Grassroots", s.DistrictA, 120);
        await Register(http, s.CellA2, "Đảng bộ phường Thới Thuận", "Grassroots", s.DistrictA, 80);
        return s;
    }

    /// <summary>A study campaign of 2026 launched by the city, over its whole subtree; its id starts with <paramref name="prefix"/>.</summary>
    public async Task<string> LaunchCampaignOf2026Async(HttpClient http, string prefix)
    {
        var campaignId = $"{prefix}-{Suffix}";
        var response = await http.PostJson("/api/campaigns", new
        {
            campaignId, launcherCode = City, title = "Học tập chuyên đề năm 2026", kind = "StudyDrive", periodStart = "2026-01-01", periodEnd = "2026-12-31",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return campaignId;
    }

    private static async Task Register(HttpClient http, string code, string name, string level, string? parent, int members) =>
        await Read<CommitteeResponse>(await http.PostJson("/api/committees", new { code, name, level, parentCode = parent, memberCount = members }),
            HttpStatusCode.Created);
}

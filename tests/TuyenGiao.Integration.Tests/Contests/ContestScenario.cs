using System.Net;
using TuyenGiao.Api.Committees;
using TuyenGiao.Api.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Contests;

/// <summary>A small hierarchy (province, bloc, two cells) and a contest of the bloc, set up over HTTP with fresh codes.</summary>
public sealed class ContestScenario
{
    private readonly HttpClient _http;

    private ContestScenario(HttpClient http, string suffix)
    {
        _http = http;
        Province = $"P{suffix}";
        Bloc = $"B{suffix}";
        CellA = $"GA{suffix}";
        CellB = $"GB{suffix}";
        ContestId = $"C{suffix}";
    }

    public string Province { get; private init; }
    public string Bloc { get; private init; }
    public string CellA { get; private init; }
    public string CellB { get; private init; }
    public string ContestId { get; }
    public string Entries => $"/api/contests/{ContestId}/entries";

    /// <summary>The title every scenario's contest is announced with.</summary>
    public string Title => "Thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI - Khát vọng Trà Vinh";

    public static async Task<ContestScenario> CreateAsync(HttpClient http, DateTimeOffset opensAt, DateTimeOffset closesAt, int target = 1_277,
        int perAuthorLimit = 1, string kind = "Writing", object? judging = null, int? personalDataRetentionMonths = null)
    {
        var scenario = new ContestScenario(http, Guid.NewGuid().ToString("N")[..10].ToUpperInvariant());
        await scenario.Committee(scenario.Province, "Tỉnh ủy Trà Vinh", "Province", null);
        await scenario.Committee(scenario.Bloc, "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh", "Bloc", scenario.Province);
        await scenario.Committee(scenario.CellA, "Đảng bộ Sở Giáo dục và Đào tạo", "Grassroots", scenario.Bloc);
        await scenario.Committee(scenario.CellB, "Đảng bộ Sở Y tế", "Grassroots", scenario.Bloc);
        await Read<ContestResponse>(await http.PostJson("/api/contests", new
        {
            contestId = scenario.ContestId,
            organiserCode = scenario.Bloc,
            kind,
            title = scenario.Title,
            description = "Cuộc thi viết",
            opensAt,
            closesAt,
            target,
            perAuthorLimit,
            individualPrizes = new[] { new { name = "Giải nhất", count = 1 }, new { name = "Giải nhì", count = 2 }, new { name = "Giải ba", count = 3 }, new { name = "Giải khuyến khích", count = 6 } },
            collectivePrizes = new[] { new { name = "Giải nhất tập thể", count = 1 } },
            judging,
            personalDataRetentionMonths,
        }), HttpStatusCode.Created);
        return scenario;
    }

    /// <summary>Another contest of the same bloc, over the same committees (so the same authors may enter both).</summary>
    public async Task<ContestScenario> AnotherContestAsync(DateTimeOffset opensAt, DateTimeOffset closesAt)
    {
        var other = new ContestScenario(_http, Guid.NewGuid().ToString("N")[..10].ToUpperInvariant())
        {
            Province = Province, Bloc = Bloc, CellA = CellA, CellB = CellB,
        };
        await Read<ContestResponse>(await _http.PostJson("/api/contests", new
        {
            contestId = other.ContestId, organiserCode = Bloc, kind = "Writing", title = Title, opensAt, closesAt, target = 100,
            individualPrizes = new[] { new { name = "Giải nhất", count = 1 } },
        }), HttpStatusCode.Created);
        return other;
    }

    public static Task<ContestScenario> OpenNowAsync(HttpClient http, int target = 1_277, int perAuthorLimit = 1) =>
        CreateAsync(http, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(30), target, perAuthorLimit);

    public object Entry(string submissionId, string? author = null, string? committee = null, string title = "Khát vọng vươn lên") =>
        new { submissionId, authorName = author ?? $"Tác giả {submissionId}", committeeCode = committee ?? CellA, title, words = 1_500 };

    public Task<HttpResponseMessage> Submit(object entry) => _http.PostJson(Entries, entry);

    /// <summary>Submits as another user, for example one of many clients, each with its own rate limit.</summary>
    public Task<HttpResponseMessage> Submit(object entry, HttpClient user) => user.PostJson(Entries, entry);

    private async Task Committee(string code, string name, string level, string? parent) =>
        await Read<CommitteeResponse>(await _http.PostJson("/api/committees", new { code, name, level, parentCode = parent, memberCount = 100 }), HttpStatusCode.Created);
}

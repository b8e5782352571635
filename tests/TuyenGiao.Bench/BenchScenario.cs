using System.Net.Http.Json;

namespace TuyenGiao.Bench;

/// <summary>A province with twelve grassroots committees and some open contests, set up over the public API.</summary>
public sealed class BenchScenario
{
    private BenchScenario(string suffix, int contests)
    {
        Province = $"BP{suffix}";
        Cells = Enumerable.Range(1, 12).Select(i => $"BG{i:D2}{suffix}").ToArray();
        Contests = Enumerable.Range(1, contests).Select(i => $"BENCH-{suffix}-{i:D3}").ToArray();
    }

    public string Province { get; }
    public string[] Cells { get; }
    public string[] Contests { get; }

    public string EntriesPath(long i) => $"/api/contests/{Contests[i % Contests.Length]}/entries";

    public object Entry(string submissionId, long i) => new
    {
        submissionId,
        authorName = $"Nguyễn Văn {i}",
        committeeCode = Cells[i % Cells.Length],
        title = $"Khát vọng Trà Vinh - bài dự thi số {i}",
        words = 1_500,
    };

    /// <summary>The same requests for a target that keeps no committees or contests (the plain API peers).</summary>
    public static BenchScenario Unregistered(int contests) => new(Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), contests);

    public static async Task<BenchScenario> CreateAsync(HttpClient http, int contests)
    {
        var scenario = new BenchScenario(Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), contests);
        await Post(http, "/api/committees", new { code = scenario.Province, name = "Tỉnh ủy", level = "Province", memberCount = 50_000 });
        foreach (var cell in scenario.Cells)
            await Post(http, "/api/committees", new { code = cell, name = "Đảng bộ cơ sở", level = "Grassroots", parentCode = scenario.Province, memberCount = 500 });
        var now = DateTimeOffset.UtcNow;
        foreach (var contest in scenario.Contests)
            await Post(http, "/api/contests", new
            {
                contestId = contest, organiserCode = scenario.Province, kind = "Writing", title = "Khát vọng Trà Vinh",
                opensAt = now.AddMinutes(-1), closesAt = now.AddDays(1), target = 1_277, perAuthorLimit = 1,
                individualPrizes = new[] { new { name = "Giải nhất", count = 1 } },
            });
        return scenario;
    }

    private static async Task Post(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}

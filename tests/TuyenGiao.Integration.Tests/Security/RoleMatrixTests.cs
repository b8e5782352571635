using System.Net;
using System.Text;
using TuyenGiao.Access;
using TuyenGiao.Api.CommitteeRecords;
using TuyenGiao.Api.Contests;
using TuyenGiao.Campaigns;
using TuyenGiao.Integration.Tests.Campaigns;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Security;

/// <summary>
/// Every role against the endpoints over real HTTP: the status each gets, and for every refusal a ProblemDetails
/// and not one event more in the store. The hierarchy: a city with districts A (cells A1, A2) and B; a contest
/// organised by district A; a campaign launched by the city; a judge on the contest's panel.
/// </summary>
[Collection(NodeCollection.Name)]
public class RoleMatrixTests(NodeFixture fixture)
{
    private sealed record Row(string Caller, HttpMethod Method, string Url, Func<string, object?> Body, HttpStatusCode Expected);

    [Fact]
    public async Task Given_each_role_When_it_calls_the_endpoints_Then_it_gets_the_expected_status_and_a_refusal_stores_nothing()
    {
        var node = fixture.Node;
        var h = await HierarchyScenario.CreateAsync(node.Http);
        var (a, a1, b, city) = (h.DistrictA, h.CellA1, h.DistrictB, h.City);
        var contest = $"ROLES-{h.Suffix}";
        var campaign = $"CAMPAIGN-{h.Suffix}";
        var judge = $"gk-{h.Suffix.ToLowerInvariant()}";
        await Arrange(node.Http, h, contest, campaign, judge);

        var callers = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = node.Anonymous(),
            ["admin"] = node.ClientAs("matrix-admin", Role.Admin),
            ["officer A"] = node.ClientAs($"officer-{a}", Role.Officer, a),
            ["officer B"] = node.ClientAs($"officer-{b}", Role.Officer, b),
            ["organiser A"] = node.ClientAs($"organiser-{a}", Role.Organiser, a),
            ["organiser B"] = node.ClientAs($"organiser-{b}", Role.Organiser, b),
            ["judge"] = node.ClientAs(judge, Role.Judge),
            ["other judge"] = node.ClientAs($"{judge}-other", Role.Judge),
            ["auditor"] = node.ClientAs("matrix-auditor", Role.Auditor),
        };
        var get = HttpMethod.Get;
        var post = HttpMethod.Post;
        var put = HttpMethod.Put;
        Func<string, object?> none = _ => null;
        Func<string, object?> entry(string committee) => id => new { submissionId = id, authorName = $"Tác giả {id}", committeeCode = committee, title = "Bài dự thi", words = 1_200 };
        Func<string, object?> report(string committee) => id => new
        {
            reportId = id, committeeCode = committee, periodStart = "2023-01-01", periodEnd = "2023-06-30",
            figures = new { partyMembers = 100, membersStudied = 90 },
        };
        Func<string, object?> issue = id => new { issueId = id, subject = "Dư luận về giá điện", openedOn = "2023-03-01" };
        Func<string, object?> child(string parent) => id => new { code = id, name = "Chi bộ mới", level = "Grassroots", parentCode = parent, memberCount = 10 };
        Func<string, object?> announce(string organiser) => id => new
        {
            contestId = $"X{id}", organiserCode = organiser, kind = "Writing", title = "Cuộc thi mới",
            opensAt = DateTimeOffset.UtcNow.AddDays(1), closesAt = DateTimeOffset.UtcNow.AddDays(30), target = 100,
        };

        Row[] rows =
        [
            // Health and the public face of a contest: anyone.
            new("anonymous", get, "/health/live", none, HttpStatusCode.OK),
            new("anonymous", get, $"/api/contests/{contest}", none, HttpStatusCode.OK),
            new("anonymous", get, $"/api/contests/{contest}/tally", none, HttpStatusCode.OK),
            new("anonymous", get, $"/api/contests/{contest}/ranking", none, HttpStatusCode.Forbidden),
            new("organiser A", get, $"/api/contests/{contest}/ranking", none, HttpStatusCode.OK),
            new("organiser B", get, $"/api/contests/{contest}/ranking", none, HttpStatusCode.Forbidden),
            new("auditor", get, $"/api/contests/{contest}/ranking", none, HttpStatusCode.OK),
            new("judge", get, $"/api/contests/{contest}/ranking", none, HttpStatusCode.Forbidden),

            // The committee tree: anyone signed in.
            new("anonymous", get, $"/api/committees/{a}", none, HttpStatusCode.Unauthorized),
            new("judge", get, $"/api/committees/{a}/subtree", none, HttpStatusCode.OK),
            new("officer B", get, $"/api/committees/{a}/children", none, HttpStatusCode.OK),

            // Changing committees: officers of the committee or above it.
            new("officer A", post, "/api/committees", child(a), HttpStatusCode.Created),
            new("officer B", post, "/api/committees", child(a), HttpStatusCode.Forbidden),
            new("officer A", post, "/api/committees", child(city), HttpStatusCode.Forbidden),
            new("organiser A", post, "/api/committees", child(a), HttpStatusCode.Forbidden),
            new("auditor", post, "/api/committees", child(a), HttpStatusCode.Forbidden),
            new("anonymous", post, "/api/committees", child(a), HttpStatusCode.Unauthorized),
            new("officer A", put, $"/api/committees/{a1}/member-count", _ => new { memberCount = 121 }, HttpStatusCode.OK),
            new("officer B", put, $"/api/committees/{a1}/member-count", _ => new { memberCount = 122 }, HttpStatusCode.Forbidden),
            new("officer B", put, $"/api/committees/{a}/name", _ => new { name = "Quận ủy khác" }, HttpStatusCode.Forbidden),
            new("officer A", put, $"/api/committees/{a1}/parent", _ => new { parentCode = b }, HttpStatusCode.Forbidden),
            new("officer A", put, $"/api/committees/{a}/parent", _ => new { parentCode = b }, HttpStatusCode.Forbidden),

            // A committee's records: written by its officers, read by them, its organisers and auditors.
            new("officer A", post, $"/api/committees/{a1}/opinion-issues", issue, HttpStatusCode.Created),
            new("officer B", post, $"/api/committees/{a}/opinion-issues", issue, HttpStatusCode.Forbidden),
            new("organiser A", post, $"/api/committees/{a}/opinion-issues", issue, HttpStatusCode.Forbidden),
            new("auditor", post, $"/api/committees/{a}/opinion-issues", issue, HttpStatusCode.Forbidden),
            new("judge", post, $"/api/committees/{a}/opinion-issues", issue, HttpStatusCode.Forbidden),
            new("anonymous", post, $"/api/committees/{a}/opinion-issues", issue, HttpStatusCode.Unauthorized),
            new("officer A", get, $"/api/committees/{a}/records", none, HttpStatusCode.OK),
            new("organiser A", get, $"/api/committees/{a1}/records", none, HttpStatusCode.OK),
            new("auditor", get, $"/api/committees/{a}/records", none, HttpStatusCode.OK),
            new("officer B", get, $"/api/committees/{a}/records", none, HttpStatusCode.Forbidden),
            new("judge", get, $"/api/committees/{a}/records", none, HttpStatusCode.Forbidden),
            new("anonymous", get, $"/api/committees/{a}/records", none, HttpStatusCode.Unauthorized),
            new("auditor", get, $"/api/committees/{city}/reports/period?from=2023-01-01&to=2023-12-31", none, HttpStatusCode.OK),
            new("officer B", get, $"/api/committees/{a}/reports/period?from=2023-01-01&to=2023-12-31", none, HttpStatusCode.Forbidden),
            new("officer A", get, $"/api/committees/{a}/model-programmes/growth?from=2023-01-01&to=2023-12-31", none, HttpStatusCode.OK),
            new("officer A", get, $"/api/committees/{city}/model-programmes/growth?from=2023-01-01&to=2023-12-31", none, HttpStatusCode.Forbidden),

            // Campaigns: launched and reported by officers for their own subtree.
            new("officer A", post, $"/api/campaigns/{campaign}/reports", report(a1), HttpStatusCode.Created),
            new("officer B", post, $"/api/campaigns/{campaign}/reports", report(a), HttpStatusCode.Forbidden),
            new("organiser A", post, $"/api/campaigns/{campaign}/reports", report(a), HttpStatusCode.Forbidden),
            new("officer B", post, $"/api/campaigns/{campaign}/reports/report-a/corrections",
                _ => new { reason = "Sửa", figures = new { partyMembers = 100, membersStudied = 95 } }, HttpStatusCode.Forbidden),
            new("officer A", post, $"/api/campaigns/{campaign}/reports/report-a/corrections",
                _ => new { reason = "Sửa số liệu", figures = new { partyMembers = 100, membersStudied = 95 } }, HttpStatusCode.OK),
            new("officer A", post, "/api/campaigns", id => new
            {
                campaignId = $"K{id}", launcherCode = b, title = "Chiến dịch", kind = "PropagandaDrive",
                periodStart = "2023-01-01", periodEnd = "2023-12-31",
            }, HttpStatusCode.Forbidden),
            new("officer A", post, $"/api/campaigns/{campaign}/closure", _ => new { reason = "Kết thúc" }, HttpStatusCode.Forbidden),
            new("auditor", get, $"/api/campaigns/{campaign}", none, HttpStatusCode.OK),
            new("officer B", get, $"/api/campaigns/{campaign}/reports/report-a", none, HttpStatusCode.OK),
            new("judge", get, $"/api/campaigns/{campaign}", none, HttpStatusCode.Forbidden),
            new("anonymous", get, $"/api/campaigns/{campaign}", none, HttpStatusCode.Unauthorized),

            // Contests: organisers of the organising committee run them; officers record entries of their subtree.
            new("organiser A", post, "/api/contests", announce(a), HttpStatusCode.Created),
            new("organiser B", post, "/api/contests", announce(a), HttpStatusCode.Forbidden),
            new("officer A", post, "/api/contests", announce(a), HttpStatusCode.Forbidden),
            new("anonymous", post, "/api/contests", announce(a), HttpStatusCode.Unauthorized),
            new("organiser B", post, $"/api/contests/{contest}/cancellation", _ => new { reason = "Hủy" }, HttpStatusCode.Forbidden),
            new("organiser B", put, $"/api/contests/{contest}", _ => new
            {
                title = "Đổi tên", opensAt = DateTimeOffset.UtcNow, closesAt = DateTimeOffset.UtcNow.AddDays(1), target = 1,
            }, HttpStatusCode.Forbidden),
            new("officer A", post, $"/api/contests/{contest}/entries", entry(a1), HttpStatusCode.Created),
            new("organiser A", post, $"/api/contests/{contest}/entries", entry(h.CellA2), HttpStatusCode.Created),
            new("officer B", post, $"/api/contests/{contest}/entries", entry(a1), HttpStatusCode.Forbidden),
            new("organiser B", post, $"/api/contests/{contest}/entries", entry(b), HttpStatusCode.Forbidden),
            new("judge", post, $"/api/contests/{contest}/entries", entry(a1), HttpStatusCode.Forbidden),
            new("auditor", post, $"/api/contests/{contest}/entries", entry(a1), HttpStatusCode.Forbidden),
            new("anonymous", post, $"/api/contests/{contest}/entries", entry(a1), HttpStatusCode.Unauthorized),
            new("officer B", post, $"/api/contests/{contest}/entries/seed-1/withdrawal", none, HttpStatusCode.Forbidden),
            new("officer A", post, $"/api/contests/{contest}/entries/1/disqualification", _ => new { reason = "Sao chép" }, HttpStatusCode.Forbidden),
            new("organiser B", post, $"/api/contests/{contest}/entries/1/disqualification", _ => new { reason = "Sao chép" }, HttpStatusCode.Forbidden),
            new("organiser B", post, $"/api/contests/{contest}/judges", _ => new { judgeId = "gk-x", name = "Giám khảo", committeeCode = city }, HttpStatusCode.Forbidden),
            new("organiser B", post, $"/api/contests/{contest}/awards/from-ranking", none, HttpStatusCode.Forbidden),
            new("organiser B", post, $"/api/contests/{contest}/results", none, HttpStatusCode.Forbidden),

            // Judges: only as themselves, and they see entries without authors.
            new("judge", get, $"/api/contests/{contest}/judges/{judge}/entries", none, HttpStatusCode.OK),
            new("other judge", get, $"/api/contests/{contest}/judges/{judge}/entries", none, HttpStatusCode.Forbidden),
            new("organiser A", get, $"/api/contests/{contest}/judges/{judge}/entries", none, HttpStatusCode.Forbidden),
            new("judge", put, $"/api/contests/{contest}/entries/1/scores", _ => new { judgeId = judge, score = 80 }, HttpStatusCode.OK),
            new("other judge", put, $"/api/contests/{contest}/entries/1/scores", _ => new { judgeId = judge, score = 10 }, HttpStatusCode.Forbidden),
            new("organiser A", put, $"/api/contests/{contest}/entries/1/scores", _ => new { judgeId = judge, score = 10 }, HttpStatusCode.Forbidden),

            // The event log: auditors and admins.
            new("auditor", get, $"/api/audit/stream?id=contest/{contest}", none, HttpStatusCode.OK),
            new("auditor", get, $"/api/audit/integrity?stream=contest/{contest}", none, HttpStatusCode.OK),
            new("admin", get, $"/api/audit/events?limit=5", none, HttpStatusCode.OK),
            new("officer A", get, $"/api/audit/stream?id=contest/{contest}", none, HttpStatusCode.Forbidden),
            new("organiser A", get, $"/api/audit/export?stream=contest/{contest}", none, HttpStatusCode.Forbidden),
            new("anonymous", get, "/api/audit/events", none, HttpStatusCode.Unauthorized),
            new("auditor", post, "/api/admin/replay", none, HttpStatusCode.Forbidden),
            new("officer A", post, "/api/admin/replay", none, HttpStatusCode.Forbidden),
        ];

        var mismatches = new List<string>();
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var before = await fixture.Database.EventCountAsync();
            using var request = new HttpRequestMessage(row.Method, row.Url);
            // A fresh id per row (a valid committee code, contest id and submission id), so that no row depends on another.
            if (row.Body($"M{i}{h.Suffix}") is { } body)
                request.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json");
            using var response = await callers[row.Caller].SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var line = $"{row.Caller,-12} {row.Method,-4} {row.Url}";
            if (response.StatusCode != row.Expected)
                mismatches.Add($"{line}: expected {(int)row.Expected}, got {(int)response.StatusCode} {text}");
            else if ((int)row.Expected >= 400)
            {
                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    mismatches.Add($"{line}: a refusal without ProblemDetails: {text}");
                if (await fixture.Database.EventCountAsync() != before)
                    mismatches.Add($"{line}: refused, yet the event store changed");
            }
        }
        foreach (var client in callers.Values)
            client.Dispose();
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {rows.Length} rows differ:\n{string.Join("\n", mismatches)}");
    }

    [Fact]
    public async Task Given_an_officer_of_district_A_When_writing_for_district_B_Then_403_names_the_field_and_nothing_is_stored()
    {
        var h = await HierarchyScenario.CreateAsync(fixture.Node.Http);
        using var officerA = fixture.Node.ClientAs($"officer-{h.DistrictA}", Role.Officer, h.DistrictA);
        var before = await fixture.Database.EventCountAsync();

        var problem = await AssertProblem(await officerA.PostJson($"/api/committees/{h.DistrictB}/model-programmes", new
        {
            programmeId = "dan-van-kheo-1", name = "Dân vận khéo trong xây dựng nông thôn mới", programmeType = "Dân vận khéo", startedOn = "2023-01-01",
        }), HttpStatusCode.Forbidden, "code");

        Assert.Contains(h.DistrictA, problem.GetProperty("detail").GetString());
        Assert.Equal(before, await fixture.Database.EventCountAsync());
        Assert.Equal(0, await fixture.Database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_streams WHERE id = @s", ("s", $"records/{h.DistrictB}")));
        var book = await Read<CommitteeRecordBookView>(await fixture.Node.Http.GetAsync($"/api/committees/{h.DistrictB}/records"), HttpStatusCode.OK);
        Assert.Empty(book.Programmes);
    }

    private sealed record CommitteeRecordBookView(Dictionary<string, object> Programmes);

    private static async Task Arrange(HttpClient admin, HierarchyScenario h, string contest, string campaign, string judge)
    {
        await Read<ContestResponse>(await admin.PostJson("/api/contests", new
        {
            contestId = contest, organiserCode = h.DistrictA, kind = "Writing", title = "Cuộc thi viết của quận",
            opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddDays(30), target = 100,
            individualPrizes = new[] { new { name = "Giải nhất", count = 1 } },
        }), HttpStatusCode.Created);
        await Read<SubmissionReceiptResponse>(await admin.PostJson($"/api/contests/{contest}/entries", new
        {
            submissionId = "seed-1", authorName = "Nguyễn Văn An", committeeCode = h.CellA1, title = "Bài đầu tiên", words = 1_500,
        }), HttpStatusCode.Created);
        await Read<object>(await admin.PostJson($"/api/contests/{contest}/judges", new { judgeId = judge, name = "Giám khảo Thành ủy", committeeCode = h.City }),
            HttpStatusCode.OK);
        await Read<CampaignFigures>(await admin.PostJson("/api/campaigns", new
        {
            campaignId = campaign, launcherCode = h.City, title = "Học tập Nghị quyết năm 2023", kind = "StudyDrive",
            periodStart = "2023-01-01", periodEnd = "2023-12-31",
        }), HttpStatusCode.Created);
        await Read<object>(await admin.PostJson($"/api/campaigns/{campaign}/reports", new
        {
            reportId = "report-a", committeeCode = h.DistrictA, periodStart = "2023-01-01", periodEnd = "2023-06-30",
            figures = new { partyMembers = 300, membersStudied = 280 },
        }), HttpStatusCode.Created);
    }
}

using System.Net;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TuyenGiao.Api.Campaigns;
using TuyenGiao.Api.CommitteeRecords;
using TuyenGiao.Campaigns;
using TuyenGiao.CommitteeRecords;
using TuyenGiao.Integration.Tests.Infrastructure;
using TuyenGiao.Reporting;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Campaigns;

/// <summary>Model programmes, commendations, opinion issues, inspections and the period report, over HTTP with real PostgreSQL.</summary>
[Collection(NodeCollection.Name)]
public class CommitteeRecordsApiTests(NodeFixture fixture)
{
    private readonly HttpClient _http = fixture.Node.Http;

    private async Task Programme(string committee, string id, string type, string startedOn, params string[] reviews)
    {
        await Read<CommitteeRecordBook>(await _http.PostJson($"/api/committees/{committee}/model-programmes",
            new { programmeId = id, name = $"Mô hình {id}", programmeType = type, field = "Văn hóa - xã hội", startedOn }), HttpStatusCode.Created);
        foreach (var review in reviews)
            await Read<CommitteeRecordBook>(await _http.PostJson($"/api/committees/{committee}/model-programmes/{id}/reviews", new { reviewedOn = review }), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_programmes_in_two_districts_When_growth_is_read_for_the_city_Then_each_year_counts_new_maintained_active_and_retired_by_type()
    {
        var h = await HierarchyScenario.CreateAsync(_http);
        await Programme(h.CellA1, "c05-1", "Chỉ thị 05", "2019-03-01", "2020-06-30");
        await Programme(h.CellA2, "c05-2", "Chỉ thị 05", "2019-05-01", "2020-06-30", "2020-12-15");
        await Programme(h.DistrictA, "dvk-1", "Dân vận khéo", "2020-02-01");
        await Programme(h.DistrictB, "dvk-2", "Dân vận khéo", "2020-09-01");
        await Read<CommitteeRecordBook>(await _http.PostJson($"/api/committees/{h.DistrictB}/model-programmes/dvk-2/retirement",
            new { retiredOn = "2021-04-01", reason = "Sáp nhập vào mô hình của xã" }), HttpStatusCode.OK);

        var growth = await Read<ProgrammeGrowthResponse>(await _http.GetAsync($"/api/committees/{h.City}/model-programmes/growth?from=2019-01-01&to=2021-12-31&interval=Year"), HttpStatusCode.OK);
        var district = await Read<ProgrammeGrowthResponse>(await _http.GetAsync($"/api/committees/{h.DistrictA}/model-programmes/growth?from=2020-01-01&to=2020-12-31"), HttpStatusCode.OK);

        Assert.Equal(["2019", "2020", "2021"], growth.Points.Select(p => p.Label));
        var y2020 = growth.Points[1].ByType.ToDictionary(t => t.ProgrammeType);
        Assert.Equal(new ProgrammeCounts("Chỉ thị 05", 2, 0, 2, 0), y2020["Chỉ thị 05"]);
        Assert.Equal(new ProgrammeCounts("Dân vận khéo", 2, 2, 0, 0), y2020["Dân vận khéo"]);
        Assert.Equal(new ProgrammeCounts("", 3, 0, 0, 1), growth.Points[2].Total);
        Assert.Equal(new ProgrammeCounts("", 3, 1, 2, 0), district.Points.Single().Total); // the other district's programme is not in its subtree
    }

    [Fact]
    public async Task Given_a_cell_moved_to_the_other_district_When_growth_is_read_as_organised_today_Then_its_programmes_count_there_and_the_city_total_does_not_move()
    {
        var h = await HierarchyScenario.CreateAsync(_http);
        await Programme(h.CellA1, "c05-1", "Chỉ thị 05", "2019-03-01", "2020-06-30");
        await Programme(h.DistrictB, "dvk-2", "Dân vận khéo", "2020-09-01");
        await Read<TuyenGiao.Api.Committees.CommitteeResponse>(await _http.PutJson($"/api/committees/{h.CellA1}/parent", new { parentCode = h.DistrictB }), HttpStatusCode.OK);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        async Task<ProgrammeGrowthResponse> Growth(string code, string query = "") =>
            await Read<ProgrammeGrowthResponse>(await _http.GetAsync($"/api/committees/{code}/model-programmes/growth?from=2020-01-01&to=2020-12-31{query}"), HttpStatusCode.OK);
        var organisedToday = $"&organisedAsOf={today:yyyy-MM-dd}";

        var districtA = await Growth(h.DistrictA);
        var districtB = await Growth(h.DistrictB, organisedToday);
        Assert.Equal((1, (DateOnly?)null), (districtA.Points.Single().Total.Active, districtA.OrganisedAsOf));
        Assert.Equal(0, (await Growth(h.DistrictA, organisedToday)).Points.Single().Total.Active);
        Assert.Equal(1, (await Growth(h.DistrictB)).Points.Single().Total.Active);
        Assert.Equal((2, 2, today), (districtB.Points.Single().Total.Active, districtB.Committees, districtB.OrganisedAsOf));
        Assert.Equal((await Growth(h.City)).Points.Single().Total, (await Growth(h.City, organisedToday)).Points.Single().Total);
        await AssertProblem(await _http.GetAsync($"/api/committees/{h.City}/model-programmes/growth?from=2020-01-01&to=2020-12-31&organisedAsOf=2020-02-30"),
            HttpStatusCode.BadRequest, "organisedAsOf");
    }

    [Fact]
    public async Task Given_bad_records_When_they_are_sent_Then_each_gets_a_problem_naming_the_field_and_nothing_is_stored()
    {
        var h = await HierarchyScenario.CreateAsync(_http);
        await Programme(h.CellA1, "p1", "Dân vận khéo", "2020-01-01");
        var before = await fixture.Database.EventCountAsync();

        await AssertProblem(await _http.PostJson($"/api/committees/{h.CellA1}/inspections", new
        {
            inspectionId = "i1", inspectorCode = h.DistrictB, inspectedOn = "2020-10-28", delegation = new[] { "Lê Thị Sương Mai" }, findings = "Tốt",
        }), HttpStatusCode.UnprocessableEntity, "inspectorCode");
        await AssertProblem(await _http.PostJson($"/api/committees/{h.CellA1}/model-programmes/p1/reviews", new { reviewedOn = "2019-12-31" }),
            HttpStatusCode.UnprocessableEntity, "reviewedOn");
        await AssertProblem(await _http.PostJson($"/api/committees/{h.CellA1}/model-programmes/nope/retirement", new { retiredOn = "2021-01-01", reason = "x" }),
            HttpStatusCode.NotFound, "programmeId");
        await AssertProblem(await _http.PostJson($"/api/committees/{h.CellA1}/model-programmes",
            new { programmeId = "p1", name = "Tên khác", programmeType = "Dân vận khéo", startedOn = "2020-01-01" }), HttpStatusCode.Conflict, "programmeId");
        await AssertProblem(await _http.PostJson($"/api/committees/{h.CellA1}/model-programmes",
            new { programmeId = "p2", name = "Mô\u200Bhình", programmeType = "Dân vận khéo", startedOn = "2020-01-01" }), HttpStatusCode.BadRequest, "name");
        await AssertProblem(await _http.PostJson($"/api/committees/{h.CellA1}/commendations", new
        {
            commendationId = "k1", form = "Certificate", awardingLevel = "District", awardedBy = "UBND quận", collectives = 0, individuals = 0, awardedOn = "2020-05-19",
        }), HttpStatusCode.BadRequest, "individuals");
        await AssertProblem(await _http.PostJson($"/api/committees/ZZ{h.Suffix}/opinion-issues", new { issueId = "o1", subject = "Giá điện", openedOn = "2020-02-01" }),
            HttpStatusCode.NotFound, "committeeCode");
        await AssertProblem(await _http.GetAsync($"/api/committees/{h.City}/reports/period?from=2020-12-31&to=2020-01-01"), HttpStatusCode.BadRequest, "to");
        await AssertProblem(await _http.GetAsync($"/api/committees/{h.City}/reports/period?from=2020-01-01&to=2020-12-31&format=pdf"), HttpStatusCode.BadRequest, "format");
        await AssertProblem(await _http.GetAsync($"/api/committees/{h.City}/model-programmes/growth?from=1900-01-01&to=2099-12-31&interval=Month"),
            HttpStatusCode.BadRequest, "to");

        Assert.Equal(before, await fixture.Database.EventCountAsync());
    }

    [Fact]
    public async Task Given_a_year_of_records_When_the_city_asks_for_its_period_report_Then_json_csv_and_xlsx_give_the_same_figures_in_vietnamese()
    {
        var h = await HierarchyScenario.CreateAsync(_http);
        var campaign = $"NQ35-{h.Suffix}";
        await Read<CampaignFigures>(await _http.PostJson("/api/campaigns", new
        {
            campaignId = campaign, launcherCode = h.City, title = "Quán triệt Nghị quyết 35-NQ/TW", kind = "StudyDrive",
            periodStart = "2020-01-01", periodEnd = "2020-12-31", targets = new { trainingClasses = 30 },
        }), HttpStatusCode.Created);
        await Read<ActivityReportResponse>(await _http.PostJson($"/api/campaigns/{campaign}/reports", new
        {
            reportId = "tn-2020", committeeCode = h.DistrictA, periodStart = "2020-01-01", periodEnd = "2020-12-31",
            figures = new { partyMembers = 300, membersStudied = 290, membersPledged = 277, trainingClasses = new[] { new { classType = "Bồi dưỡng", classes = 35, learners = 2_611 } } },
        }), HttpStatusCode.Created);
        await Read<ActivityReportResponse>(await _http.PostJson($"/api/campaigns/{campaign}/reports", new
        {
            reportId = "tn-2021", committeeCode = h.DistrictA, periodStart = "2020-12-01", periodEnd = "2020-12-31", // inside 2020 too
            figures = new { partyMembers = 0, trainingClasses = new[] { new { classType = "Bồi dưỡng", classes = 1, learners = 40 } } },
        }), HttpStatusCode.Created);
        await Read<CommitteeRecordBook>(await _http.PostJson($"/api/committees/{h.DistrictA}/inspections", new
        {
            inspectionId = "kt-2020", inspectorCode = h.City, inspectedOn = "2020-10-28", delegation = new[] { "Lê Thị Sương Mai" },
            findings = "Hoàn thành tốt nhiệm vụ tuyên giáo năm 2020", recommendations = "Tăng cường giáo dục chính trị, tư tưởng",
        }), HttpStatusCode.Created);
        await Read<CommitteeRecordBook>(await _http.PostJson($"/api/committees/{h.DistrictA}/inspections/kt-2020/follow-ups",
            new { recordedOn = "2020-11-20", actions = "Xây dựng kế hoạch khắc phục" }), HttpStatusCode.OK);
        for (var i = 1; i <= 3; i++)
            await Read<CommitteeRecordBook>(await _http.PostJson($"/api/committees/{h.CellA1}/opinion-issues", new { issueId = $"o{i}", subject = $"Vấn đề {i}", openedOn = "2020-03-01" }), HttpStatusCode.Created);
        await Read<CommitteeRecordBook>(await _http.PostJson($"/api/committees/{h.CellA1}/opinion-issues/o1/resolution", new { resolvedOn = "2020-04-01", outcome = "Đã giải thích" }), HttpStatusCode.OK);
        await Read<CommitteeRecordBook>(await _http.PostJson($"/api/committees/{h.CellA1}/opinion-issues/o2/resolution", new { resolvedOn = "2021-01-05", outcome = "Đã xử lý" }), HttpStatusCode.OK);
        var url = $"/api/committees/{h.City}/reports/period?from=2020-01-01&to=2020-12-31";

        var report = await Read<PeriodReport>(await _http.GetAsync(url), HttpStatusCode.OK);
        var csvResponse = await _http.GetAsync(url + "&format=csv");
        var xlsxResponse = await _http.GetAsync(url + "&format=xlsx");

        Assert.Equal((2, 36, 2_651, 96.7m, 92.3m), (report.Activities.Total.Reports, report.Activities.Total.Subtree.Classes,
            report.Activities.Total.Subtree.Learners, report.Activities.Total.ParticipationPercent, report.Activities.Total.PledgePercent));
        Assert.Equal(120m, report.Activities.Campaigns.Single().Achievement!.TrainingClassesPercent); // 36 of 30 planned
        Assert.Equal((3, 1, 33.3m, 2), (report.OpinionIssues.Opened, report.OpinionIssues.ResolvedOfOpened, report.OpinionIssues.ResolvedPercent,
            report.OpinionIssues.OpenAtEnd));
        Assert.Equal("Xây dựng kế hoạch khắc phục", report.Inspections.Single().FollowUps.Single().Actions);

        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var csv = Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFTổng hợp\r\n", csv);
        Assert.Contains("Học viên,2651\r\n", csv);
        Assert.Contains("Tỷ lệ tham gia (%),96.7\r\n", csv);

        await using var workbookStream = new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync());
        using var workbook = SpreadsheetDocument.Open(workbookStream, false);
        var sheets = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Tổng hợp", "Hoạt động theo đơn vị", "Chiến dịch", "Lớp bồi dưỡng", "Mô hình", "Khen thưởng", "Dư luận xã hội", "Kiểm tra"],
            sheets.Select(s => s.Name!.Value!));
        var summary = ((WorksheetPart)workbook.WorkbookPart.GetPartById(sheets[0].Id!)).Worksheet.Descendants<Row>()
            .ToDictionary(r => r.Elements<Cell>().First().InnerText, r => r.Elements<Cell>().Last());
        Assert.Equal(("2651", CellValues.Number), (summary["Học viên"].InnerText, summary["Học viên"].DataType!.Value));
    }
}

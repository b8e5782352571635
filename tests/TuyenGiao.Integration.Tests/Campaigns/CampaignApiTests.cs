using System.Net;
using TuyenGiao.Api.Campaigns;
using TuyenGiao.Campaigns;
using TuyenGiao.Reporting;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Campaigns;

/// <summary>Campaigns and activity reports over real HTTP, a real silo and a real PostgreSQL.</summary>
[Collection(NodeCollection.Name)]
public class CampaignApiTests(NodeFixture fixture)
{
    private readonly HttpClient _http = fixture.Node.Http;

    private async Task<string> Launch(HierarchyScenario h, string[]? participants = null, object? targets = null)
    {
        var id = $"CD05-{h.Suffix}";
        await Read<CampaignFigures>(await _http.PostJson("/api/campaigns", new
        {
            campaignId = id,
            launcherCode = h.City,
            title = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh - chuyên đề năm 2020",
            kind = "AnnualTheme",
            periodStart = "2020-01-01",
            periodEnd = "2020-12-31",
            participants = participants ?? [],
            targets = targets ?? new { trainingClasses = 54, participationPercent = 95 },
        }), HttpStatusCode.Created);
        return id;
    }

    private static object Report(string reportId, string committee, int members, int studied, int classes, int learners,
        string from = "2020-01-01", string to = "2020-12-31") => new
    {
        reportId,
        committeeCode = committee,
        periodStart = from,
        periodEnd = to,
        figures = new
        {
            partyMembers = members,
            studySessions = 12,
            studyAttendances = studied * 3,
            studyMemberAttendances = studied * 3,
            membersStudied = studied,
            trainingClasses = new[] { new { classType = "Bồi dưỡng lý luận chính trị", classes, learners } },
            membersPledged = members - 1,
        },
    };

    private Task<long> CampaignEvents(string id) =>
        fixture.Database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s", ("s", Campaign.StreamIdFor(id)));

    [Fact]
    public async Task Given_reports_on_three_levels_When_the_figures_are_read_Then_every_ancestor_sums_its_subtree_and_rates_divide_the_sums()
    {
        var h = await HierarchyScenario.CreateAsync(_http);
        var id = await Launch(h);
        await Read<ActivityReportResponse>(await _http.PostJson($"/api/campaigns/{id}/reports", Report("a1", h.CellA1, 120, 119, 10, 500)), HttpStatusCode.Created);
        await Read<ActivityReportResponse>(await _http.PostJson($"/api/campaigns/{id}/reports", Report("a2", h.CellA2, 80, 60, 5, 300)), HttpStatusCode.Created);
        await Read<ActivityReportResponse>(await _http.PostJson($"/api/campaigns/{id}/reports", Report("b", h.DistrictB, 400, 396, 48, 2_000)), HttpStatusCode.Created);

        var figures = await Read<CampaignFigures>(await _http.GetAsync($"/api/campaigns/{id}"), HttpStatusCode.OK);

        var byCode = figures.ByCommittee.ToDictionary(c => c.Code);
        // Quận Thốt Nốt: 179 of 200 members is 89.5%; averaging its cells' rates (99.2% and 75%) would say 87.1%.
        Assert.Equal((2, 200, 179, 89.5m), (byCode[h.DistrictA].Reports, byCode[h.DistrictA].Subtree.PartyMembers,
            byCode[h.DistrictA].Subtree.MembersStudied, byCode[h.DistrictA].ParticipationPercent));
        Assert.Equal((0, 2), (byCode[h.DistrictA].OwnReports, byCode[h.DistrictA].Reports));
        Assert.Equal((3, 600, 575, 95.8m), (figures.Total.Reports, figures.Total.Subtree.PartyMembers, figures.Total.Subtree.MembersStudied,
            figures.Total.ParticipationPercent));
        Assert.Equal(byCode[h.City], figures.Total);
        // 63 classes against a plan of 54 is 117%; 95.8% participation meets the 95% target.
        Assert.Equal((63, 2_800, 117m, true), (figures.Total.Subtree.Classes, figures.Total.Subtree.Learners,
            figures.Achievement.TrainingClassesPercent, figures.Achievement.ParticipationTargetMet));
    }

    [Fact]
    public async Task Given_a_report_When_it_is_corrected_Then_the_totals_change_and_its_history_keeps_both_versions_with_the_reason()
    {
        var h = await HierarchyScenario.CreateAsync(_http);
        var id = await Launch(h);
        await Read<ActivityReportResponse>(await _http.PostJson($"/api/campaigns/{id}/reports", Report("tn", h.DistrictA, 300, 280, 35, 2_600)), HttpStatusCode.Created);
        var correction = new { reason = "Số học viên đã được đối chiếu lại với danh sách lớp", figures = ((dynamic)Report("tn", h.DistrictA, 300, 280, 35, 2_611)).figures };

        var corrected = await Read<ActivityReportResponse>(await _http.PostJson($"/api/campaigns/{id}/reports/tn/corrections", correction), HttpStatusCode.OK);
        var retried = await Read<ActivityReportResponse>(await _http.PostJson($"/api/campaigns/{id}/reports/tn/corrections", correction), HttpStatusCode.OK);

        Assert.Equal(1, corrected.Corrections);
        Assert.Equal(["reported", "corrected"], corrected.History.Select(v => v.Change));
        Assert.Equal([2_600, 2_611], corrected.History.Select(v => v.Figures.Learners));
        Assert.Equal(correction.reason, corrected.History[1].Reason);
        Assert.All(corrected.History, v => Assert.Equal(TimeSpan.Zero, v.RecordedAt.Offset));
        Assert.Equal(corrected.History, retried.History);
        var figures = await Read<CampaignFigures>(await _http.GetAsync($"/api/campaigns/{id}"), HttpStatusCode.OK);
        Assert.Equal((2_611, 1), (figures.Total.Subtree.Learners, figures.Corrections));
        Assert.Equal(3, await CampaignEvents(id)); // launched, reported, corrected once
    }

    [Fact]
    public async Task Given_a_report_When_it_is_sent_again_Then_it_is_recorded_once_and_other_content_under_its_id_is_a_conflict()
    {
        var h = await HierarchyScenario.CreateAsync(_http);
        var id = await Launch(h);
        var report = Report("once", h.CellA1, 120, 119, 10, 500);

        var first = await Read<ActivityReportResponse>(await _http.PostJson($"/api/campaigns/{id}/reports", report), HttpStatusCode.Created);
        var again = await Read<ActivityReportResponse>(await _http.PostJson($"/api/campaigns/{id}/reports", report), HttpStatusCode.Created);
        await AssertProblem(await _http.PostJson($"/api/campaigns/{id}/reports", Report("once", h.CellA1, 120, 100, 10, 500)), HttpStatusCode.Conflict, "reportId");

        Assert.Equal(first.History, again.History);
        Assert.Equal(2, await CampaignEvents(id));
    }

    [Fact]
    public async Task Given_a_campaign_for_one_district_When_bad_or_foreign_reports_arrive_Then_each_gets_a_clear_problem_and_nothing_is_stored()
    {
        var h = await HierarchyScenario.CreateAsync(_http);
        var id = await Launch(h, participants: [h.DistrictA]);
        var before = await fixture.Database.EventCountAsync();
        var reports = $"/api/campaigns/{id}/reports";

        await AssertProblem(await _http.PostJson(reports, Report("x1", h.DistrictB, 400, 396, 48, 2_000)), HttpStatusCode.UnprocessableEntity, "committeeCode");
        await AssertProblem(await _http.PostJson(reports, Report("x2", h.CellA1, 120, 119, 10, 500, from: "2019-12-01")), HttpStatusCode.UnprocessableEntity, "periodStart");
        await AssertProblem(await _http.PostJson(reports, Report("x3", h.CellA1, 120, 119, 10, 500, to: "2021-01-31")), HttpStatusCode.UnprocessableEntity, "periodEnd");
        await AssertProblem(await _http.PostJson(reports, Report("x4", h.CellA1, 120, 121, 10, 500)), HttpStatusCode.BadRequest, "figures.membersStudied");
        await AssertProblem(await _http.PostJson(reports, Report("x5", $"ZZ{h.Suffix}", 10, 1, 1, 1)), HttpStatusCode.NotFound, "committeeCode");
        await AssertProblem(await _http.PostJson(reports, Report("x6", h.CellA1, -1, 0, 1, 1)), HttpStatusCode.BadRequest, "figures.partyMembers");
        await AssertProblem(await _http.PostJson(reports, Report("../x7", h.CellA1, 120, 119, 10, 500)), HttpStatusCode.BadRequest, "reportId");
        await AssertProblem(await _http.PostRaw(reports, "{\"reportId\":\"x8\",\"committeeCode\":\"" + h.CellA1 + "\",\"periodStart\":\"2020-01-01\",\"periodEnd\":\"2020-02-30\",\"figures\":{\"partyMembers\":1}}"),
            HttpStatusCode.BadRequest, "periodEnd");
        await AssertProblem(await _http.PostJson("/api/campaigns/NO-SUCH-CAMPAIGN/reports", Report("x9", h.CellA1, 1, 1, 1, 1)), HttpStatusCode.NotFound, "campaignId");
        await AssertProblem(await _http.PostJson($"{reports}/nothing/corrections", new { reason = "Sửa", figures = new { partyMembers = 1 } }), HttpStatusCode.NotFound, "reportId");

        Assert.Equal(before, await fixture.Database.EventCountAsync());
    }

    [Fact]
    public async Task Given_a_closed_campaign_When_a_report_comes_in_Then_it_is_refused_but_a_correction_is_still_accepted()
    {
        var h = await HierarchyScenario.CreateAsync(_http);
        var id = await Launch(h);
        await Read<ActivityReportResponse>(await _http.PostJson($"/api/campaigns/{id}/reports", Report("early", h.CellA1, 120, 119, 10, 500)), HttpStatusCode.Created);
        var closed = await Read<CampaignFigures>(await _http.PostJson($"/api/campaigns/{id}/closure", new { reason = "Tổng kết năm 2020" }), HttpStatusCode.OK);

        await AssertProblem(await _http.PostJson($"/api/campaigns/{id}/reports", Report("late", h.CellA2, 80, 60, 5, 300)), HttpStatusCode.UnprocessableEntity, "campaignId");
        var corrected = await Read<ActivityReportResponse>(await _http.PostJson($"/api/campaigns/{id}/reports/early/corrections",
            new { reason = "Đối chiếu sau tổng kết", figures = new { partyMembers = 120, membersStudied = 118 } }), HttpStatusCode.OK);

        Assert.Equal(CampaignStatus.Closed, closed.Status);
        Assert.Equal(118, corrected.Figures.MembersStudied);
    }

    [Fact]
    public async Task Given_a_cell_moved_to_the_city_after_its_report_When_figures_are_asked_as_organised_today_Then_the_report_counts_under_the_city_not_its_old_district()
    {
        var h = await HierarchyScenario.CreateAsync(_http);
        var id = await Launch(h);
        await Read<ActivityReportResponse>(await _http.PostJson($"/api/campaigns/{id}/reports", Report("cell-a1", h.CellA1, 40, 38, 1, 30)), HttpStatusCode.Created);
        await Read<TuyenGiao.Api.Committees.CommitteeResponse>(await _http.PutJson($"/api/committees/{h.CellA1}/parent", new { parentCode = h.City }), HttpStatusCode.OK);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

        var recorded = await Read<CampaignFigures>(await _http.GetAsync($"/api/campaigns/{id}"), HttpStatusCode.OK);
        var now = await Read<CampaignFigures>(await _http.GetAsync($"/api/campaigns/{id}?organisedAsOf={today:yyyy-MM-dd}"), HttpStatusCode.OK);

        Assert.Equal(1, recorded.ByCommittee.Single(c => c.Code == h.DistrictA).Reports);
        Assert.DoesNotContain(now.ByCommittee, c => c.Code == h.DistrictA);
        Assert.Equal(today, now.OrganisedAsOf);
        Assert.Equal((38, 38), (recorded.Total.Subtree.MembersStudied, now.Total.Subtree.MembersStudied));
    }

    [Fact]
    public async Task Given_a_cell_moved_to_another_district_after_its_report_When_period_reports_are_asked_as_organised_today_Then_it_counts_in_the_new_district_and_the_report_says_so()
    {
        var h = await HierarchyScenario.CreateAsync(_http);
        var id = await Launch(h);
        await Read<ActivityReportResponse>(await _http.PostJson($"/api/campaigns/{id}/reports", Report("moved", h.CellA1, 50, 45, 2, 60)), HttpStatusCode.Created);
        await Read<TuyenGiao.Api.Committees.CommitteeResponse>(await _http.PutJson($"/api/committees/{h.CellA1}/parent", new { parentCode = h.DistrictB }), HttpStatusCode.OK);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        async Task<PeriodReport> Period(string code, string query = "") =>
            await Read<PeriodReport>(await _http.GetAsync($"/api/committees/{code}/reports/period?from=2020-01-01&to=2020-12-31{query}"), HttpStatusCode.OK);
        var organisedToday = $"&organisedAsOf={today:yyyy-MM-dd}";

        Assert.Equal(45, (await Period(h.DistrictA)).Activities.Total.Subtree.MembersStudied);
        Assert.Equal(0, (await Period(h.DistrictA, organisedToday)).Activities.Total.Subtree.MembersStudied);
        Assert.Equal(0, (await Period(h.DistrictB)).Activities.Total.Subtree.MembersStudied);
        var districtB = await Period(h.DistrictB, organisedToday);
        Assert.Equal(45, districtB.Activities.Total.Subtree.MembersStudied);
        Assert.Equal(today, districtB.OrganisedAsOf);
        Assert.Contains(districtB.Subtree, c => c.Code == h.CellA1 && c.ParentCode == h.DistrictB);
        Assert.Equal((await Period(h.City)).Activities.Total.Subtree.MembersStudied, (await Period(h.City, organisedToday)).Activities.Total.Subtree.MembersStudied);
        var csv = await _http.GetStringAsync($"/api/committees/{h.DistrictB}/reports/period?from=2020-01-01&to=2020-12-31&format=csv{organisedToday}");
        Assert.Contains($"Tổ chức theo,hệ thống tổ chức ngày {today:dd/MM/yyyy}", csv);
    }
}

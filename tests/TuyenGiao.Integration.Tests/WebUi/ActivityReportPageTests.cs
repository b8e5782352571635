using System.Net;
using OpenQA.Selenium;
using TuyenGiao.Access;
using TuyenGiao.Api.Campaigns;
using TuyenGiao.Integration.Tests.Campaigns;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Accounts.Accounts;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.WebUi;

/// <summary>A grassroots officer reports a campaign's figures and corrects them, through the UI only; the API keeps both versions.</summary>
[Collection(NodeCollection.Name)]
public class ActivityReportPageTests(NodeFixture fixture)
{
    private TuyenGiaoNode Node => fixture.Node;

    [Fact]
    public async Task Given_a_campaign_When_a_grassroots_officer_reports_is_refused_a_part_above_its_whole_and_corrects_the_report_Then_both_versions_are_kept_with_the_reason()
    {
        var tree = await HierarchyScenario.CreateAsync(Node.Http);
        var campaignId = await tree.LaunchCampaignOf2026Async(Node.Http, "HT");
        var officer = await PersonWithOwnPasswordAsync(Node, "cell", (Role.Officer, tree.CellA1));
        using var browser = new Browser();
        await browser.SignInAsync(Node.BaseAddress, officer, OwnPassword);

        browser.Open(new Uri(Node.BaseAddress, $"/ui/#/campaigns/{campaignId}"));
        await browser.WaitFor("#report-form");
        // No report yet: the page says there are no figures, instead of bars at 0 %.
        Assert.StartsWith("Chưa có số liệu học tập", browser.Text("[data-testid=no-figures]"));
        Assert.Null(browser.Text("[data-testid=participation]"));
        Assert.Equal("01/01/2026", browser.Driver.FindElement(By.Id("report-from")).GetAttribute("value"));
        browser.Choose("report-committee", tree.CellA1);
        browser.Type("report-partyMembers", "120");
        browser.Type("report-studySessions", "4");
        browser.Type("report-membersStudied", "130");
        browser.Driver.FindElement(By.Id("report-add-class")).Click();
        browser.Type("report-class-type-0", "Bồi dưỡng lý luận chính trị cho đảng viên mới");
        browser.Type("report-class-count-0", "2");
        browser.Type("report-class-learners-0", "60");
        browser.Driver.FindElement(By.Id("report-submit")).Click();
        await browser.WaitForText("#report-membersStudied-error", "Số đảng viên đã học tập không được lớn hơn Số đảng viên của đơn vị.");

        browser.Type("report-membersStudied", "110");
        browser.Driver.FindElement(By.Id("report-submit")).Click();
        await browser.WaitFor("#report-link");
        browser.Screenshot("report-sent");
        browser.Driver.FindElement(By.Id("report-link")).Click();

        await browser.WaitFor("#report-rates", text => text.StartsWith("Tỷ lệ đảng viên học tập: 91,7%", StringComparison.Ordinal));
        Assert.Equal("110", browser.Driver.FindElement(By.Id("correct-membersStudied")).GetAttribute("value"));
        browser.Type("correct-membersStudied", "118");
        browser.Type("correct-reason", "Bổ sung 8 đảng viên học bù");
        browser.Driver.FindElement(By.Id("correct-submit")).Click();

        await browser.WaitFor("#report-rates", text => text.StartsWith("Tỷ lệ đảng viên học tập: 98,3%", StringComparison.Ordinal));
        await browser.WaitFor("#report-history tbody tr:nth-child(2)", text => text.Contains("Bổ sung 8 đảng viên học bù", StringComparison.Ordinal));
        Assert.Contains("Báo cáo", browser.Text("#report-history tbody tr:first-child"));
        browser.Screenshot("report-corrected");

        var reportId = browser.Driver.Url.Split("/reports/")[1];
        var stored = await Read<ActivityReportResponse>(await Node.Http.GetAsync($"/api/campaigns/{campaignId}/reports/{reportId}"), HttpStatusCode.OK);
        Assert.Equal((118, 4, 1), (stored.Figures.MembersStudied, stored.Figures.StudySessions, stored.Corrections));
        // The classes sent with the report stay through the correction, which did not touch them.
        var classes = stored.Figures.TrainingClasses.Single();
        Assert.Equal(("Bồi dưỡng lý luận chính trị cho đảng viên mới", 2, 60), (classes.ClassType, classes.Classes, classes.Learners));
        Assert.Equal(2, stored.History[0].Figures.TrainingClasses.Single().Classes);
        Assert.Equal([110, 118], stored.History.Select(v => v.Figures.MembersStudied));
        Assert.Equal([officer, officer], stored.History.Select(v => v.Actor));
    }
}

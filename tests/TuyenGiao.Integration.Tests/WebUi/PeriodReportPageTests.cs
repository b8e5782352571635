using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using OpenQA.Selenium;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Campaigns;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Accounts.Accounts;

namespace TuyenGiao.Integration.Tests.WebUi;

/// <summary>A provincial officer opens the period report from the committee tree, reads it, and downloads the workbook to send upward.</summary>
[Collection(NodeCollection.Name)]
public class PeriodReportPageTests(NodeFixture fixture)
{
    private TuyenGiaoNode Node => fixture.Node;

    [Fact]
    public async Task Given_reports_below_a_province_When_its_officer_opens_the_period_report_from_the_tree_Then_the_page_and_the_downloaded_workbook_hold_the_figures()
    {
        var tree = await HierarchyScenario.CreateAsync(Node.Http);
        var campaignId = await tree.LaunchCampaignOf2026Async(Node.Http, "PR");
        Assert.Equal(HttpStatusCode.Created, (await Node.Http.PostJson($"/api/campaigns/{campaignId}/reports", new
        {
            reportId = "q1", committeeCode = tree.CellA1, periodStart = "2026-01-01", periodEnd = "2026-03-31",
            figures = new { partyMembers = 120, studySessions = 4, membersStudied = 110 },
        })).StatusCode);
        var officer = await PersonWithOwnPasswordAsync(Node, "province", (Role.Officer, tree.City));
        using var browser = new Browser();
        await browser.SignInAsync(Node.BaseAddress, officer, OwnPassword);

        browser.Open(new Uri(Node.BaseAddress, "/ui/#/committees"));
        await browser.WaitFor($"details[data-code='{tree.City}'] > summary");
        browser.Driver.FindElement(By.CssSelector($"details[data-code='{tree.City}'] > summary")).Click();
        browser.Driver.FindElement(By.CssSelector($"details[data-code='{tree.City}'] > .committee-links a[href$='/bao-cao']")).Click();
        await browser.WaitFor("#period-summary");
        Assert.Equal("Báo cáo định kỳ – Thành ủy Cần Thơ", browser.Text("main h1"));
        Assert.StartsWith("Kỳ báo cáo: 01/01/2026 – 31/12/2026", browser.Text("#period-line"));
        var summary = SummaryRows(browser);
        Assert.Equal(("110", "91,7%"), (summary["Số đảng viên đã học tập"], summary["Tỷ lệ đảng viên học tập"]));
        Assert.Contains("Đảng bộ phường Thốt Nốt", browser.Text("#period-by-committee"));
        browser.Screenshot("period-report");

        // The download is the API's workbook, fetched in the same session as the browser's link would be.
        var link = browser.Driver.FindElement(By.Id("download-xlsx")).GetAttribute("href")!;
        using var download = new HttpClient(new Contract.ContractCheckingHandler());
        download.DefaultRequestHeaders.Add("Cookie", $"tuyengiao.session={browser.Driver.Manage().Cookies.GetCookieNamed("tuyengiao.session")!.Value}");
        var response = await download.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var workbook = SpreadsheetDocument.Open(stream, false);
        var first = workbook.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().First();
        Assert.Equal("Tổng hợp", first.Name!.Value);
        var rows = ((WorksheetPart)workbook.WorkbookPart.GetPartById(first.Id!)).Worksheet.Descendants<Row>()
            .ToDictionary(r => r.Elements<Cell>().First().InnerText, r => r.Elements<Cell>().Last().InnerText);
        Assert.Equal(("110", "120"), (rows["Đảng viên tham gia học tập"], rows["Đảng viên"]));

        // Printed, the page is the report alone: no navigation, no forms or links, and the day it was printed.
        browser.Driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?> { ["media"] = "print" });
        string Display(string css) => (string)browser.Script("return getComputedStyle(document.querySelector(arguments[0])).display;", css)!;
        Assert.Equal(("none", "none", "none", "block"), (Display("header"), Display("#period-form"), Display("#period-downloads"), Display("main .print-only")));
        Assert.StartsWith("In ngày ", browser.Text("main .print-only"));
        browser.Screenshot("period-report-print");
    }

    private static Dictionary<string, string> SummaryRows(Browser browser) =>
        ((IEnumerable<object>)browser.Script("return [...document.querySelectorAll('#period-summary tbody tr')].map(r => r.cells[0].textContent + '|' + r.cells[1].textContent);")!)
        .Cast<string>().Select(r => r.Split('|')).ToDictionary(p => p[0], p => p[1]);
}

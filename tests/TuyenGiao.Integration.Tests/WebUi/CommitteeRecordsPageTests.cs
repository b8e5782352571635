using System.Net;
using System.Text.Json;
using OpenQA.Selenium;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Campaigns;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Accounts.Accounts;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.WebUi;

/// <summary>Officers keep a committee's records in the UI: a model programme and its review, a public-opinion issue and its resolution, an upper committee's inspection.</summary>
[Collection(NodeCollection.Name)]
public class CommitteeRecordsPageTests(NodeFixture fixture)
{
    private TuyenGiaoNode Node => fixture.Node;

    [Fact]
    public async Task Given_district_and_city_officers_When_they_keep_the_district_records_in_the_UI_Then_the_record_book_holds_each_and_a_bad_day_is_refused_beside_it()
    {
        var tree = await HierarchyScenario.CreateAsync(Node.Http);
        var district = await PersonWithOwnPasswordAsync(Node, "district", (Role.Officer, tree.DistrictA));
        using var browser = new Browser();
        await browser.SignInAsync(Node.BaseAddress, district, OwnPassword);

        browser.Open(new Uri(Node.BaseAddress, $"/ui/#/committees/{tree.DistrictA}/ho-so"));
        await browser.WaitFor("#programme-form-details > summary");
        Assert.Equal("Hồ sơ – Quận ủy Thốt Nốt", browser.Text("main h1"));
        Assert.Null(browser.Text("#inspection-form")); // a district officer does not inspect their own committee
        browser.Driver.FindElement(By.CssSelector("#programme-form-details > summary")).Click();
        browser.Type("programme-form-name", "Dân vận khéo phường Thốt Nốt");
        browser.Type("programme-form-programmeType", "Dân vận khéo");
        browser.Type("programme-form-startedOn", "30/02/2025");
        browser.Driver.FindElement(By.Id("programme-form-submit")).Click();
        await browser.WaitForText("#programme-form-startedOn-error", "Không có ngày 30/02/2025: hãy nhập một ngày có thật, dạng dd/mm/yyyy.");
        browser.Type("programme-form-startedOn", "15/03/2025");
        browser.Driver.FindElement(By.Id("programme-form-submit")).Click();
        await browser.WaitFor("#programme-table", text => text.Contains("Dân vận khéo phường Thốt Nốt", StringComparison.Ordinal));

        browser.Driver.FindElement(By.CssSelector("#review-form-details > summary")).Click();
        browser.Type("review-form-reviewedOn", "30/11/2025");
        browser.Driver.FindElement(By.Id("review-form-submit")).Click();
        await browser.WaitFor("#programme-table tbody tr", text => text.Contains("30/11/2025", StringComparison.Ordinal));

        browser.Driver.FindElement(By.CssSelector("#issue-form-details > summary")).Click();
        browser.Type("issue-form-subject", "Dư luận về giải phóng mặt bằng tuyến đường ven sông");
        browser.Type("issue-form-openedOn", "02/04/2025");
        browser.Driver.FindElement(By.Id("issue-form-submit")).Click();
        await browser.WaitFor("#resolve-form-details > summary");
        browser.Driver.FindElement(By.CssSelector("#resolve-form-details > summary")).Click();
        browser.Type("resolve-form-resolvedOn", "20/04/2025");
        browser.Type("resolve-form-outcome", "Đối thoại với người dân, đã thống nhất phương án");
        browser.Driver.FindElement(By.Id("resolve-form-submit")).Click();
        await browser.WaitFor("#issue-table", text => text.Contains("Đã giải quyết 20/04/2025", StringComparison.Ordinal));
        browser.Screenshot("committee-records");

        // The city's officer records an inspection of the district, which the district then follows up.
        var city = await PersonWithOwnPasswordAsync(Node, "city", (Role.Officer, tree.City));
        using var cityBrowser = new Browser();
        await cityBrowser.SignInAsync(Node.BaseAddress, city, OwnPassword);
        cityBrowser.Open(new Uri(Node.BaseAddress, $"/ui/#/committees/{tree.DistrictA}/ho-so"));
        await cityBrowser.WaitFor("#inspection-form-details > summary");
        cityBrowser.Driver.FindElement(By.CssSelector("#inspection-form-details > summary")).Click();
        cityBrowser.Choose("inspection-form-inspectorCode", tree.City);
        cityBrowser.Type("inspection-form-inspectedOn", "10/06/2025");
        cityBrowser.Type("inspection-form-delegation", "Nguyễn Văn A, Trần Thị B");
        cityBrowser.Type("inspection-form-findings", "Thực hiện tốt việc học tập nghị quyết");
        cityBrowser.Driver.FindElement(By.Id("inspection-form-submit")).Click();
        await cityBrowser.WaitFor("#inspection-table", text => text.Contains("Thực hiện tốt", StringComparison.Ordinal));

        // A page that is not the district officer's to see says so, not "sign in".
        browser.Open(new Uri(Node.BaseAddress, $"/ui/#/audit/records/{tree.DistrictA}"));
        await browser.WaitForText("main .error", "Tài khoản của bạn không có quyền xem trang này. Nếu cần, hãy đề nghị quản trị viên cấp quyền.");

        var book = await Read<JsonElement>(await Node.Http.GetAsync($"/api/committees/{tree.DistrictA}/records"), HttpStatusCode.OK);
        var programme = book.GetProperty("programmes").EnumerateObject().Single().Value;
        Assert.Equal(("2025-03-15", "2025-11-30"), (programme.GetProperty("startedOn").GetString(), programme.GetProperty("maintainedOn")[0].GetString()));
        var issue = book.GetProperty("opinionIssues").EnumerateObject().Single().Value;
        Assert.Equal("2025-04-20", issue.GetProperty("resolvedOn").GetString());
        var inspection = book.GetProperty("inspections").EnumerateObject().Single().Value;
        Assert.Equal([ "Nguyễn Văn A", "Trần Thị B" ], inspection.GetProperty("delegation").EnumerateArray().Select(d => d.GetString()));
    }
}

using System.Net;
using OpenQA.Selenium;
using TuyenGiao.Access;
using TuyenGiao.Api.Contests;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Accounts.Accounts;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.WebUi;

/// <summary>The personal data page: an admin erases a person through the UI only; an auditor looks the erasure up and reads the access log.</summary>
public class PersonalDataPageTests
{
    private const string Ngoc = "Trần Thị Bích Ngọc";
    private const string LegalBasis = "Đơn đề nghị ngày 01/08/2023; Nghị định 13/2023/NĐ-CP, Điều 16";

    private static readonly DateTimeOffset Opens = new(2023, 6, 1, 0, 0, 0, TimeSpan.FromHours(7));

    [Fact]
    public async Task Given_an_author_whose_name_was_read_When_an_admin_erases_her_on_the_page_Then_refusals_show_beside_their_fields_and_the_erasure_and_the_log_read_back()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"ui-pd-{Guid.NewGuid():N}"[..16], new FixedClock(Opens.AddDays(1)));
        var contest = await ContestScenario.CreateAsync(node.Http, Opens, Opens.AddMonths(1));
        await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry("e-1", author: Ngoc)), HttpStatusCode.Created);
        // The admin's read of the contest's audit stream opens her name: the access log's one row.
        Assert.Contains(Ngoc, await (await node.Http.GetAsync($"/api/audit/stream?id=contest/{contest.ContestId}")).Content.ReadAsStringAsync());
        var admin = await PersonWithOwnPasswordAsync(node, "admin", (Role.Admin, null));
        using var browser = new Browser();
        await browser.SignInAsync(node.BaseAddress, admin, OwnPassword);
        browser.Open(new Uri(node.BaseAddress, "/ui/#/du-lieu-ca-nhan"));
        await browser.WaitFor("#access-log tbody tr", text => text.Contains("test-admin") && text.Contains($"contest/{contest.ContestId}"));

        // Not confirmed: refused on the page, nothing sent.
        browser.Type("erase-author-name", Ngoc);
        browser.Type("erase-committee-code", contest.CellA);
        browser.Type("erase-legal-basis", LegalBasis);
        browser.Driver.FindElement(By.Id("erase-submit")).Click();
        await browser.WaitFor("#erase-understood-error", text => text.Contains("không thể hoàn tác"));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM personal.data_keys"));

        // A participant: a number left blank is refused on the page, a malformed one by the API, each beside the number.
        browser.Driver.FindElement(By.Id("erase-understood")).Click();
        browser.Choose("erase-kind", "participant");
        Assert.False(browser.Driver.FindElement(By.Id("erase-author-name")).Displayed);
        browser.Driver.FindElement(By.Id("erase-submit")).Click();
        await browser.WaitFor("#erase-phone-error", text => text.Contains("Hãy nhập số điện thoại"));
        browser.Type("erase-phone", "12");
        browser.Driver.FindElement(By.Id("erase-submit")).Click();
        await browser.WaitFor("#erase-phone-error", text => text.Length > 0 && !text.Contains("Hãy nhập"));
        Assert.Equal("true", browser.Driver.FindElement(By.Id("erase-phone")).GetAttribute("aria-invalid"));

        // The author, confirmed: erased, with what was held of hers; her key is gone.
        browser.Choose("erase-kind", "author");
        browser.Driver.FindElement(By.Id("erase-submit")).Click();
        await browser.WaitFor("#erasure-result .erasure-held tbody tr", text => text.Contains($"contest/{contest.ContestId}") && text.EndsWith('1'));
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM personal.data_keys"));
        Assert.False(browser.Driver.FindElement(By.Id("erase-understood")).Selected); // the next erasure is confirmed again
        var requestId = browser.Driver.FindElement(By.CssSelector("#erasure-result .erasure")).GetAttribute("data-request-id")!;
        Assert.Contains(LegalBasis, browser.Text("#erasure-result"));
        Assert.Empty(browser.AccessibilityViolations());
        browser.Screenshot("personal-data-erased");

        // An auditor: no erasure form; the erasure found by its id; the log filtered to her shows the read before it.
        var auditor = await PersonWithOwnPasswordAsync(node, "auditor", (Role.Auditor, null));
        browser.Driver.FindElement(By.Id("sign-out-button")).Click();
        await browser.WaitFor("#sign-in-form");
        await browser.SignInAsync(node.BaseAddress, auditor, OwnPassword);
        browser.Open(new Uri(node.BaseAddress, "/ui/#/du-lieu-ca-nhan"));
        await browser.WaitFor("#access-log tbody tr");
        Assert.Empty(browser.Driver.FindElements(By.Id("erase")));
        // Everyone's reads: no person's fields shown until a kind of person is chosen.
        Assert.False(browser.Driver.FindElement(By.Id("log-phone")).Displayed || browser.Driver.FindElement(By.Id("log-author-name")).Displayed);
        browser.Type("erasure-lookup-id", requestId);
        browser.Driver.FindElement(By.Id("erasure-lookup-submit")).Click();
        await browser.WaitFor("#erasure-lookup-result .erasure", text => text.Contains(LegalBasis) && text.Contains($"contest/{contest.ContestId}"));
        browser.Type("erasure-lookup-id", "khong-co");
        browser.Driver.FindElement(By.Id("erasure-lookup-submit")).Click();
        await browser.WaitFor("#erasure-lookup-id-error", text => text.Contains("Không có yêu cầu xoá nào mang mã \"khong-co\""));

        browser.Choose("log-kind", "author");
        browser.Type("log-author-name", "Người Khác");
        browser.Type("log-committee-code", contest.CellA);
        browser.Driver.FindElement(By.Id("access-log-filter-submit")).Click();
        await browser.WaitFor("#access-log-message", text => text.Contains("Chưa có lần đọc nào"));
        browser.Type("log-author-name", Ngoc);
        browser.Driver.FindElement(By.Id("access-log-filter-submit")).Click();
        await browser.WaitFor("#access-log tbody tr", text => text.Contains("test-admin"));
        Assert.Single(browser.Driver.FindElements(By.CssSelector("#access-log tbody tr")));
        Assert.Empty(browser.AccessibilityViolations());
        browser.Screenshot("personal-data-auditor");
    }
}

using System.Net;
using System.Text.Json;
using OpenQA.Selenium;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Accounts.Accounts;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.WebUi;

/// <summary>A grassroots officer records entries on the contest page, through the UI only; the API confirms what was stored.</summary>
[Collection(NodeCollection.Name)]
public class RecordEntryPageTests(NodeFixture fixture)
{
    private TuyenGiaoNode Node => fixture.Node;

    private async Task<int> Accepted(ContestScenario contest) =>
        (await Read<JsonElement>(await Node.Http.GetAsync($"/api/contests/{contest.ContestId}/tally"), HttpStatusCode.OK)).GetProperty("accepted").GetInt32();

    private static void Fill(Browser browser, string committee, string author, string title, string words)
    {
        browser.Choose("entry-committee", committee);
        browser.Type("entry-author", author);
        browser.Type("entry-title", title);
        browser.Type("entry-words", words);
    }

    [Fact]
    public async Task Given_a_grassroots_officer_When_recording_entries_with_a_double_click_a_lost_answer_and_a_refusal_Then_each_entry_is_stored_once_and_the_page_says_so()
    {
        var contest = await ContestScenario.OpenNowAsync(Node.Http, perAuthorLimit: 1);
        var officer = await PersonWithOwnPasswordAsync(Node, "cell", (Role.Officer, contest.CellA));
        using var browser = new Browser();
        await browser.SignInAsync(Node.BaseAddress, officer, OwnPassword);

        browser.Open(new Uri(Node.BaseAddress, $"/ui/#/contests/{contest.ContestId}"));
        await browser.WaitFor("#entry-form");
        // Only the officer's own committee (and those below it, none here) is offered.
        Assert.Equal(["", contest.CellA], ((IEnumerable<object>)browser.Script(
            "return [...document.querySelectorAll('#entry-committee option')].map(o => o.value);")!).Cast<string>());

        // A double click sends the form once.
        Fill(browser, contest.CellA, "Nguyễn Văn Ánh", "Khát vọng vươn lên", "1500");
        browser.Script("const b = document.getElementById('entry-submit'); b.click(); b.click();");
        await browser.WaitFor("#entry-receipt", text => text.StartsWith("Đã ghi nhận bài dự thi số 1 lúc", StringComparison.Ordinal));
        Assert.Equal(1, await Accepted(contest));
        browser.Screenshot("entry-recorded");

        // The answer is lost on its way back (the entry was stored): pressing again sends the same id and shows the same receipt.
        browser.Driver.FindElement(By.Id("entry-another")).Click();
        Fill(browser, contest.CellA, "Trần Thị Bình", "Tuổi trẻ Trà Vinh", "2000");
        browser.Script("""
            const original = window.fetch;
            window.fetch = async (...args) => {
              const answer = await original(...args);
              if (String(args[0]).endsWith('/entries')) { window.fetch = original; throw new TypeError('Failed to fetch'); }
              return answer;
            };
            """);
        browser.Driver.FindElement(By.Id("entry-submit")).Click();
        await browser.WaitFor("#entry-general-error", text => text.StartsWith("Không gửi được do lỗi mạng.", StringComparison.Ordinal));
        Assert.Equal(2, await Accepted(contest));
        browser.Driver.FindElement(By.Id("entry-submit")).Click();
        await browser.WaitFor("#entry-receipt", text => text.StartsWith("Đã ghi nhận bài dự thi số 2 lúc", StringComparison.Ordinal));
        Assert.Equal(2, await Accepted(contest));

        // The API's refusal (one entry per author in this contest) shows beside the field it names, in Vietnamese.
        browser.Driver.FindElement(By.Id("entry-another")).Click();
        Fill(browser, contest.CellA, "Nguyễn Văn Ánh", "Bài thứ hai", "900");
        browser.Driver.FindElement(By.Id("entry-submit")).Click();
        await browser.WaitForText("#entry-author-error", "Tác giả này đã gửi đủ số bài mỗi người được gửi.");
        Assert.Equal("true", browser.Driver.FindElement(By.Id("entry-author")).GetAttribute("aria-invalid"));
        Assert.Equal("", browser.Text("#entry-receipt"));
        Assert.Equal(2, await Accepted(contest));
        browser.Screenshot("entry-refused");
    }
}

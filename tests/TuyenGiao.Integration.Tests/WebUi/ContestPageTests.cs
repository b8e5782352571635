using System.Net;
using System.Text.Json;
using OpenQA.Selenium;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.WebUi;

/// <summary>The web UI in a real browser against a real node: the contest page live, the language switch, time travel, the audit view.</summary>
[Collection(NodeCollection.Name)]
public class ContestPageTests(NodeFixture fixture)
{
    [Fact]
    public async Task Given_the_contest_page_open_When_entries_arrive_through_the_API_Then_counter_and_bars_change_without_a_reload_and_English_is_a_click_away()
    {
        var contest = await ContestScenario.OpenNowAsync(fixture.Node.Http);
        using var browser = new Browser();
        browser.Open(new Uri(fixture.Node.BaseAddress, $"/ui/#/contests/{contest.ContestId}"));

        await browser.WaitForText("[data-testid=live-accepted]", "0");
        await browser.WaitForText("#live-status", "Cập nhật trực tiếp");
        Assert.Equal("1.277", browser.Text("[data-testid=live-target]"));
        browser.Script("window.sameDocument = 'not reloaded';");

        await Submit(contest, "ui-1", contest.CellA);
        await Submit(contest, "ui-2", contest.CellA);
        await Submit(contest, "ui-3", contest.CellB);

        await browser.WaitForText("[data-testid=live-accepted]", "3");
        await browser.WaitForText($"[data-testid=live-by-committee] [data-key='{contest.CellA}'] .value", "2");
        await browser.WaitForText($"[data-testid=live-by-committee] [data-key='{contest.CellB}'] .value", "1");
        Assert.Equal("not reloaded", browser.Script("return window.sameDocument;"));
        Assert.StartsWith("đạt 0,2% chỉ tiêu", browser.Text("[data-testid=live-progress]"));
        Assert.Contains("Theo đơn vị", browser.Text("[data-testid=live-by-committee] h2"));
        browser.Screenshot("contest-live-vi");

        browser.Driver.FindElement(By.Id("lang-toggle")).Click();

        await browser.WaitForText("[data-testid=live-by-committee] h2", "Entries by committee");
        Assert.Equal("1,277", browser.Text("[data-testid=live-target]"));
        Assert.StartsWith("0.2% of the target", browser.Text("[data-testid=live-progress]"));
        Assert.Equal("Tiếng Việt", browser.Text("#lang-toggle"));
        Assert.Equal("en", browser.Script("return document.documentElement.lang;"));
        Assert.Equal("Live", browser.Text("#live-status"));
        Assert.Equal("not reloaded", browser.Script("return window.sameDocument;"));
        browser.Screenshot("contest-live-en");

        // The page reads aggregates only: no request for entries, whatever the contest's size.
        var requested = (IEnumerable<object>)browser.Script("return performance.getEntriesByType('resource').map(e => e.name);")!;
        Assert.DoesNotContain(requested.Cast<string>(), url => url.Contains("/entries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_cell_moved_out_of_the_bloc_after_its_entries_When_the_view_is_switched_to_today_Then_the_page_says_so_and_the_bars_follow()
    {
        var contest = await ContestScenario.OpenNowAsync(fixture.Node.Http);
        await Submit(contest, "v-1", contest.CellA);
        await Submit(contest, "v-2", contest.CellB);
        await Read<TuyenGiao.Api.Committees.CommitteeHistoryResponse>(await fixture.Node.Http.PostJson($"/api/committees/{contest.CellA}/reorganisations/reparenting",
            new { parentCode = contest.Province, effectiveOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)), legalReference = "Quyết định số 15-QĐ/TU" }),
            HttpStatusCode.OK);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        using var browser = new Browser();
        browser.Open(new Uri(fixture.Node.BaseAddress, $"/ui/#/contests/{contest.ContestId}"));

        await browser.WaitForText("[data-testid=live-view]", "Tổ chức theo: thời điểm ghi nhận bài dự thi");
        await browser.WaitForText($"[data-testid=live-by-committee] [data-key='{contest.CellA}'] .value", "1");
        browser.Driver.FindElement(By.Id("switch-view")).Click();

        await browser.WaitForText("[data-testid=live-view]", $"Tổ chức theo: hệ thống tổ chức ngày {today:dd/MM/yyyy}");
        // The moved cell is no longer one of the bloc's member organisations; its entry still counts at the top.
        Assert.Empty(browser.Driver.FindElements(By.CssSelector($"[data-testid=live-by-committee] [data-key='{contest.CellA}']")));
        await browser.WaitForText($"[data-testid=live-by-committee] [data-key='{contest.CellB}'] .value", "1");
        await browser.WaitForText("[data-testid=live-accepted]", "2");
        browser.Screenshot("contest-organised-today");
    }

    [Fact]
    public async Task Given_a_contest_announced_today_When_yesterday_and_today_are_picked_Then_each_day_shows_what_was_known_then_with_Vietnamese_dates()
    {
        var contest = await ContestScenario.CreateAsync(fixture.Node.Http, DateTimeOffset.UtcNow.AddDays(-3), DateTimeOffset.UtcNow.AddDays(30));
        await Submit(contest, "tt-1", contest.CellA);
        await Submit(contest, "tt-2", contest.CellB);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        using var browser = new Browser();
        browser.Open(new Uri(fixture.Node.BaseAddress, $"/ui/#/contests/{contest.ContestId}"));
        await browser.WaitForText("[data-testid=live-accepted]", "2");

        // The contest was announced today: the day before, there was none.
        await AsOf(browser, today.AddDays(-1));
        await browser.WaitForText("#as-of-tally h3", $"Số liệu đến hết ngày {today.AddDays(-1):dd/MM/yyyy}");
        await browser.WaitForText("[data-testid=past-message]", "Ngày này cuộc thi chưa được công bố.");
        await AsOf(browser, today);
        await browser.WaitForText("#as-of-tally h3", $"Số liệu đến hết ngày {today:dd/MM/yyyy}");
        await browser.WaitForText("[data-testid=past-accepted]", "2");
        browser.Screenshot("contest-time-travel");

        // A day that does not exist is said so beside the field, and the tally shown stays.
        var input = browser.Driver.FindElement(By.Id("as-of-day"));
        input.Clear();
        input.SendKeys("31/02/2026");
        browser.Driver.FindElement(By.CssSelector("#time-travel button")).Click();
        await browser.WaitForText("#as-of-day-error", "Không có ngày 31/02/2026: hãy nhập một ngày có thật, dạng dd/mm/yyyy.");
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("2", browser.Text("[data-testid=past-accepted]"));
    }

    [Fact]
    public async Task Given_an_organiser_and_awards_not_yet_published_When_the_live_stream_brings_a_change_Then_the_page_keeps_the_awards_the_organiser_may_see()
    {
        var contest = await ContestScenario.OpenNowAsync(fixture.Node.Http);
        await Submit(contest, "aw-1", contest.CellA);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Node.Http.PostJson($"/api/contests/{contest.ContestId}/awards",
            new { tier = "Giải nhất tập thể", collective = true, committeeCode = contest.CellA, reason = "Đơn vị tích cực" })).StatusCode);
        var organiser = await Accounts.Accounts.PersonWithOwnPasswordAsync(fixture.Node, "org", (TuyenGiao.Access.Role.Organiser, contest.Bloc));
        using var browser = new Browser();
        await browser.SignInAsync(fixture.Node.BaseAddress, organiser, Accounts.Accounts.OwnPassword);
        browser.Open(new Uri(fixture.Node.BaseAddress, $"/ui/#/contests/{contest.ContestId}"));
        await browser.WaitForText("#live-status", "Cập nhật trực tiếp");
        const string collectiveGranted = "[data-testid=live-awards] tbody tr:last-child td:last-child";
        await browser.WaitForText(collectiveGranted, "1");
        // The tab is named by the page, and the site's icon is its own (no request to a protected /favicon.ico).
        Assert.Equal($"{contest.Title} – Ban Tuyên giáo", browser.Driver.Title);
        Assert.Equal(HttpStatusCode.OK, (await fixture.Node.Anonymous().GetAsync("/ui/favicon.svg")).StatusCode);

        await Submit(contest, "aw-2", contest.CellB);

        await browser.WaitForText("[data-testid=live-accepted]", "2");
        Assert.Equal("1", browser.Text(collectiveGranted));
    }

    [Fact]
    public async Task Given_an_auditor_signed_in_When_the_contest_stream_is_opened_in_the_audit_view_Then_each_event_shows_its_actor_and_Vietnam_time()
    {
        var contest = await ContestScenario.OpenNowAsync(fixture.Node.Http);
        await Submit(contest, "audit-1", contest.CellA);
        var auditor = await Accounts.Accounts.PersonWithOwnPasswordAsync(fixture.Node, "auditor", (Role.Auditor, null));
        using var browser = new Browser();
        await browser.SignInAsync(fixture.Node.BaseAddress, auditor, Accounts.Accounts.OwnPassword);
        await browser.WaitForText("#signed-in-as", "Nguyễn Thị Lan (kiểm tra)");

        browser.Open(new Uri(fixture.Node.BaseAddress, $"/ui/#/audit/contest/{contest.ContestId}"));

        await browser.WaitForText("[data-testid=audit-events] tr[data-version='2'] td:nth-child(2)", "entry_submitted");
        var announced = browser.Driver.FindElements(By.CssSelector("[data-testid=audit-events] tr[data-version='1'] td")).Select(c => c.Text).ToList();
        Assert.Equal("contest_announced", announced[1]);
        Assert.Equal("test-admin", announced[2]);
        Assert.Matches(@"^\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}$", announced[3]);
        var recordedAt = await RecordedAt(contest.ContestId);
        Assert.Equal(recordedAt.ToOffset(TimeSpan.FromHours(7)).ToString("dd/MM/yyyy HH:mm:ss"), announced[3]);
        browser.Screenshot("audit-contest");
    }

    private async Task Submit(ContestScenario contest, string id, string committee) =>
        await Read<JsonElement>(await contest.Submit(contest.Entry(id, committee: committee)), HttpStatusCode.Created);

    /// <summary>Types the day as a Vietnamese user writes it, dd/MM/yyyy, and sends the form.</summary>
    private static async Task AsOf(Browser browser, DateOnly day)
    {
        var input = browser.Driver.FindElement(By.Id("as-of-day"));
        input.Clear();
        input.SendKeys(day.ToString("dd/MM/yyyy"));
        browser.Driver.FindElement(By.CssSelector("#time-travel button")).Click();
        await Task.Delay(100);
    }

    private async Task<DateTimeOffset> RecordedAt(string contestId)
    {
        var events = await Read<JsonElement>(await fixture.Node.Http.GetAsync($"/api/audit/stream?id=contest/{contestId}&limit=1"), HttpStatusCode.OK);
        return events.GetProperty("events")[0].GetProperty("recordedAt").GetDateTimeOffset();
    }
}

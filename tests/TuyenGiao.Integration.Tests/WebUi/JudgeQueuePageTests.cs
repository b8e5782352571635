using System.Net;
using OpenQA.Selenium;
using TuyenGiao.Access;
using TuyenGiao.Api.Contests;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Accounts.Accounts;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.WebUi;

/// <summary>A judge signs in and scores their queue with the keyboard alone; the API holds the scores the page showed.</summary>
[Collection(NodeCollection.Name)]
public class JudgeQueuePageTests(NodeFixture fixture)
{
    private TuyenGiaoNode Node => fixture.Node;

    [Fact]
    public async Task Given_a_judge_on_a_panel_When_they_type_scores_and_Enter_through_their_queue_and_rescore_one_Then_the_progress_follows_and_the_scores_are_stored()
    {
        var contest = await ContestScenario.OpenNowAsync(Node.Http);
        var judge = await JudgeOfEntriesAsync(contest, 3);
        var root = $"/api/contests/{contest.ContestId}";
        using var browser = new Browser();

        await browser.SignInAsync(Node.BaseAddress, judge, OwnPassword);
        await browser.WaitFor("#judged-contests a");
        Assert.Contains("0 / 3 đã chấm", browser.Text("#judged-contests li"));
        browser.Driver.FindElement(By.CssSelector("#judged-contests a")).Click();

        await browser.WaitForText("#judge-progress", "0 / 3 đã chấm");
        // No author and no committee anywhere on the page.
        Assert.DoesNotContain("Tác giả", browser.Text("main"));
        Assert.DoesNotContain(contest.CellA, browser.Text("main"));
        // Keyboard only: the first entry has the focus; each Enter saves and moves on.
        foreach (var score in new[] { "85", "70", "92" })
        {
            var focused = browser.Driver.SwitchTo().ActiveElement();
            focused.SendKeys(score + Keys.Enter);
            await browser.WaitFor($"#score-status-{focused.GetAttribute("id")!["score-".Length..]}", text => text == "Đã lưu");
        }
        await browser.WaitForText("#judge-progress", "3 / 3 đã chấm");
        browser.Screenshot("judge-queue");

        // A score out of range is refused beside it; a rescore replaces the first score.
        var first = browser.Driver.FindElement(By.Id("score-1"));
        first.Clear();
        first.SendKeys("101" + Keys.Enter);
        await browser.WaitForText("#score-status-1", "Điểm là số nguyên từ 0 đến 100.");
        first.Clear();
        first.SendKeys("88" + Keys.Enter);
        await browser.WaitForText("#score-status-1", "Đã lưu");

        var stored = await Read<List<AnonymousEntryResponse>>(await Node.Http.GetAsync($"{root}/judges/{judge}/entries"), HttpStatusCode.OK);
        Assert.Equal([(1, (int?)88), (2, 70), (3, 92)], stored.Select(e => (e.EntryNumber, e.Score)));
        Assert.Equal("3 / 3 đã chấm", browser.Text("#judge-progress"));
    }

    [Fact]
    public async Task Given_a_contest_scored_by_a_sheet_When_the_judge_types_each_criterion_and_declares_a_conflict_Then_the_sheet_is_stored_and_the_entry_leaves_the_queue()
    {
        var contest = await ContestScenario.CreateAsync(Node.Http, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(30), judging: new
        {
            criteria = new[] { new { name = "Nội dung", points = 40 }, new { name = "Hình thức", points = 30 }, new { name = "Sáng tạo", points = 30 } },
        });
        var judge = await JudgeOfEntriesAsync(contest, 2);
        var root = $"/api/contests/{contest.ContestId}";
        using var browser = new Browser();
        await browser.SignInAsync(Node.BaseAddress, judge, OwnPassword);
        browser.Open(new Uri(Node.BaseAddress, $"/ui/#/cham-diem/{contest.ContestId}"));
        await browser.WaitForText("#judge-progress", "0 / 2 đã chấm");

        // A criterion over its maximum is refused; Enter walks the criteria, and in the last saves the sheet.
        foreach (var points in new[] { "35", "31", "25" })
            browser.Driver.SwitchTo().ActiveElement().SendKeys(points + Keys.Enter);
        await browser.WaitForText("#score-status-1", "Mỗi tiêu chí là số nguyên từ 0 đến điểm tối đa của tiêu chí đó.");
        var form = browser.Driver.FindElement(By.Id("score-1-2"));
        form.Clear();
        form.SendKeys("20" + Keys.Enter);
        browser.Driver.FindElement(By.Id("score-1-3")).SendKeys(Keys.Enter);
        await browser.WaitForText("#score-status-1", "Đã lưu: tổng 80");
        await browser.WaitForText("#judge-progress", "1 / 2 đã chấm");
        browser.Screenshot("judge-queue-sheet");

        // Entry 2 is a relative's: declared with the reason, it leaves the queue and the count.
        browser.Driver.FindElement(By.Id("conflict-2")).Click();
        browser.Driver.SwitchTo().ActiveElement().SendKeys("Tác giả là cháu tôi" + Keys.Enter);
        await browser.WaitForText("#judge-progress", "1 / 1 đã chấm");
        Assert.Empty(browser.Driver.FindElements(By.Id("score-2-1")));

        var explained = await Read<EntryExplanation>(await Node.Http.GetAsync($"{root}/entries/1/explanation"), HttpStatusCode.OK);
        Assert.Equal([35, 20, 25], explained.Scores.Single().Sheet!.Select(c => c.Points));
        var queue = await Read<List<AnonymousEntryResponse>>(await Node.Http.GetAsync($"{root}/judges/{judge}/entries"), HttpStatusCode.OK);
        Assert.Equal([1], queue.Select(e => e.EntryNumber));
    }

    [Fact]
    public async Task Given_a_judge_whose_grant_names_no_contest_When_they_open_their_panels_Then_the_contests_they_sit_on_are_listed_with_their_progress()
    {
        var judge = await PersonWithOwnPasswordAsync(Node, "judge", (Role.Judge, null));
        var theirs = await ContestScenario.OpenNowAsync(Node.Http);
        var notTheirs = await ContestScenario.OpenNowAsync(Node.Http);
        for (var i = 1; i <= 2; i++)
            await Read<SubmissionReceiptResponse>(await theirs.Submit(theirs.Entry($"p-{i}")), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, (await Node.Http.PostJson($"/api/contests/{theirs.ContestId}/judges",
            new { judgeId = judge, name = "Giám khảo", committeeCode = theirs.Province })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Node.Http.PostJson($"/api/contests/{notTheirs.ContestId}/judges",
            new { judgeId = $"gk-{Guid.NewGuid():N}"[..16], name = "Giám khảo khác", committeeCode = notTheirs.Province })).StatusCode);
        using var browser = new Browser();

        await browser.SignInAsync(Node.BaseAddress, judge, OwnPassword);
        // A judge lands on their panels.
        await browser.WaitFor("#judged-contests li");
        var listed = Assert.Single(browser.Driver.FindElements(By.CssSelector("#judged-contests li")));
        Assert.EndsWith($"#/cham-diem/{theirs.ContestId}", listed.FindElement(By.TagName("a")).GetAttribute("href"));
        Assert.Equal($"{theirs.Title} (Đang nhận bài) · 0 / 2 đã chấm", listed.Text);
        browser.Screenshot("judge-panels");
        listed.FindElement(By.TagName("a")).Click();
        await browser.WaitForText("#judge-progress", "0 / 2 đã chấm");

        // The home page leads back to them.
        browser.Open(new Uri(Node.BaseAddress, "/ui/#/"));
        await browser.WaitFor("#judging-link");
    }

    /// <summary>Entries 1 to <paramref name="entries"/> in the contest, and a judge of the province on its panel with a password of their own.</summary>
    private async Task<string> JudgeOfEntriesAsync(ContestScenario contest, int entries)
    {
        for (var i = 1; i <= entries; i++)
            await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry($"q-{i}", title: $"Bài viết số {i}")), HttpStatusCode.Created);
        var judge = await PersonWithOwnPasswordAsync(Node, "judge");
        await GrantAsync(Node.Http, judge, Role.Judge, contestId: contest.ContestId);
        Assert.Equal(HttpStatusCode.OK, (await Node.Http.PostJson($"/api/contests/{contest.ContestId}/judges",
            new { judgeId = judge, name = "Giám khảo", committeeCode = contest.Province })).StatusCode);
        return judge;
    }
}

using System.Net;
using OpenQA.Selenium;
using TuyenGiao.Api.Quizzes;
using TuyenGiao.Integration.Tests.Infrastructure;
using TuyenGiao.Integration.Tests.Quizzes;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.WebUi;

/// <summary>After the close, anyone reads a round's results and the overall ones on a phone: the ranking, the key, the prizes once published.</summary>
public class QuizResultsPageTests
{
    [Fact]
    public async Task Given_a_closed_quiz_with_published_prizes_When_a_visitor_opens_its_results_on_a_phone_Then_the_week_and_the_overall_ranking_and_prizes_show_without_phones()
    {
        var (database, node, root, contest, clock) = await QuizScenario.InOpenRoundAsync();
        await using var _ = database;
        await using var __ = node;
        await QuizScenario.AnswerAsync(node, root, contest.CellA, ("Nguyễn Thị Hồng Nhung", "0912345678", 0), ("Thạch Sô Phane", "0987654321", 2));
        // The only week closes: its prizes and the overall ones are filled from the rankings and published.
        clock.Now = QuizScenario.Week1.AddDays(7);
        foreach (var round in new[] { 1, 0 })
        {
            await Read<List<RoundPrizeResponse>>(await node.Http.PostAsync($"{root}/rounds/{round}/prizes/from-ranking", null), HttpStatusCode.OK);
            await Read<List<RoundPrizeResponse>>(await node.Http.PostAsync($"{root}/rounds/{round}/publication", null), HttpStatusCode.OK);
        }
        using var browser = new Browser();
        browser.Resize(390);

        browser.Open(new Uri(node.BaseAddress, $"/ui/#/thi/{contest.ContestId}"));
        await browser.WaitFor("#quiz-overall");
        browser.Driver.FindElement(By.Id("quiz-overall")).Click();

        await browser.WaitFor("#quiz-prizes");
        Assert.StartsWith("Kết quả chung cuộc", browser.Text("h1"));
        Assert.Equal("Số người trả lời đúng tất cả các câu hỏi của mọi tuần: 1", browser.Text("#quiz-all-correct"));
        var prizes = browser.Text("#quiz-prizes")!;
        Assert.Contains("Nguyễn Thị Hồng Nhung", prizes);
        Assert.DoesNotContain("+84", browser.Text("main"));
        Assert.StartsWith("1", browser.Text("#quiz-ranking tbody tr:first-child"));
        Assert.Equal(0, browser.HorizontalOverflow());
        Assert.Empty(browser.AccessibilityViolations());
        browser.Screenshot("quiz-overall-results-390");

        // The week's own results page, from the same list.
        browser.Open(new Uri(node.BaseAddress, $"/ui/#/thi/{contest.ContestId}/vong/1"));
        await browser.WaitForText("h1", $"Kết quả tuần 1 – {contest.Title}");
        await browser.WaitFor("#quiz-prizes");
        Assert.Contains("Nguyễn Thị Hồng Nhung", browser.Text("#quiz-prizes"));
        Assert.Contains("Câu 1?", browser.Text("#quiz-key"));
    }
}

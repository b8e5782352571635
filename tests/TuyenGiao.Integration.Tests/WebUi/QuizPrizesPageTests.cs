using System.Net;
using OpenQA.Selenium;
using TuyenGiao.Access;
using TuyenGiao.Api.Quizzes;
using TuyenGiao.Integration.Tests.Infrastructure;
using TuyenGiao.Integration.Tests.Quizzes;
using static TuyenGiao.Integration.Tests.Accounts.Accounts;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.WebUi;

/// <summary>The organiser gives a quiz's prizes on the contest's organiser page: a week's and the overall ones, through the UI only.</summary>
public class QuizPrizesPageTests
{
    [Fact]
    public async Task Given_a_closed_week_When_the_organiser_fills_grants_and_publishes_its_prizes_on_the_page_Then_refusals_show_beside_the_field_and_the_public_results_list_them()
    {
        var (database, node, root, contest, clock) = await QuizScenario.InOpenRoundAsync();
        await using var _ = database;
        await using var __ = node;
        await QuizScenario.AnswerAsync(node, root, contest.CellA, ("Nguyễn Thị Hồng Nhung", "0912345678", 0), ("Thạch Sô Phane", "0987654321", 2), ("Lê Văn Tám", "0901234567", 3));
        clock.Now = QuizScenario.Week1.AddDays(7);
        var organiser = await PersonWithOwnPasswordAsync(node, "organiser", (Role.Organiser, contest.Bloc));
        using var browser = new Browser();
        await browser.SignInAsync(node.BaseAddress, organiser, OwnPassword);

        browser.Open(new Uri(node.BaseAddress, $"/ui/#/contests/{contest.ContestId}/to-chuc"));
        await browser.WaitFor("#quiz-prize-round option[value='0']");
        browser.Choose("quiz-prize-round", "1");
        await browser.WaitFor("#quiz-prizes-admin[data-round='1'] #quiz-fill-prizes");
        browser.Driver.FindElement(By.Id("quiz-fill-prizes")).Click();
        // One first prize, two second ones: the one right answer first, the two equal wrong ones share second place.
        await browser.WaitFor("#quiz-prize-holders tbody tr:nth-child(3)");
        Assert.Contains("Giải nhất", browser.Text("#quiz-prize-holders tbody tr:first-child"));
        Assert.Contains("Nguyễn Thị Hồng Nhung", browser.Text("#quiz-prize-holders tbody tr:first-child"));
        Assert.Contains("+84912345678", browser.Text("#quiz-prize-holders"));
        Assert.Contains("Đảng bộ Sở Giáo dục và Đào tạo", browser.Text("#quiz-prize-holders tbody tr:first-child")); // the committee by name

        // A grant to someone already holding a prize of the week is refused beside the phone field.
        browser.Choose("quiz-grant-tier", "Giải ba");
        browser.Type("quiz-grant-phone", "0987 654 321");
        browser.Type("quiz-grant-reason", "Bài làm nhanh");
        browser.Driver.FindElement(By.Id("quiz-grant-prize-submit")).Click();
        await browser.WaitFor("#quiz-grant-phone-error", text => text.Contains("already holds"));

        browser.Driver.FindElement(By.Id("quiz-publish")).Click();
        browser.Driver.FindElement(By.Id("quiz-publish-confirm")).Click();
        await browser.WaitFor("#quiz-prizes-published");
        await browser.WaitFor("#quiz-correct-prize-submit");
        Assert.Empty(browser.AccessibilityViolations());
        browser.Screenshot("quiz-prizes-organiser");
        var published = await Read<RoundResultsResponse>(await node.Anonymous().GetAsync($"{root}/rounds/1/results"), HttpStatusCode.OK);
        Assert.Equal(["Giải nhất", "Giải nhì", "Giải nhì"], published.Prizes.Select(p => p.Tier));

        // The overall prizes, from the same block.
        browser.Choose("quiz-prize-round", "0");
        await browser.WaitFor("#quiz-prizes-admin[data-round='0'] #quiz-fill-prizes");
        browser.Driver.FindElement(By.Id("quiz-fill-prizes")).Click();
        await browser.WaitFor("#quiz-prize-holders tbody tr:nth-child(3)");
        Assert.Equal(3, (await Read<List<RoundPrizeResponse>>(await node.Http.GetAsync($"{root}/rounds/0/prizes"), HttpStatusCode.OK)).Count);
    }

    [Fact]
    public async Task Given_the_organiser_on_a_quizs_page_When_people_take_part_meanwhile_Then_the_participation_table_counts_them_without_a_reload()
    {
        var (database, node, root, contest, _) = await QuizScenario.InOpenRoundAsync();
        await using var _ = database;
        await using var __ = node;
        var organiser = await PersonWithOwnPasswordAsync(node, "organiser", (Role.Organiser, contest.Bloc));
        using var browser = new Browser();
        await browser.SignInAsync(node.BaseAddress, organiser, OwnPassword);
        browser.Open(new Uri(node.BaseAddress, $"/ui/#/contests/{contest.ContestId}/to-chuc"));
        await browser.WaitFor("#quiz-participation tbody tr");
        Assert.Contains("0 / 100", browser.Text("#quiz-participation tbody tr"));

        await QuizScenario.AnswerAsync(node, root, contest.CellA, ("Nguyễn Thị Hồng Nhung", "0912345678", 0), ("Thạch Sô Phane", "0987654321", 2));

        await browser.WaitFor("#quiz-participation tbody tr", text => text.Contains("2 / 100"));
        Assert.Empty(browser.AccessibilityViolations());
    }
}

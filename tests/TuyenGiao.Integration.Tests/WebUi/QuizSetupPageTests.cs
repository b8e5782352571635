using System.Net;
using OpenQA.Selenium;
using TuyenGiao.Access;
using TuyenGiao.Api.Quizzes;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Accounts.Accounts;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.WebUi;

/// <summary>An organiser sets up the online quiz on the contest's organiser page, through the UI only.</summary>
[Collection(NodeCollection.Name)]
public class QuizSetupPageTests(NodeFixture fixture)
{
    private TuyenGiaoNode Node => fixture.Node;

    [Fact]
    public async Task Given_a_quiz_contest_When_its_organiser_sets_the_rules_and_uploads_a_csv_bank_Then_the_quiz_is_ready_with_its_participation_table()
    {
        var contest = await ContestScenario.CreateAsync(Node.Http, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(60), kind: "Quiz");
        var organiser = await PersonWithOwnPasswordAsync(Node, "organiser", (Role.Organiser, contest.Bloc));
        var bank = Path.Combine(Path.GetTempPath(), $"ngan-hang-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(bank, "Câu hỏi,A,B,C,D,Đáp án\nCâu 1?,Một,Hai,Ba,Bốn,A\nCâu 2?,Một,Hai,Ba,Bốn,\"B, D\"\nCâu 3?,Một,Hai,Ba,Bốn,C\n");
        var firstRound = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)).AddDays(2);
        using var browser = new Browser();
        await browser.SignInAsync(Node.BaseAddress, organiser, OwnPassword);

        browser.Open(new Uri(Node.BaseAddress, $"/ui/#/contests/{contest.ContestId}/to-chuc"));
        await browser.WaitForText("#quiz-setup-status", "Chưa thiết lập: đặt thể lệ và tải ngân hàng câu hỏi.");
        // The bank follows the rules: no upload is offered before them.
        Assert.StartsWith("Đặt thể lệ trước", browser.Text("#quiz-bank-later"));
        Assert.Empty(browser.Driver.FindElements(By.Id("quiz-bank-file")));
        browser.Type("quiz-per-attempt", "2");
        browser.Type("quiz-first-round", "31/02/2026");
        browser.Driver.FindElement(By.Id("quiz-rules-form-submit")).Click();
        await browser.WaitFor("#quiz-first-round-error", text => text.Length > 0);
        browser.Type("quiz-first-round", firstRound.ToString("dd/MM/yyyy"));
        browser.Type("quiz-round-count", "3");
        browser.Driver.FindElement(By.Id("quiz-rules-form-submit")).Click();
        await browser.WaitForText("#quiz-setup-status", "Mỗi lượt 2 câu, 15 phút; 3 tuần thi; ngân hàng 0 câu hỏi; 0 người đã đăng ký.");

        browser.Driver.FindElement(By.Id("quiz-bank-file")).SendKeys(bank);
        browser.Driver.FindElement(By.Id("quiz-bank-form-submit")).Click();
        await browser.WaitForText("#quiz-setup-status", "Mỗi lượt 2 câu, 15 phút; 3 tuần thi; ngân hàng 3 câu hỏi; 0 người đã đăng ký.");
        await browser.WaitFor("#quiz-participation tbody tr");
        Assert.Contains("0 / 100", browser.Text("#quiz-participation tbody tr"));
        Assert.Empty(browser.AccessibilityViolations());
        browser.Screenshot("quiz-setup");

        var quiz = await Read<QuizResponse>(await Node.Anonymous().GetAsync($"/api/quizzes/{contest.ContestId}"), HttpStatusCode.OK);
        Assert.Equal((3, 3, firstRound.Date), (quiz.BankSize, quiz.Rounds.Count, quiz.Rounds[0].OpensAt.Date));
        Assert.Equal(quiz.Rounds[0].ClosesAt, quiz.Rounds[1].OpensAt);
        Assert.Equal(TimeSpan.FromDays(7), quiz.Rounds[0].ClosesAt - quiz.Rounds[0].OpensAt);
        File.Delete(bank);
    }
}

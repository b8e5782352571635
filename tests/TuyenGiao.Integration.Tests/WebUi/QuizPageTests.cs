using System.Net;
using OpenQA.Selenium;
using TuyenGiao.Api.Quizzes;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.WebUi;

/// <summary>A person takes the online quiz on a phone, through the UI only, without a staff account.</summary>
[Collection(NodeCollection.Name)]
public class QuizPageTests(NodeFixture fixture)
{
    private TuyenGiaoNode Node => fixture.Node;

    [Fact]
    public async Task Given_an_open_round_When_a_person_registers_on_a_phone_and_answers_with_the_countdown_showing_Then_they_see_their_score()
    {
        var now = DateTimeOffset.UtcNow;
        var contest = await ContestScenario.CreateAsync(Node.Http, now.AddMinutes(-1), now.AddDays(30), kind: "Quiz");
        var root = $"/api/quizzes/{contest.ContestId}";
        // The rules change only before the first round opens: it opens a few seconds from now.
        var roundOpens = DateTimeOffset.UtcNow.AddSeconds(4);
        await Read<QuizResponse>(await Node.Http.PutJson($"{root}/rules", new
        {
            questionsPerAttempt = 3, timeLimitMinutes = 15, attemptsPerRound = 1, counting = "First",
            rounds = new[] { new { opensAt = roundOpens, closesAt = now.AddDays(7) } },
            predictionQuestion = "Dự đoán có bao nhiêu người trả lời đúng tất cả các câu hỏi của tuần?",
        }), HttpStatusCode.OK);
        await Read<QuizResponse>(await Node.Http.PutJson($"{root}/bank", new
        {
            questions = Enumerable.Range(1, 6).Select(n => new
            {
                text = $"Câu {n}: Chủ tịch Hồ Chí Minh về thăm Trà Vinh lần thứ mấy?",
                options = new[] { $"Lần {n}", $"Lần {n + 1}", $"Lần {n + 2}", $"Lần {n + 3}" },
                correct = new[] { n % 4 },
            }),
        }), HttpStatusCode.OK);
        while (DateTimeOffset.UtcNow < roundOpens.AddMilliseconds(200))
            await Task.Delay(200);
        using var browser = new Browser();
        browser.Resize(390);

        browser.Open(new Uri(Node.BaseAddress, $"/ui/#/contests/{contest.ContestId}"));
        await browser.WaitFor("#take-quiz");
        browser.Driver.FindElement(By.Id("take-quiz")).Click();
        await browser.WaitFor($"#quiz-committee option[value='{contest.CellA}']");
        browser.Type("quiz-name", "Nguyễn Thị Hồng Nhung");
        browser.Type("quiz-phone", "0912 345 678");
        browser.Type("quiz-birth-year", "1992");
        browser.Choose("quiz-committee", contest.CellA);
        // Without the consent nothing is sent: the browser holds the form back.
        browser.Driver.FindElement(By.Id("quiz-consent")).Click();
        Assert.Equal(0, browser.HorizontalOverflow());
        Assert.Empty(browser.AccessibilityViolations());
        browser.Screenshot("quiz-register-390");
        browser.Driver.FindElement(By.Id("quiz-register-form-submit")).Click();

        await browser.WaitFor("#quiz-start");
        Assert.Contains("+84912345678", browser.Text("#quiz-body"));
        browser.Driver.FindElement(By.Id("quiz-start")).Click();
        await browser.WaitFor("#quiz-clock", text => text.StartsWith("Thời gian còn lại: 14:", StringComparison.Ordinal) || text == "Thời gian còn lại: 15:00");
        var questions = browser.Driver.FindElements(By.CssSelector("fieldset.quiz-question")).Select(f => int.Parse(f.GetAttribute("id")!["question-".Length..])).ToList();
        Assert.Equal(3, questions.Count);
        // Two right, one wrong.
        foreach (var (number, i) in questions.Select((n, i) => (n, i)))
            browser.Driver.FindElement(By.Id($"answer-{number}-{(i == 0 ? (number + 1) % 4 : number % 4)}")).Click();
        browser.Type("quiz-prediction", "120");
        Assert.Equal(0, browser.HorizontalOverflow());
        Assert.Empty(browser.AccessibilityViolations());
        browser.Screenshot("quiz-attempt-390");
        browser.Driver.FindElement(By.Id("quiz-submit")).Click();

        await browser.WaitForText("#quiz-score", "Bạn trả lời đúng 2/3 câu.");
        browser.Screenshot("quiz-score-390");
        var quiz = await Read<QuizResponse>(await Node.Anonymous().GetAsync(root), HttpStatusCode.OK);
        Assert.Equal(1, quiz.Participants);
    }
}

using System.Net;
using OpenQA.Selenium;
using TuyenGiao.Access;
using TuyenGiao.Api.Contests;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Accounts.Accounts;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.WebUi;

/// <summary>
/// An organiser runs the judging and the awards in the UI: puts a judge on the panel, sees the ranking, fills the tiers
/// from it, grants a collective prize with the reason and publishes after the close; then anyone sees the prize holders.
/// </summary>
[Collection(NodeCollection.Name)]
public class OrganiseContestPageTests(NodeFixture fixture)
{
    private TuyenGiaoNode Node => fixture.Node;

    [Fact]
    public async Task Given_a_closing_contest_with_entries_When_its_organiser_assigns_a_judge_fills_and_grants_awards_and_publishes_Then_the_public_page_lists_the_prize_holders()
    {
        // The window closes 30 s from now: entries go in first, the publication waits for the close.
        var closes = DateTimeOffset.UtcNow.AddSeconds(30);
        var contest = await ContestScenario.CreateAsync(Node.Http, DateTimeOffset.UtcNow.AddMinutes(-1), closes);
        string[] authors = ["Lê Thị Hồng", "Phạm Văn Đức", "Võ Minh Châu"];
        for (var i = 0; i < authors.Length; i++)
            await Read<SubmissionReceiptResponse>(await contest.Submit(contest.Entry($"o-{i + 1}", authors[i], i < 2 ? contest.CellA : contest.CellB,
                $"Bài viết của {authors[i]}")), HttpStatusCode.Created);
        var organiser = await PersonWithOwnPasswordAsync(Node, "org", (Role.Organiser, contest.Bloc));
        var judgeId = $"gk-{Guid.NewGuid():N}"[..12];
        using var browser = new Browser();
        await browser.SignInAsync(Node.BaseAddress, organiser, OwnPassword);

        browser.Open(new Uri(Node.BaseAddress, $"/ui/#/contests/{contest.ContestId}"));
        await browser.WaitFor("#organise-link");
        browser.Driver.FindElement(By.Id("organise-link")).Click();
        await browser.WaitFor("#assign-judge");
        browser.Type("judge-id", judgeId);
        browser.Type("judge-name", "Nguyễn Văn Giám");
        browser.Choose("judge-committee", contest.Bloc);
        browser.Driver.FindElement(By.Id("assign-judge-submit")).Click();
        await browser.WaitFor("#judges li", text => text.StartsWith($"Nguyễn Văn Giám ({judgeId})", StringComparison.Ordinal));

        // The judge scores (through the API here; the judge's own screen has its test).
        var root = $"/api/contests/{contest.ContestId}";
        foreach (var (entry, score) in new[] { (1, 80), (2, 95), (3, 70) })
            Assert.Equal(HttpStatusCode.OK, (await Node.Http.PutJson($"{root}/entries/{entry}/scores", new { judgeId, score })).StatusCode);
        browser.Driver.Navigate().Refresh();
        await browser.WaitFor("#ranking-table");
        var places = ((IEnumerable<object>)browser.Script(
            "return [...document.querySelectorAll('#ranking-table tbody tr')].map(r => r.cells[1].textContent + ':' + r.cells[3].textContent);")!).Cast<string>();
        Assert.Equal(["2:95,00", "1:80,00", "3:70,00"], places);

        // Ranks instead of raw scores for round 1: the judge's best 100, worst 0, and the ranking says so.
        browser.Choose("normalisation-method", "Rank");
        browser.Driver.FindElement(By.Id("choose-normalisation-submit")).Click();
        await browser.WaitFor("#ranking-table tbody tr:first-child", text => text.Contains("100,00", StringComparison.Ordinal));
        Assert.Contains("quy đổi thứ hạng theo từng giám khảo", browser.Text("#ranking-table tbody tr:first-child"));
        // The organiser records the judge's conflict with entry 3: its score is set aside, and it leaves the ranking.
        browser.Choose("conflict-judge", judgeId);
        browser.Type("conflict-entry", "3");
        browser.Type("conflict-reason", "Tác giả là người thân của giám khảo");
        browser.Driver.FindElement(By.Id("record-conflict-submit")).Click();
        await browser.WaitFor("#ranking-table", text => !text.Contains("Đảng bộ Sở Y tế", StringComparison.Ordinal));
        // Two scores left to the judge: too few to rank, so counted as given.
        var normalised = ((IEnumerable<object>)browser.Script(
            "return [...document.querySelectorAll('#ranking-table tbody tr')].map(r => r.cells[1].textContent + ':' + r.cells[3].textContent);")!).Cast<string>();
        Assert.Equal(["2:95,00", "1:80,00"], normalised);

        browser.Driver.FindElement(By.Id("awards-from-ranking")).Click();
        await browser.WaitFor("#awards-table tbody tr:first-child li", text => text.Contains("Phạm Văn Đức", StringComparison.Ordinal));
        // A refusal shows beside the field it names: no entry has number 99.
        browser.Choose("award-tier", "i:Giải khuyến khích");
        browser.Type("award-entry", "99");
        browser.Type("award-reason", "Bài có ý tưởng tốt");
        browser.Driver.FindElement(By.Id("grant-award-submit")).Click();
        await browser.WaitForText("#award-entry-error", "Không có bài dự thi hợp lệ mang số này.");
        browser.Choose("award-tier", "c:Giải nhất tập thể");
        browser.Choose("award-committee", contest.CellA);
        browser.Type("award-reason", "Đơn vị có nhiều bài dự thi chất lượng");
        browser.Driver.FindElement(By.Id("grant-award-submit")).Click();
        await browser.WaitFor("#awards-table", text => text.Contains("Đảng bộ Sở Giáo dục và Đào tạo", StringComparison.Ordinal));
        browser.Screenshot("organise-awards");

        // Before the close the publication is refused with the time it becomes possible; after it, it goes through.
        if (DateTimeOffset.UtcNow < closes.AddSeconds(-5))
        {
            browser.Driver.FindElement(By.Id("publish")).Click();
            browser.Driver.FindElement(By.Id("publish-confirm")).Click();
            await browser.WaitFor("#publish-error", text => text.StartsWith("Chưa công bố được: cuộc thi còn nhận bài đến", StringComparison.Ordinal));
        }
        var wait = closes - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait + TimeSpan.FromSeconds(1));
        browser.Driver.FindElement(By.Id("publish")).Click();
        browser.Driver.FindElement(By.Id("publish-confirm")).Click();
        await browser.WaitForText("#results-status", "Đã công bố kết quả");

        // After publication an award moves only by a correction with its reason: the first prize goes to entry 1.
        browser.Choose("correct-tier", "i:Giải nhất");
        browser.Type("correct-from-entry", "2");
        browser.Type("correct-to-entry", "1");
        browser.Type("correct-reason", "Phúc khảo: chấm lại bài số 1");
        browser.Driver.FindElement(By.Id("correct-award-submit")).Click();
        // Entry 1 holds the second prize already: refused beside the field.
        await browser.WaitForText("#correct-to-entry-error", "Bài hoặc đơn vị này đã có giải này.");
        browser.Choose("correct-tier", "c:Giải nhất tập thể");
        browser.Choose("correct-from-committee", contest.CellA);
        browser.Choose("correct-to-committee", contest.CellB);
        browser.Type("correct-reason", "Phúc khảo: đơn vị Sở Y tế có nhiều bài đạt giải hơn");
        browser.Driver.FindElement(By.Id("correct-award-submit")).Click();
        await browser.WaitFor("#awards-table tbody tr:last-child", text => text.Contains("Đảng bộ Sở Y tế", StringComparison.Ordinal));

        using var visitor = new Browser();
        visitor.Open(new Uri(Node.BaseAddress, $"/ui/#/contests/{contest.ContestId}"));
        await visitor.WaitFor("#prize-holders-table");
        var first = visitor.Text("#prize-holders-table tbody tr:first-child");
        Assert.Contains("Giải nhất", first);
        Assert.Contains("Bài số 2 «Bài viết của Phạm Văn Đức» – Phạm Văn Đức", first);
        Assert.Contains(contest.CellB, visitor.Text("#prize-holders-table tbody tr:last-child")); // a visitor sees codes, not names
        // The ranking is public once published, and the page says when entries were taken and what the contest is.
        await visitor.WaitFor("#public-ranking-table");
        Assert.StartsWith("1 2 ", visitor.Text("#public-ranking-table tbody tr:first-child"));
        Assert.StartsWith("Thời gian nhận bài: ", visitor.Text("#contest-window"));
        Assert.Equal("Cuộc thi viết", visitor.Text("#contest-description"));
        visitor.Screenshot("contest-prize-holders");

        // Why entry 2 came first, from the public ranking: its judge numbered, not named; the rule that put it above
        // entry 1; the first prize granted from the ranking, with the event it rests on.
        visitor.Driver.FindElement(By.CssSelector("#public-ranking-table tbody tr:first-child a")).Click();
        await visitor.WaitFor("#why-scores-table");
        Assert.StartsWith("Hạng 1 trên 2 bài được xếp hạng: vòng 1, điểm 95,00", visitor.Text("#why-standing"));
        Assert.Equal("Giám khảo 1", visitor.Text("#why-scores-table tbody tr:first-child td:first-child"));
        Assert.DoesNotContain("Nguyễn Văn Giám", visitor.Text("main"));
        Assert.Equal("Bài số 1 (hạng 2, điểm 80,00) xếp dưới: điểm cao hơn.", visitor.Text("#why-neighbours li"));
        Assert.StartsWith("Giải nhất Trao Theo xếp hạng phiên bản ", visitor.Text("#why-awards-table tbody tr:first-child"));
        visitor.Screenshot("contest-explanation");
    }
}

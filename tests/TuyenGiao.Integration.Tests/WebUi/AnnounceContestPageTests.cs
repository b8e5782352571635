using System.Net;
using OpenQA.Selenium;
using TuyenGiao.Access;
using TuyenGiao.Api.Contests;
using TuyenGiao.Integration.Tests.Campaigns;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Accounts.Accounts;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.WebUi;

/// <summary>An organiser announces a contest in the UI (prize tiers, eligible committees picked from the tree) and amends it before it opens.</summary>
[Collection(NodeCollection.Name)]
public class AnnounceContestPageTests(NodeFixture fixture)
{
    private TuyenGiaoNode Node => fixture.Node;

    [Fact]
    public async Task Given_an_organiser_When_announcing_a_contest_with_prizes_and_eligible_committees_and_amending_it_Then_the_contest_holds_what_the_form_said()
    {
        var tree = await HierarchyScenario.CreateAsync(Node.Http);
        var organiser = await PersonWithOwnPasswordAsync(Node, "org", (Role.Organiser, tree.DistrictA));
        var contestId = $"UI-{tree.Suffix}";
        var opens = DateTime.UtcNow.AddHours(7).AddDays(3);
        using var browser = new Browser();
        await browser.SignInAsync(Node.BaseAddress, organiser, OwnPassword);

        browser.Open(new Uri(Node.BaseAddress, "/ui/#/"));
        await browser.WaitFor("#announce-link");
        browser.Driver.FindElement(By.Id("announce-link")).Click();
        await browser.WaitFor("#announce-form");
        browser.Type("announce-id", contestId);
        browser.Choose("announce-organiser", tree.DistrictA);
        browser.Type("announce-title", "Tìm hiểu 95 năm Ngày truyền thống ngành Tuyên giáo");
        browser.Type("announce-description", "Bài viết tay hoặc đánh máy, không quá 5.000 chữ.");
        browser.Type("announce-opens", opens.ToString("dd/MM/yyyy"));
        browser.Type("announce-opens-time", "08:00");
        // A close before the opening is refused beside the field, in Vietnamese.
        browser.Type("announce-closes", opens.AddDays(-1).ToString("dd/MM/yyyy"));
        browser.Type("announce-target", "500");
        // The entrants' names are kept a year after the results.
        browser.Type("announce-retention", "12");
        browser.Driver.FindElement(By.Id("add-prize")).Click();
        browser.Type("prize-name-3", "Giải tập thể");
        browser.Driver.FindElement(By.Id("prize-collective-3")).Click();
        browser.Driver.FindElement(By.Id($"eligible-{tree.CellA1}")).Click();
        // Judged by z-scores, conflicts covering the subtree, on a sheet of two criteria.
        browser.Choose("judging-normalisation", "ZScore");
        browser.Driver.FindElement(By.Id("judging-subtree")).Click();
        foreach (var (i, name, points) in new[] { (0, "Nội dung", "60"), (1, "Hình thức", "40") })
        {
            browser.Driver.FindElement(By.Id("add-criterion")).Click();
            browser.Type($"criterion-name-{i}", name);
            browser.Type($"criterion-points-{i}", points);
        }
        browser.Driver.FindElement(By.Id("announce-submit")).Click();
        await browser.WaitForText("#announce-closes-error", "Hạn nhận bài phải sau ngày mở nhận bài.");

        browser.Type("announce-closes", opens.AddDays(30).ToString("dd/MM/yyyy"));
        browser.Driver.FindElement(By.Id("announce-submit")).Click();
        await browser.WaitFor("main h1", text => text == "Tìm hiểu 95 năm Ngày truyền thống ngành Tuyên giáo");
        Assert.StartsWith($"Thời gian nhận bài: {opens:dd/MM/yyyy} 08:00:00", browser.Text("#contest-window"));
        browser.Screenshot("contest-announced");

        // Before it opens, the organiser amends it: a higher target, one prize fewer.
        browser.Driver.FindElement(By.Id("amend-link")).Click();
        await browser.WaitFor("#announce-form");
        Assert.Equal("500", browser.Driver.FindElement(By.Id("announce-target")).GetAttribute("value"));
        browser.Type("announce-target", "600");
        browser.Driver.FindElements(By.CssSelector("#prize-rows .remove-prize"))[2].Click();
        browser.Driver.FindElement(By.Id("announce-submit")).Click();
        await browser.WaitFor("#contest-window");

        var contest = await Read<ContestResponse>(await Node.Http.GetAsync($"/api/contests/{contestId}"), HttpStatusCode.OK);
        Assert.Equal(TuyenGiao.Contests.ContestStatus.Announced, contest.Status);
        Assert.Equal((tree.DistrictA, 600, 1, (int?)12), (contest.OrganiserCode, contest.Target, contest.PerAuthorLimit, contest.PersonalDataRetentionMonths));
        Assert.Equal(["Giải nhất", "Giải nhì"], contest.IndividualPrizes.Select(p => p.Name));
        Assert.Equal(("Giải tập thể", 1), (contest.CollectivePrizes.Single().Name, contest.CollectivePrizes.Single().Count));
        Assert.Equal([tree.CellA1], contest.EligibleCommittees);
        Assert.Equal("Bài viết tay hoặc đánh máy, không quá 5.000 chữ.", contest.Description);
        Assert.Equal(new DateTimeOffset(opens.Year, opens.Month, opens.Day, 8, 0, 0, TimeSpan.FromHours(7)), contest.OpensAt);
        // The judging rules came through the announcement and the amendment unchanged.
        Assert.Equal((TuyenGiao.Contests.ScoreNormalisationMethod.ZScore, true), (contest.Judging.Normalisation, contest.Judging.ConflictsCoverSubtree));
        Assert.Equal([("Nội dung", 60), ("Hình thức", 40)], contest.Judging.Criteria.Select(c => (c.Name, c.Points)));

        // The organiser cancels it, with the reason, from the organiser's page.
        browser.Open(new Uri(Node.BaseAddress, $"/ui/#/contests/{contestId}/to-chuc"));
        await browser.WaitFor("#cancel-details > summary");
        browser.Driver.FindElement(By.CssSelector("#cancel-details > summary")).Click();
        browser.Type("cancel-reason", "Trùng thời gian với cuộc thi của Tỉnh ủy");
        browser.Driver.FindElement(By.Id("cancel-contest-submit")).Click();
        await browser.WaitForText("#cancelled", "Đã hủy");
        Assert.Equal(TuyenGiao.Contests.ContestStatus.Cancelled, (await Read<ContestResponse>(await Node.Http.GetAsync($"/api/contests/{contestId}"), HttpStatusCode.OK)).Status);
    }
}

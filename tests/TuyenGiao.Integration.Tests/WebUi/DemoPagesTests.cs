using OpenQA.Selenium;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Infrastructure;

namespace TuyenGiao.Integration.Tests.WebUi;

/// <summary>
/// The demo scenario seen through the web UI, the way a committee leader would look at it: the figures of the source
/// reports, written the Vietnamese way.
/// </summary>
public class DemoPagesTests
{
    [Fact]
    public async Task Given_the_demo_loaded_When_its_pages_are_opened_Then_they_show_the_Tra_Vinh_figures_the_tree_growth_and_participation()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"ui-demo-{Guid.NewGuid():N}"[..16]);
        await DemoLoader.RunAsync(node.BaseAddress);
        using var browser = new Browser();

        // The writing contest, anonymously: 1,650 entries against 1,277, 129.2%, 373 over; the prizes granted and published.
        browser.Open(new Uri(node.BaseAddress, "/ui/#/contests/KHAT-VONG-TRA-VINH-2023"));
        await browser.WaitForText("[data-testid=live-accepted]", "1.650");
        Assert.Equal("1.277", browser.Text("[data-testid=live-target]"));
        Assert.Equal("đạt 129,2% chỉ tiêu · vượt 373 bài", browser.Text("[data-testid=live-progress]"));
        Assert.Equal(12, browser.Driver.FindElements(By.CssSelector("[data-testid=live-by-committee] .bar")).Count);
        browser.Screenshot("demo-contest");

        // Signed in as an auditor: the tree, unfolded one level; the growth of Thốt Nốt's programmes; the bloc's campaign.
        var auditor = await Accounts.Accounts.PersonWithOwnPasswordAsync(node, "auditor", (Role.Auditor, null));
        await browser.SignInAsync(node.BaseAddress, auditor, Accounts.Accounts.OwnPassword);
        browser.Open(new Uri(node.BaseAddress, "/ui/#/committees"));
        await browser.WaitForText("details[data-code='TV'] > summary strong", "Ban Tuyên giáo Tỉnh ủy Trà Vinh");
        browser.Driver.FindElement(By.CssSelector("details[data-code='TV'] > summary")).Click();
        await browser.WaitForText("details[data-code='TV-KHOI'] > summary strong", "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Trà Vinh");
        browser.Screenshot("demo-committees");

        browser.Open(new Uri(node.BaseAddress, "/ui/#/committees/CT-TN/growth?from=2019&to=2021"));
        await browser.WaitForText("[data-testid=growth-chart] + p.legend .key.active", "Đang duy trì");
        Assert.Equal(3, browser.Driver.FindElements(By.CssSelector("[data-testid=growth-chart] circle.active")).Count);
        browser.Screenshot("demo-growth");

        // Without a range asked for, the page starts at the first year with a programme and is titled by the name.
        browser.Open(new Uri(node.BaseAddress, "/ui/#/committees/CT-TN/growth"));
        await browser.WaitForText("main h1", "Tăng trưởng mô hình – Ban Tuyên giáo Quận ủy Thốt Nốt");
        var firstYear = (string)browser.Script("return document.getElementById('growth-from').value;")!;
        Assert.Equal(firstYear, browser.Text("[data-testid=growth-chart] ~ div table thead th"));
        Assert.InRange(int.Parse(firstYear), 2015, 2021);
        Assert.True(browser.Driver.FindElements(By.CssSelector("[data-testid=growth-chart] circle.active")).Count >= 3);

        browser.Open(new Uri(node.BaseAddress, "/ui/#/campaigns/TV-KHOI-CD-2023"));
        await browser.WaitForText("[data-testid=participation] [data-key='TV-KHOI'] .value", "99,6%");
        // The campaign as a whole: study, classes and learners from its reports.
        Assert.Contains("Học viên 944", browser.Text("#campaign-targets"));
        Assert.Contains("Lớp bồi dưỡng 11", browser.Text("#campaign-targets"));
        browser.Screenshot("demo-campaign");
    }
}

using System.Net;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Accounts.Accounts;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.WebUi;

/// <summary>
/// Every page of the web UI, with the demo's data (long Vietnamese names, published results), at a desktop's width and
/// a phone's: nothing to scroll sideways, and no serious or critical accessibility violation that axe-core finds.
/// </summary>
public class AccessibilityTests
{
    private const string Contest = "KHAT-VONG-TRA-VINH-2023";

    private sealed record Page(string Name, string Hash, string Ready);

    private static readonly Page[] Public =
    [
        new("sign-in", "#/dang-nhap", "#sign-in-form"),
        new("home", "#/", "#contest-list"),
        new("contest", $"#/contests/{Contest}", "[data-testid=live-accepted]"),
        new("reset-password", "#/dat-lai-mat-khau/someone:not-a-secret", "#reset-form"),
    ];

    private static readonly Page[] Reporting =
    [
        new("campaign-with-report-form", "#/campaigns/TV-KHOI-CD-2023", "#report-form"),
    ];

    private static readonly Page[] SignedIn =
    [
        new("home", "#/", "#campaign-list"),
        new("contest", $"#/contests/{Contest}", "#entry-form"),
        new("organise", $"#/contests/{Contest}/to-chuc", "#awards-table"),
        new("explanation", $"#/contests/{Contest}/bai/41/giai-trinh", "#why-scores-table"),
        new("committees", "#/committees", "details[data-code='TV']"),
        new("growth", "#/committees/CT-TN/growth?from=2019&to=2021", "[data-testid=growth-chart]"),
        new("campaign", "#/campaigns/TV-KHOI-CD-2023", "[data-testid=participation]"),
        new("report", "#/campaigns/CT-CT05-2020/reports/thot-not-2020", "#report-history"),
        new("records", "#/committees/CT-TN/ho-so", "#programme-table"),
        new("announce", "#/contests/moi", "#announce-form"),
        new("period-report", "#/committees/CT/bao-cao?from=2020-01-01&to=2020-12-31", "#period-summary"),
        new("audit", $"#/audit/contest/{Contest}", "[data-testid=audit-events] tbody tr"),
        new("personal-data", "#/du-lieu-ca-nhan", "#erase-submit"),
        new("password", "#/doi-mat-khau", "#password-form"),
    ];

    private static readonly Page[] Judging =
    [
        new("judge-panels", "#/cham-diem", "#judged-contests"),
        new("judge-queue", $"#/cham-diem/{Contest}", "#judge-queue"),
    ];

    [Fact]
    public async Task Given_the_demo_When_every_page_is_opened_on_a_desktop_and_a_phone_Then_none_scrolls_sideways_or_has_a_serious_accessibility_violation()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"ui-a11y-{Guid.NewGuid():N}"[..16]);
        await DemoLoader.RunAsync(node.BaseAddress);
        var admin = await PersonWithOwnPasswordAsync(node, "admin", (Role.Admin, null));
        var judge = await PersonWithOwnPasswordAsync(node, "judge");
        await GrantAsync(node.Http, judge, Role.Judge, contestId: Contest);
        Assert.Equal(HttpStatusCode.OK, (await node.Http.PostJson($"/api/contests/{Contest}/judges",
            new { judgeId = judge, name = "Giám khảo", committeeCode = "TV" })).StatusCode);
        var problems = new List<string>();
        using var browser = new Browser();

        async Task Check(string who, IEnumerable<Page> pages)
        {
            foreach (var page in pages)
            foreach (var width in new[] { 1440, 390 })
            {
                browser.Resize(width);
                browser.Open(new Uri(node.BaseAddress, $"/ui/{page.Hash}"));
                browser.Driver.Navigate().Refresh();
                await browser.WaitFor(page.Ready);
                await Task.Delay(300); // charts and late lists settle
                if (browser.HorizontalOverflow() is > 0 and var overflow)
                    problems.Add($"{who} {page.Name} at {width} px: {overflow} px wider than the window");
                problems.AddRange(browser.AccessibilityViolations().Select(v => $"{who} {page.Name} at {width} px: {v}"));
                browser.Screenshot($"a11y-{who}-{page.Name}-{width}");
            }
        }

        await Check("visitor", Public);
        await browser.SignInAsync(node.BaseAddress, admin, OwnPassword);
        await Check("admin", SignedIn);
        browser.Open(new Uri(node.BaseAddress, "/ui/#/"));
        browser.Driver.FindElement(OpenQA.Selenium.By.Id("sign-out-button")).Click();
        await browser.WaitFor("#sign-in-form");
        await browser.SignInAsync(node.BaseAddress, judge, OwnPassword);
        await Check("judge", Judging);
        var officer = await PersonWithOwnPasswordAsync(node, "officer", (Role.Officer, "TV-KHOI"));
        browser.Open(new Uri(node.BaseAddress, "/ui/#/"));
        browser.Driver.FindElement(OpenQA.Selenium.By.Id("sign-out-button")).Click();
        await browser.WaitFor("#sign-in-form");
        await browser.SignInAsync(node.BaseAddress, officer, OwnPassword);
        await Check("officer", Reporting);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

using System.Net;
using OpenQA.Selenium;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Accounts.Accounts;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.WebUi;

/// <summary>A provincial officer finds a contest from the home page, by its title typed without diacritics.</summary>
[Collection(NodeCollection.Name)]
public class FindContestPageTests(NodeFixture fixture)
{
    private TuyenGiaoNode Node => fixture.Node;

    private async Task AnnounceAsync(string contestId, string organiser, string title)
    {
        var response = await Node.Http.PostJson("/api/contests", new
        {
            contestId, organiserCode = organiser, kind = "Writing", title, opensAt = DateTimeOffset.UtcNow.AddMinutes(-1),
            closesAt = DateTimeOffset.UtcNow.AddDays(30), target = 400,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Given_contests_of_two_provinces_When_an_officer_searches_without_diacritics_Then_both_are_found_their_own_first_and_one_opens()
    {
        var own = await ContestScenario.OpenNowAsync(Node.Http);
        var other = await ContestScenario.OpenNowAsync(Node.Http);
        var word = Guid.NewGuid().ToString("N")[..8];
        await AnnounceAsync($"OWN-{word}".ToUpperInvariant(), own.Bloc, $"Sáng tác về Đồng Khởi {word}");
        // Announced later, so it would come first in a list by date: the officer's own committee's comes first all the same.
        await AnnounceAsync($"OTHER-{word}".ToUpperInvariant(), other.Bloc, $"Tìm hiểu Đồng Khởi {word}");
        var officer = await PersonWithOwnPasswordAsync(Node, "province", (Role.Officer, own.Province));
        using var browser = new Browser();
        await browser.SignInAsync(Node.BaseAddress, officer, OwnPassword);

        browser.Open(new Uri(Node.BaseAddress, "/ui/#/"));
        await browser.WaitFor("#search");
        browser.Driver.FindElement(By.Id("search")).SendKeys($"dong khoi {word}");
        browser.Driver.FindElement(By.CssSelector("form[role=search] button")).Click();

        await browser.WaitFor("#contest-list");
        var titles = ((IEnumerable<object>)browser.Script("return [...document.querySelectorAll('#contest-list tbody th')].map(e => e.textContent);")!)
            .Cast<string>().ToList();
        Assert.Equal([$"Sáng tác về Đồng Khởi {word}", $"Tìm hiểu Đồng Khởi {word}"], titles);
        Assert.Contains($"?q=dong%20khoi%20{word}", browser.Driver.Url);
        Assert.StartsWith("Đang nhận bài", browser.Text("#contest-list tbody tr td"));
        Assert.Contains("0 / 400", browser.Driver.FindElement(By.CssSelector("#contest-list tbody tr")).Text);
        browser.Screenshot("home-search");

        browser.Driver.FindElement(By.LinkText($"Sáng tác về Đồng Khởi {word}")).Click();
        await browser.WaitFor("h1", text => text == $"Sáng tác về Đồng Khởi {word}");
        Assert.EndsWith($"#/contests/OWN-{word.ToUpperInvariant()}", browser.Driver.Url);
    }

    [Fact]
    public async Task Given_more_contests_than_a_page_When_the_list_is_read_Then_the_next_page_comes_on_request_and_none_is_listed_twice()
    {
        var scenario = await ContestScenario.OpenNowAsync(Node.Http);
        var word = Guid.NewGuid().ToString("N")[..8];
        for (var i = 1; i <= 52; i++)
            await AnnounceAsync($"PG{i:00}-{word}".ToUpperInvariant(), scenario.Bloc, $"Thi tìm hiểu {word} số {i}");
        var officer = await PersonWithOwnPasswordAsync(Node, "paging", (Role.Officer, scenario.Bloc));
        using var browser = new Browser();
        await browser.SignInAsync(Node.BaseAddress, officer, OwnPassword);

        browser.Open(new Uri(Node.BaseAddress, $"/ui/#/?q={word}"));
        await browser.WaitFor("#contest-list");
        Assert.Equal(50, browser.Driver.FindElements(By.CssSelector("#contest-list tbody tr")).Count);
        browser.Driver.FindElement(By.Id("contests-title-more")).Click();

        await browser.WaitFor("#contest-list", _ => browser.Driver.FindElements(By.CssSelector("#contest-list tbody tr")).Count == 52);
        var titles = ((IEnumerable<object>)browser.Script("return [...document.querySelectorAll('#contest-list tbody th')].map(e => e.textContent);")!).Cast<string>().ToList();
        Assert.Equal(52, titles.Distinct().Count());
        Assert.Null(browser.Text("#contests-title-more"));
    }
}

using System.Net;
using OpenQA.Selenium;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Accounts.Accounts;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.WebUi;

/// <summary>The login page in a real browser against a real node, in Vietnamese: signing in, the first password, a wrong one, disabling.</summary>
[Collection(NodeCollection.Name)]
public class SignInPageTests(NodeFixture fixture)
{
    private TuyenGiaoNode Node => fixture.Node;

    [Fact]
    public async Task Given_an_officer_When_signing_in_on_the_login_page_Then_they_land_on_their_committee_and_the_idle_page_signs_them_out_when_disabled()
    {
        await Node.Http.PostJson("/api/committees", new { code = "UI-TV", name = "Ban Tuyên giáo Tỉnh ủy", level = "Province", memberCount = 10 });
        var officer = await PersonWithOwnPasswordAsync(Node, "officer", (Role.Officer, "UI-TV"));
        using var browser = new Browser();

        browser.Open(new Uri(Node.BaseAddress, "/ui/#/committees"));
        await browser.WaitFor("#sign-in-form");
        Assert.Equal("Đăng nhập", browser.Text("h1"));
        await browser.SignInAsync(Node.BaseAddress, officer, OwnPassword);

        // Their committee's page, titled by its name.
        await browser.WaitFor("h1", text => text == "Tăng trưởng mô hình – Ban Tuyên giáo Tỉnh ủy");
        Assert.Contains("#/committees/UI-TV/growth", browser.Driver.Url);
        Assert.Equal("Nguyễn Thị Lan (cán bộ)", browser.Text("#signed-in-as"));
        browser.Screenshot("signed-in-officer");

        Assert.Equal(HttpStatusCode.OK, (await Node.Http.PostJson($"/api/accounts/{officer}/disable", new { reason = "Chuyển công tác" })).StatusCode);

        // Nobody touches the page: it asks the API every 20 s and goes back to signing in by itself.
        await browser.WaitFor("#sign-in-form", within: TimeSpan.FromSeconds(30));
        Assert.Equal("Phiên đăng nhập đã kết thúc. Vui lòng đăng nhập lại.", browser.Text(".notice"));
        Assert.Equal("", browser.Text("#signed-in-as"));
    }

    [Fact]
    public async Task Given_a_new_user_When_signing_in_with_the_first_password_Then_the_page_asks_for_a_new_one_and_shows_refusals_beside_their_fields()
    {
        var username = await CreatePersonAsync(Node.Http, "first");
        using var browser = new Browser();

        browser.Open(new Uri(Node.BaseAddress, "/ui/#/dang-nhap"));
        await browser.WaitFor("#sign-in-form");
        browser.Driver.FindElement(By.Id("username")).SendKeys(username);
        browser.Driver.FindElement(By.Id("password")).SendKeys("không phải mật khẩu");
        browser.Driver.FindElement(By.Id("sign-in-submit")).Click();
        await browser.WaitForText("#password-error", "Tên đăng nhập hoặc mật khẩu không đúng.");

        await browser.SignInAsync(Node.BaseAddress, username, FirstPassword);
        await browser.WaitFor("#password-form");
        browser.Driver.FindElement(By.Id("current-password")).SendKeys(FirstPassword);
        browser.Driver.FindElement(By.Id("new-password")).SendKeys("ngắn");
        browser.Driver.FindElement(By.Id("confirm-password")).SendKeys("ngắn");
        browser.Driver.FindElement(By.CssSelector("#password-form button[type=submit]")).Click();
        await browser.WaitForText("#new-password-error", "Mật khẩu dài từ 10 đến 128 ký tự và không chứa tên đăng nhập.");
        browser.Screenshot("first-password");

        foreach (var id in new[] { "current-password", "new-password", "confirm-password" })
            browser.Driver.FindElement(By.Id(id)).Clear();
        browser.Driver.FindElement(By.Id("current-password")).SendKeys(FirstPassword);
        browser.Driver.FindElement(By.Id("new-password")).SendKeys(OwnPassword);
        browser.Driver.FindElement(By.Id("confirm-password")).SendKeys(OwnPassword);
        browser.Driver.FindElement(By.CssSelector("#password-form button[type=submit]")).Click();

        await browser.WaitFor("h1", text => text != "Đổi mật khẩu");
        Assert.Equal("Nguyễn Thị Lan (chưa được phân quyền)", browser.Text("#signed-in-as"));
        using var session = new SessionClient(Node.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await session.SignInAsync(username, OwnPassword)).StatusCode);
    }
}

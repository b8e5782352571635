using OpenQA.Selenium;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Accounts;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Accounts.Accounts;

namespace TuyenGiao.Integration.Tests.WebUi;

/// <summary>The login page's way in through the province's single sign-on, in a real browser against the in-test provider.</summary>
public class ProviderSignInPageTests(ProviderSignInFixture fixture) : IClassFixture<ProviderSignInFixture>
{
    [Fact]
    public async Task Given_an_officer_signed_in_at_the_provider_When_they_choose_it_on_the_login_page_Then_they_land_on_the_page_they_asked_for_signed_in()
    {
        var email = $"web.{Guid.NewGuid():N}"[..16] + "@travinh.gov.vn";
        var officer = await CreatePersonAsync(fixture.One.Http, "web", email);
        await GrantAsync(fixture.One.Http, officer, Role.Officer, "SSOW");
        fixture.Provider.SignedIn = ("kc-" + Guid.NewGuid().ToString("N"), email);
        using var browser = new Browser();

        browser.Open(new Uri(fixture.One.BaseAddress, "/ui/#/committees"));
        await browser.WaitFor("#single-sign-on", text => text == "Đăng nhập một lần Trà Vinh");
        browser.Screenshot("sign-in-with-single-sign-on");
        browser.Driver.FindElement(By.Id("single-sign-on")).Click();

        await browser.WaitFor("#signed-in-as", text => text == "Nguyễn Thị Lan (cán bộ)");
        await browser.WaitFor("h1", text => text != "Đăng nhập");
        Assert.EndsWith("/ui/#/committees", browser.Driver.Url);
        Assert.Null(browser.Text("#password-form"));
    }

    [Fact]
    public async Task Given_a_person_of_the_provider_without_an_account_When_they_choose_it_Then_the_login_page_says_to_ask_an_admin()
    {
        fixture.Provider.SignedIn = ("kc-" + Guid.NewGuid().ToString("N"), "khong.co@travinh.gov.vn");
        using var browser = new Browser();

        browser.Open(new Uri(fixture.One.BaseAddress, "/ui/#/dang-nhap"));
        await browser.WaitFor("#single-sign-on");
        browser.Driver.FindElement(By.Id("single-sign-on")).Click();

        await browser.WaitFor(".notice", text => text.Contains("Hãy đề nghị quản trị viên tạo tài khoản.", StringComparison.Ordinal));
        Assert.Equal("", browser.Text("#signed-in-as"));
        Assert.NotNull(browser.Text("#sign-in-form"));
    }
}

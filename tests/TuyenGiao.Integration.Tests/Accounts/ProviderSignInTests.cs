using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Accounts.Accounts;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Accounts;

/// <summary>A provider started inside the tests and two nodes of one cluster pointed at it, shared by the tests of the class.</summary>
public sealed class ProviderSignInFixture : IAsyncLifetime
{
    public OidcProvider Provider { get; private set; } = null!;

    public TestDatabase Database { get; private set; } = null!;

    public TuyenGiaoNode One { get; private set; } = null!;

    public TuyenGiaoNode Two { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Provider = await OidcProvider.StartAsync();
        Database = await TestDatabase.CreateAsync();
        var clusterId = $"sso-web-{Guid.NewGuid():N}"[..16];
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Oidc:Authority"] = Provider.Issuer,
            ["Auth:Oidc:RequireHttpsMetadata"] = "false",
            ["Auth:Oidc:DisplayName"] = "Đăng nhập một lần Trà Vinh",
        };
        One = await TuyenGiaoNode.StartAsync(Database.ConnectionString, clusterId, settings: settings);
        Two = await TuyenGiaoNode.StartAsync(Database.ConnectionString, clusterId, settings: settings);
        await One.Http.PostJson("/api/committees", new { code = "SSOW", name = "Tỉnh", level = "Province", memberCount = 1 });
    }

    public async Task DisposeAsync()
    {
        await Two.DisposeAsync();
        await One.DisposeAsync();
        await Database.DisposeAsync();
        await Provider.DisposeAsync();
    }
}

/// <summary>
/// The web UI's sign-in through the provider, step by step as a browser follows the redirects: authorisation code with
/// PKCE, the account found by the provider's verified e-mail, the session cookie and the event in the account's log;
/// and every way it can fail lands on the login page with a reason, signing nobody in.
/// </summary>
public class ProviderSignInTests(ProviderSignInFixture fixture) : IClassFixture<ProviderSignInFixture>
{
    private OidcProvider Provider => fixture.Provider;

    /// <summary>Follows one redirect: the Location of a 302, made absolute against the request's address.</summary>
    private static Uri Next(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
    }

    private static IReadOnlyDictionary<string, string> QueryOf(Uri uri) =>
        uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));

    [Fact]
    public async Task Given_a_person_signed_in_at_the_provider_When_signing_on_through_it_Then_the_account_of_their_verified_email_has_a_session_on_every_node()
    {
        // A first password never changed: signing on through the provider uses none, so the grants are not held back.
        var email = $"sso.{Guid.NewGuid():N}"[..16] + "@travinh.gov.vn";
        var username = await CreatePersonAsync(fixture.One.Http, "sso", email);
        await GrantAsync(fixture.One.Http, username, Role.Officer, "SSOW");
        Provider.SignedIn = ("kc-" + Guid.NewGuid().ToString("N"), email.ToUpperInvariant());
        using var browser = new SessionClient(fixture.One.BaseAddress, followRedirects: false);

        var toProvider = Next(await browser.Http.GetAsync("/api/session/single-sign-on?next=" + Uri.EscapeDataString("#/committees/SSOW/growth")));
        Assert.StartsWith(Provider.Issuer, toProvider.ToString());
        var asked = QueryOf(toProvider);
        Assert.Equal(("code", "S256", "query"), (asked["response_type"], asked["code_challenge_method"],
            asked.GetValueOrDefault("response_mode", "query")));
        Assert.Contains("email", asked["scope"].Split(' '));
        var toCallback = Next(await browser.Http.GetAsync(toProvider));
        // (query is the default response mode of the code flow: the answer is a plain GET, no cross-site form post.)
        // The provider may answer to any node of the cluster: the state and nonce are protected by the shared key ring.
        var onNodeTwo = new UriBuilder(toCallback) { Port = fixture.Two.BaseAddress.Port }.Uri;
        var landed = Next(await browser.Http.GetAsync(onNodeTwo));

        Assert.Equal("/ui/", landed.AbsolutePath);
        Assert.Equal("#/dang-nhap?next=" + Uri.EscapeDataString("#/committees/SSOW/growth"), landed.Fragment);
        Assert.Empty(Provider.RefusedTokenRequests);
        var cookie = browser.Cookie("tuyengiao.session");
        Assert.NotNull(cookie);
        Assert.True(cookie.HttpOnly);
        var session = await Read<JsonElement>(await browser.Http.GetAsync("/api/session"), HttpStatusCode.OK);
        Assert.Equal((username, false, true), (session.GetProperty("username").GetString(), session.GetProperty("mustChangePassword").GetBoolean(),
            session.GetProperty("signedOnElsewhere").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/api/committees/SSOW/records")).StatusCode);

        // A token for one's scripts, as a password session gets: it holds the same grants.
        await browser.RefreshAntiforgeryAsync();
        var token = (await Read<JsonElement>(await browser.Http.PostAsync("/api/session/tokens", null), HttpStatusCode.Created)).GetProperty("token").GetString();
        using var script = fixture.Two.Anonymous();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/committees/SSOW/records")).StatusCode);

        var log = await Read<JsonElement>(await fixture.One.Http.GetAsync($"/api/audit/stream?id=account/{username}"), HttpStatusCode.OK);
        var signedOn = log.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "signed_on_through_provider");
        Assert.Equal((username, Provider.Issuer, Provider.SignedIn!.Value.Subject),
            (signedOn.GetProperty("actor").GetString(), signedOn.GetProperty("data").GetProperty("provider").GetString(),
                signedOn.GetProperty("data").GetProperty("subject").GetString()));

        // The same answer from the provider, replayed: its code and correlation are spent; no second session, no error page.
        using var replay = new SessionClient(fixture.One.BaseAddress, followRedirects: false);
        Assert.Equal("#/dang-nhap?sso=failed", Next(await replay.Http.GetAsync(toCallback)).Fragment);
        Assert.Null(replay.Cookie("tuyengiao.session"));
    }

    [Fact]
    public async Task Given_a_person_of_the_provider_without_an_account_When_signing_on_Then_back_on_the_login_page_saying_so_and_not_signed_in()
    {
        Provider.SignedIn = ("kc-stranger", "nguoi.la@travinh.gov.vn");
        using var browser = new SessionClient(fixture.One.BaseAddress, followRedirects: false);

        var toCallback = Next(await browser.Http.GetAsync(Next(await browser.Http.GetAsync("/api/session/single-sign-on"))));
        var landed = Next(await browser.Http.GetAsync(toCallback));

        Assert.Equal("#/dang-nhap?sso=no-account", landed.Fragment);
        Assert.Null(browser.Cookie("tuyengiao.session"));
        await AssertProblem(await browser.Http.GetAsync("/api/session"), HttpStatusCode.Unauthorized, "Authorization");
    }

    [Fact]
    public async Task Given_a_disabled_account_When_its_person_signs_on_through_the_provider_Then_refused_like_no_account()
    {
        var username = await CreatePersonAsync(fixture.One.Http, "gone");
        Assert.Equal(HttpStatusCode.OK, (await fixture.One.Http.PostJson($"/api/accounts/{username}/disable", new { reason = "Nghỉ hưu" })).StatusCode);
        Provider.SignedIn = (username, null);
        using var browser = new SessionClient(fixture.One.BaseAddress, followRedirects: false);

        var landed = Next(await browser.Http.GetAsync(Next(await browser.Http.GetAsync(Next(await browser.Http.GetAsync("/api/session/single-sign-on"))))));

        Assert.Equal("#/dang-nhap?sso=no-account", landed.Fragment);
        Assert.Null(browser.Cookie("tuyengiao.session"));
    }

    [Fact]
    public async Task Given_the_person_declines_at_the_provider_When_it_answers_Then_back_on_the_login_page_with_a_failure()
    {
        Provider.SignedIn = null;
        using var browser = new SessionClient(fixture.One.BaseAddress, followRedirects: false);

        var landed = Next(await browser.Http.GetAsync(Next(await browser.Http.GetAsync(Next(await browser.Http.GetAsync("/api/session/single-sign-on"))))));

        Assert.Equal("#/dang-nhap?sso=failed", landed.Fragment);
        Assert.Null(browser.Cookie("tuyengiao.session"));
    }

    [Fact]
    public async Task Given_a_provider_When_the_login_page_asks_how_to_sign_in_or_names_a_page_that_is_not_the_UIs_Then_offered_or_refused()
    {
        using var browser = new SessionClient(fixture.One.BaseAddress, followRedirects: false);

        var options = await Read<JsonElement>(await browser.Http.GetAsync("/api/session/sign-in-options"), HttpStatusCode.OK);

        Assert.Equal(("Đăng nhập một lần Trà Vinh", "/api/session/single-sign-on"),
            (options.GetProperty("singleSignOn").GetProperty("name").GetString(), options.GetProperty("singleSignOn").GetProperty("start").GetString()));
        var elsewhere = await AssertProblem(await browser.Http.GetAsync("/api/session/single-sign-on?next=" + Uri.EscapeDataString("https://evil.example/")),
            HttpStatusCode.BadRequest, "next");
        Assert.Contains("#/", elsewhere.GetProperty("errors").GetProperty("next")[0].GetString());
    }
}

/// <summary>A node without a provider: the login page offers the password alone, and the provider's start is not there.</summary>
[Collection(NodeCollection.Name)]
public class NoProviderSignInTests(NodeFixture fixture)
{
    [Fact]
    public async Task Given_no_provider_is_set_up_When_the_login_page_asks_or_a_browser_starts_signing_on_Then_none_is_offered_and_404()
    {
        using var browser = new SessionClient(fixture.Node.BaseAddress, followRedirects: false);

        var options = await Read<JsonElement>(await browser.Http.GetAsync("/api/session/sign-in-options"), HttpStatusCode.OK);

        Assert.Equal(JsonValueKind.Null, options.GetProperty("singleSignOn").ValueKind);
        await AssertProblem(await browser.Http.GetAsync("/api/session/single-sign-on"), HttpStatusCode.NotFound, "singleSignOn");
    }
}

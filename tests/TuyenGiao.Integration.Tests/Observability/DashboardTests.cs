using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Observability;

/// <summary>Orleans' dashboard at /dashboard: admins only, by bearer header or by the cookie its sign-in page sets.</summary>
[Collection(NodeCollection.Name)]
public class DashboardTests(NodeFixture fixture)
{
    private const string Counters = "/dashboard/DashboardCounters";

    [Fact]
    public async Task Given_an_admin_token_When_the_dashboard_is_asked_for_the_cluster_Then_it_lists_this_silo_as_active()
    {
        // The dashboard samples the cluster once a second: a node that has just started may list no silo yet.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        List<JsonElement> silos;
        do
        {
            var stats = await Read<JsonElement>(await fixture.Node.Http.GetAsync(Counters), HttpStatusCode.OK);
            silos = stats.GetProperty("hosts").EnumerateArray().ToList();
            if (silos.Count == 0)
                await Task.Delay(250);
        }
        while (silos.Count == 0 && DateTime.UtcNow < deadline);

        Assert.Contains(silos, s => s.GetProperty("status").GetString() == "Active");
        var page = await fixture.Node.Http.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(Role.Officer)]
    [InlineData(Role.Auditor)]
    [InlineData(Role.Organiser)]
    public async Task Given_a_token_that_is_not_an_admins_When_the_dashboard_is_asked_Then_403(Role role)
    {
        using var caller = fixture.Node.ClientAs($"dash-{role}", role, "TV");

        await AssertProblem(await caller.GetAsync(Counters), HttpStatusCode.Forbidden, "role");
    }

    [Fact]
    public async Task Given_no_token_When_a_script_asks_Then_401_and_when_a_browser_asks_Then_it_is_sent_to_sign_in()
    {
        using var anonymous = NoRedirects();

        await AssertProblem(await anonymous.GetAsync(Counters), HttpStatusCode.Unauthorized, "Authorization");
        var browser = new HttpRequestMessage(HttpMethod.Get, "/dashboard/");
        browser.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var response = await anonymous.SendAsync(browser);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard/sign-in", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Given_an_admin_token_pasted_in_the_sign_in_form_When_the_dashboard_is_asked_with_the_cookie_alone_Then_it_answers()
    {
        using var browser = NoRedirects();
        var signIn = await browser.PostAsync("/dashboard/sign-in", Form(fixture.Node.Tokens.Issue("dash-admin", Role.Admin)));

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/dashboard", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var withCookie = new HttpRequestMessage(HttpMethod.Get, Counters);
        withCookie.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(withCookie)).StatusCode);

        // The cookie is for the dashboard only: the API does not take it in place of a bearer token.
        var api = new HttpRequestMessage(HttpMethod.Get, "/api/committees");
        api.Headers.Add("Cookie", cookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.SendAsync(api)).StatusCode);
    }

    [Fact]
    public async Task Given_a_token_that_is_not_an_admins_or_not_valid_When_signing_in_Then_the_form_says_why_and_no_cookie_is_set()
    {
        using var browser = NoRedirects();
        var officer = await browser.PostAsync("/dashboard/sign-in", Form(fixture.Node.Tokens.Issue("dash-officer", Role.Officer, "TV")));
        var forged = await browser.PostAsync("/dashboard/sign-in", Form("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.bm90LXNpZ25lZA"));
        var empty = await browser.PostAsync("/dashboard/sign-in", Form(""));

        Assert.Equal(HttpStatusCode.Forbidden, officer.StatusCode);
        Assert.Contains("for admins", await officer.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.All([officer, forged, empty], r => Assert.False(r.Headers.Contains("Set-Cookie")));
    }

    private HttpClient NoRedirects() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.Node.BaseAddress };

    private static FormUrlEncodedContent Form(string token) => new([new KeyValuePair<string, string>("token", token)]);
}

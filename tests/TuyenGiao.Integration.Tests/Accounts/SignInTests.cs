using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Accounts.Accounts;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Accounts;

/// <summary>Signing in as a person, over HTTP with real PostgreSQL: first password, lockout, reset, antiforgery, the cookie.</summary>
[Collection(NodeCollection.Name)]
public class SignInTests(NodeFixture fixture)
{
    private TuyenGiaoNode Node => fixture.Node;

    [Fact]
    public async Task Given_a_new_officer_When_signing_in_with_the_first_password_Then_granted_nothing_until_it_is_changed()
    {
        var username = await CreatePersonAsync(Node.Http, "officer");
        await Node.Http.PostJson("/api/committees", new { code = "TV-SIGNIN", name = "Tỉnh", level = "Province", memberCount = 10 });
        await GrantAsync(Node.Http, username, Role.Officer, "TV-SIGNIN");
        using var session = new SessionClient(Node.BaseAddress);

        var signedIn = await Read<JsonElement>(await session.SignInAsync(username, FirstPassword), HttpStatusCode.OK);

        Assert.True(signedIn.GetProperty("mustChangePassword").GetBoolean());
        await AssertProblem(await session.Http.GetAsync("/api/committees"), HttpStatusCode.Forbidden, "role");

        var changed = await session.Http.PutJson("/api/session/password", new { currentPassword = FirstPassword, newPassword = OwnPassword });

        Assert.False((await Read<JsonElement>(changed, HttpStatusCode.OK)).GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/api/committees")).StatusCode);
        using var again = new SessionClient(Node.BaseAddress);
        await AssertProblem(await again.SignInAsync(username, FirstPassword), HttpStatusCode.Unauthorized, "password");
        Assert.Equal(HttpStatusCode.OK, (await again.SignInAsync(username, OwnPassword)).StatusCode);
    }

    [Fact]
    public async Task Given_wrong_passwords_When_five_in_a_row_Then_locked_with_the_time_it_lasts_and_a_reset_link_unlocks_it()
    {
        var username = await CreatePersonAsync(Node.Http);
        using var session = new SessionClient(Node.BaseAddress);
        for (var i = 1; i < 5; i++)
            await AssertProblem(await session.SignInAsync(username, $"sai mật khẩu {i}"), HttpStatusCode.Unauthorized, "password");

        using var fifth = await session.SignInAsync(username, "sai mật khẩu 5");
        var locked = await AssertProblem(fifth, HttpStatusCode.Locked, "username");
        Assert.Contains("until", locked.GetProperty("detail").GetString());
        Assert.InRange(int.Parse(fifth.Headers.GetValues("Retry-After").Single()), 14 * 60, 15 * 60);
        await AssertProblem(await session.SignInAsync(username, FirstPassword), HttpStatusCode.Locked, "username");

        var link = await Read<JsonElement>(await Node.Http.PostAsync($"/api/accounts/{username}/reset-link", null), HttpStatusCode.Created);
        // The web UI's own page (at /ui), with the token after '#', which no browser sends to a server.
        var page = new Uri(Node.BaseAddress, "/ui/#/dat-lai-mat-khau/").ToString();
        Assert.StartsWith(page, link.GetProperty("link").GetString());
        var token = Uri.UnescapeDataString(link.GetProperty("link").GetString()![page.Length..]);
        await session.RefreshAntiforgeryAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await session.Http.PostAsJsonAsync("/api/session/password-reset", new { token, newPassword = OwnPassword })).StatusCode);
        await AssertProblem(await session.Http.PostAsJsonAsync("/api/session/password-reset", new { token, newPassword = "lần thứ hai dùng link" }),
            HttpStatusCode.UnprocessableEntity, "token");

        var signedIn = await Read<JsonElement>(await session.SignInAsync(username, OwnPassword), HttpStatusCode.OK);
        Assert.False(signedIn.GetProperty("mustChangePassword").GetBoolean());
    }

    [Fact]
    public async Task Given_an_unknown_username_or_a_disabled_account_When_signing_in_Then_the_same_401_as_a_wrong_password()
    {
        var disabled = await CreatePersonAsync(Node.Http);
        Assert.Equal(HttpStatusCode.OK, (await Node.Http.PostJson($"/api/accounts/{disabled}/disable", new { reason = "Nghỉ hưu" })).StatusCode);
        using var session = new SessionClient(Node.BaseAddress);

        var unknown = await AssertProblem(await session.SignInAsync("khong.co.ai", FirstPassword), HttpStatusCode.Unauthorized, "password");
        var off = await AssertProblem(await session.SignInAsync(disabled, FirstPassword), HttpStatusCode.Unauthorized, "password");

        Assert.Equal(unknown.GetProperty("detail").GetString(), off.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Given_a_sign_in_without_the_antiforgery_token_Then_400_and_no_session()
    {
        var username = await CreatePersonAsync(Node.Http);
        using var session = new SessionClient(Node.BaseAddress);

        await AssertProblem(await session.Http.PostAsJsonAsync("/api/session", new { username, password = FirstPassword }), HttpStatusCode.BadRequest, "X-CSRF-TOKEN");

        Assert.Null(session.Cookie("tuyengiao.session"));
    }

    [Fact]
    public async Task Given_a_session_When_a_change_comes_without_the_antiforgery_token_Then_400_and_nothing_is_stored()
    {
        var username = await CreatePersonAsync(Node.Http, "officer");
        await Node.Http.PostJson("/api/committees", new { code = "TV-CSRF", name = "Tỉnh", level = "Province", memberCount = 10 });
        await GrantAsync(Node.Http, username, Role.Officer, "TV-CSRF");
        using var session = await SignedInAsync(Node.BaseAddress, username);
        var child = new { code = "TV-CSRF-1", name = "Huyện", level = "District", parentCode = "TV-CSRF", memberCount = 5 };
        var token = session.Http.DefaultRequestHeaders.GetValues("X-CSRF-TOKEN").Single();
        session.Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        var before = await fixture.Database.EventCountAsync();

        await AssertProblem(await session.Http.PostJson("/api/committees", child), HttpStatusCode.BadRequest, "X-CSRF-TOKEN");
        session.Http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", "not-the-token");
        await AssertProblem(await session.Http.PostJson("/api/committees", child), HttpStatusCode.BadRequest, "X-CSRF-TOKEN");

        Assert.Equal(before, await fixture.Database.EventCountAsync());
        session.Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        session.Http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token);
        Assert.Equal(HttpStatusCode.Created, (await session.Http.PostJson("/api/committees", child)).StatusCode);
    }

    [Fact]
    public async Task Given_a_sign_in_Then_the_session_cookie_is_HttpOnly_and_SameSite_Strict_and_signing_out_ends_it()
    {
        var username = await CreatePersonAsync(Node.Http);
        using var session = new SessionClient(Node.BaseAddress);

        using var response = await session.SignInAsync(username, FirstPassword);

        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tuyengiao.session=", StringComparison.Ordinal));
        Assert.Contains("httponly", setCookie.ToLowerInvariant());
        Assert.Contains("samesite=strict", setCookie.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/api/session")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await session.Http.DeleteAsync("/api/session")).StatusCode);
        await AssertProblem(await session.Http.GetAsync("/api/session"), HttpStatusCode.Unauthorized, "Authorization");
    }

    [Fact]
    public async Task Given_a_sign_in_at_a_name_other_than_localhost_Then_the_session_cookie_is_Secure_and_at_localhost_it_is_not()
    {
        var username = await CreatePersonAsync(Node.Http);

        async Task<string> SessionCookieSignedInAt(string host)
        {
            using var session = new SessionClient(Node.BaseAddress);
            await session.RefreshAntiforgeryAsync();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/session") { Content = JsonContent.Create(new { username, password = FirstPassword }) };
            request.Headers.Host = host;
            using var response = await session.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tuyengiao.session=", StringComparison.Ordinal)).ToLowerInvariant();
        }

        Assert.Contains("; secure", await SessionCookieSignedInAt("tuyengiao.travinh.gov.vn"));
        Assert.DoesNotContain("; secure", await SessionCookieSignedInAt("localhost"));
    }

    [Fact]
    public async Task Given_a_session_Then_the_cookie_keys_in_the_database_are_stored_encrypted()
    {
        using var session = new SessionClient(Node.BaseAddress);
        Assert.Equal(HttpStatusCode.OK, (await session.SignInAsync(await CreatePersonAsync(Node.Http), FirstPassword)).StatusCode);

        var keys = await fixture.Database.ScalarAsync("SELECT count(*) FROM web.data_protection_key");
        var readable = await fixture.Database.ScalarAsync("SELECT count(*) FROM web.data_protection_key WHERE xml LIKE '%masterKey%' OR xml NOT LIKE '%encryptedKey%'");

        Assert.True(keys > 0);
        Assert.Equal(0, readable);
    }

    [Fact]
    public async Task Given_passwords_set_and_changed_Then_neither_they_nor_their_hashes_are_in_any_event()
    {
        var username = await CreatePersonAsync(Node.Http);
        using var session = await SignedInAsync(Node.BaseAddress, username);

        var events = await fixture.Database.ScalarAsync(
            "SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s", ("s", $"account/{username}"));
        var leaking = await fixture.Database.ScalarAsync(
            "SELECT count(*) FROM tuyengiao.mt_events WHERE data::text LIKE @a OR data::text LIKE @b OR data::text LIKE '%AQAAAA%'",
            ("a", $"%{FirstPassword}%"), ("b", $"%{OwnPassword}%"));

        Assert.True(events >= 3);
        Assert.Equal(0, leaking);
    }
}

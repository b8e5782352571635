using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Accounts.Accounts;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Accounts;

/// <summary>
/// Two nodes of one cluster, as behind a load balancer: a session and a token issued by one work on the other, and stop
/// working on the other within the account check interval once the account is disabled or a grant revoked on the first.
/// The interval is 2 s here (30 s by default, a minute at most, which the settings' validation enforces).
/// </summary>
public class RevocationTests
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);

    private static Task<TuyenGiaoNode> StartNode(TestDatabase database, string clusterId) =>
        TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId,
            settings: new Dictionary<string, string?> { ["Auth:AccountCheckEvery"] = CheckEvery.ToString() });

    [Fact]
    public async Task Given_a_session_and_a_token_of_node_one_When_the_grant_is_revoked_Then_node_two_refuses_both_within_the_interval()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = $"revoke-{Guid.NewGuid():N}"[..16];
        await using var one = await StartNode(database, clusterId);
        await using var two = await StartNode(database, clusterId);
        await one.Http.PostJson("/api/committees", new { code = "TV", name = "Tỉnh Trà Vinh", level = "Province", memberCount = 10 });
        var username = await CreatePersonAsync(one.Http, "officer");
        await GrantAsync(one.Http, username, Role.Officer, "TV");
        using var session = await SignedInAsync(one.BaseAddress, username);
        var token = (await Read<JsonElement>(await session.Http.PostAsync("/api/session/tokens", null), HttpStatusCode.Created)).GetProperty("token").GetString();
        using var sessionOnTwo = two.Anonymous();
        sessionOnTwo.DefaultRequestHeaders.Add("Cookie", session.SessionCookieHeader());
        using var tokenOnTwo = two.Anonymous();
        tokenOnTwo.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await sessionOnTwo.GetAsync("/api/committees/TV/records")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tokenOnTwo.GetAsync("/api/committees/TV/records")).StatusCode);

        var revoked = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await one.Http.PostJson($"/api/accounts/{username}/grants/revoke", new { role = Role.Officer, committeeCode = "TV" })).StatusCode);

        await Eventually(async () => (await sessionOnTwo.GetAsync("/api/committees/TV/records")).StatusCode == HttpStatusCode.Unauthorized);
        await Eventually(async () => (await tokenOnTwo.GetAsync("/api/committees/TV/records")).StatusCode == HttpStatusCode.Unauthorized);
        Assert.InRange(revoked.Elapsed, TimeSpan.Zero, CheckEvery + TimeSpan.FromSeconds(3));
        var why = await AssertProblem(await tokenOnTwo.GetAsync("/api/committees/TV/records"), HttpStatusCode.Unauthorized, "Authorization");
        Assert.Contains("revoked", why.GetProperty("detail").GetString());
        // On the node that made the change, at once.
        await AssertProblem(await session.Http.GetAsync("/api/session"), HttpStatusCode.Unauthorized, "Authorization");
    }

    [Fact]
    public async Task Given_a_session_on_node_two_When_the_account_is_disabled_on_node_one_Then_it_ends_within_the_interval_and_sign_in_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = $"disable-{Guid.NewGuid():N}"[..16];
        await using var one = await StartNode(database, clusterId);
        await using var two = await StartNode(database, clusterId);
        var username = await CreatePersonAsync(one.Http);
        await GrantAsync(one.Http, username, Role.Auditor);
        using var session = await SignedInAsync(two.BaseAddress, username);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.GetAsync("/api/audit/events")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await one.Http.PostJson($"/api/accounts/{username}/disable", new { reason = "Chuyển công tác" })).StatusCode);

        await Eventually(async () => (await session.Http.GetAsync("/api/audit/events")).StatusCode == HttpStatusCode.Unauthorized);
        using var again = new SessionClient(two.BaseAddress);
        await AssertProblem(await again.SignInAsync(username, OwnPassword), HttpStatusCode.Unauthorized, "password");
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < CheckEvery + TimeSpan.FromSeconds(3), "still allowed after the account check interval");
            await Task.Delay(200);
        }
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Accounts.Accounts;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Accounts;

/// <summary>
/// Tokens of an OpenID Connect provider started inside the test (discovery and JWKS, RS256), on a node pointed at it:
/// mapped to accounts by subject or verified e-mail, refused for anyone without an enabled account, for another audience
/// or another key; the system's own tokens keep working beside them.
/// </summary>
public class SingleSignOnTests
{
    [Fact]
    public async Task Given_a_provider_When_its_tokens_call_the_API_Then_each_holds_the_grants_of_the_account_it_maps_to_or_is_refused()
    {
        await using var provider = await OidcProvider.StartAsync();
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"sso-{Guid.NewGuid():N}"[..16],
            settings: new Dictionary<string, string?>
            {
                ["Auth:Oidc:Authority"] = provider.Issuer,
                ["Auth:Oidc:RequireHttpsMetadata"] = "false",
                ["Auth:AccountCheckEvery"] = "00:00:02",
            });
        await node.Http.PostJson("/api/committees", new { code = "SSO", name = "Tỉnh", level = "Province", memberCount = 1 });
        var byEmail = await CreatePersonAsync(node.Http, "mail", "binh.tran@travinh.gov.vn");
        await GrantAsync(node.Http, byEmail, Role.Officer, "SSO");
        var byUsername = await CreatePersonAsync(node.Http, "name");
        await GrantAsync(node.Http, byUsername, Role.Auditor);

        async Task<HttpResponseMessage> Call(string token, string path = "/api/committees/SSO/records")
        {
            using var client = node.Anonymous();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return await client.GetAsync(path);
        }

        // Mapped by verified e-mail (the provider's own subject is not a username here), and by subject = username.
        Assert.Equal(HttpStatusCode.OK, (await Call(provider.Token("kc-7f3a2c91-uuid", "Binh.Tran@travinh.gov.vn"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Call(provider.Token(byUsername), "/api/audit/events")).StatusCode);

        var nobody = await AssertProblem(await Call(provider.Token("someone-else", "khac@travinh.gov.vn")), HttpStatusCode.Unauthorized, "Authorization");
        Assert.Contains("no enabled account", nobody.GetProperty("detail").GetString());
        await AssertProblem(await Call(provider.Token("kc-x", "binh.tran@travinh.gov.vn", emailVerified: false)), HttpStatusCode.Unauthorized, "Authorization");
        await AssertProblem(await Call(provider.Token(byUsername, audience: "another-client")), HttpStatusCode.Unauthorized, "Authorization");
        await AssertProblem(await Call(provider.Token(byUsername, signedWith: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key-1" })),
            HttpStatusCode.Unauthorized, "Authorization");
        Assert.Equal(HttpStatusCode.OK, (await Call(node.Tokens.Issue("script", Role.Admin))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await node.Http.PostJson($"/api/accounts/{byUsername}/disable", new { reason = "Nghỉ việc" })).StatusCode);
        await AssertProblem(await Call(provider.Token(byUsername), "/api/audit/events"), HttpStatusCode.Unauthorized, "Authorization");
    }
}

using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TuyenGiao.Access;
using TuyenGiao.Api.Security;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Security;

/// <summary>Tokens that must not get in, each told why; and what a node does without a signing key.</summary>
[Collection(NodeCollection.Name)]
public class AuthenticationTests(NodeFixture fixture)
{
    private const string Protected = "/api/committees";

    public static TheoryData<string, string, string> BadTokens => new()
    {
        { "no header", "", "a bearer token is required" },
        { "not a bearer header", "Basic dXNlcjpwYXNz", "must be 'Bearer <token>'" },
        { "not a JWT", "Bearer not-a-token", "the token is not valid" },
        { "signed with another key", "Bearer " + Mint(key: Convert.ToBase64String(new byte[32])), "signature" },
        { "expired", "Bearer " + Mint(expires: DateTime.UtcNow.AddHours(-1)), "expired" },
        { "another issuer", "Bearer " + Mint(issuer: "someone-else"), "issued by someone else" },
        { "another audience", "Bearer " + Mint(audience: "another-api"), "another audience" },
        { "unsigned", "Bearer " + new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            { Issuer = "tuyengiao", Audience = "tuyengiao-api", Claims = new Dictionary<string, object> { ["sub"] = "x", ["role"] = "admin" } }), "signature" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task Given_a_bad_token_When_a_protected_endpoint_is_called_Then_401_says_why_and_nothing_is_stored(string _, string authorization, string reason)
    {
        using var client = fixture.Node.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, Protected)
        {
            Content = new StringContent("""{"code":"AUTH-X","name":"Tỉnh","level":"Province","memberCount":1}""", System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization.Length > 0)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        var before = await fixture.Database.EventCountAsync();

        using var response = await client.SendAsync(request);

        var problem = await AssertProblem(response, HttpStatusCode.Unauthorized, "Authorization");
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Equal(before, await fixture.Database.EventCountAsync());
    }

    [Fact]
    public async Task Given_a_valid_token_with_an_unknown_role_When_a_signed_in_endpoint_is_called_Then_403_names_the_roles_allowed()
    {
        using var client = fixture.Node.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Mint(role: "superuser"));

        var problem = await AssertProblem(await client.GetAsync(Protected), HttpStatusCode.Forbidden, "role");

        Assert.Contains("superuser", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Given_a_token_from_the_tests_issuer_When_its_user_acts_Then_the_event_records_the_token_subject_as_actor()
    {
        using var officer = fixture.Node.ClientAs("nguyen.van.an", Role.Admin);
        var code = $"ACT{Guid.NewGuid():N}"[..12].ToUpperInvariant();

        await Read<object>(await officer.PostJson(Protected, new { code, name = "Tỉnh ủy", level = "Province", memberCount = 1 }), HttpStatusCode.Created);

        Assert.Equal(1, await fixture.Database.ScalarAsync(
            "SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s AND user_name = 'nguyen.van.an'", ("s", $"committee/{code}")));
    }

    [Fact]
    public async Task Given_no_signing_key_When_a_node_starts_Then_it_refuses_with_a_sentence_that_says_what_to_set()
    {
        await using var database = await TestDatabase.CreateAsync();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TuyenGiaoNode.StartAsync(database.ConnectionString,
            $"nokey-{Guid.NewGuid():N}"[..16], settings: new Dictionary<string, string?> { ["Auth:SigningKey"] = "" }));

        Assert.Contains("Auth:SigningKey is not set", failure.Message);
    }

    /// <summary>A token made by hand, to vary one thing at a time from what the node accepts.</summary>
    private static string Mint(string? key = null, DateTime? expires = null, string issuer = "tuyengiao", string audience = "tuyengiao-api", string role = "admin")
    {
        var end = expires ?? DateTime.UtcNow.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = end.AddHours(-2),
            NotBefore = end.AddHours(-2),
            Expires = end,
            Claims = new Dictionary<string, object> { ["sub"] = "someone", ["role"] = role },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(key ?? TuyenGiaoNode.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}

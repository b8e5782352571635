using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TuyenGiao.Integration.Tests.Infrastructure;

/// <summary>
/// An OpenID Connect provider started inside the tests, as much of one as a resource server needs: a discovery document
/// and the JWKS with one RSA key, on a free loopback port. It mints RS256 tokens as the province's provider would.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;

    private OidcProvider(WebApplication app, RsaSecurityKey key, string issuer)
    {
        _app = app;
        _key = key;
        Issuer = issuer;
    }

    public string Issuer { get; }

    public static async Task<OidcProvider> StartAsync()
    {
        var port = TuyenGiaoNode.FreePort();
        var issuer = $"http://127.0.0.1:{port}/realms/test";
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key-1" };
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(key.Rsa.ExportParameters(false)) { KeyId = key.KeyId });
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapGet("/realms/test/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = $"{issuer}/protocol/openid-connect/certs",
            ["authorization_endpoint"] = $"{issuer}/protocol/openid-connect/auth",
            ["token_endpoint"] = $"{issuer}/protocol/openid-connect/token",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
        }));
        app.MapGet("/realms/test/protocol/openid-connect/certs", () => Results.Json(new
        {
            keys = new[] { new { kty = jwk.Kty, use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } },
        }));
        await app.StartAsync();
        return new OidcProvider(app, key, issuer);
    }

    /// <summary>An access token as the provider issues it, for the audience given (the system's is "tuyengiao").</summary>
    public string Token(string subject, string? email = null, bool emailVerified = true, string audience = "tuyengiao", RsaSecurityKey? signedWith = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["email_verified"] = emailVerified };
        if (email is not null)
            claims["email"] = email;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = claims,
            SigningCredentials = new SigningCredentials(signedWith ?? _key, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

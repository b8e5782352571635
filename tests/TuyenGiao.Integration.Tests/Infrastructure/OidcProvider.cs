using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TuyenGiao.Integration.Tests.Infrastructure;

/// <summary>
/// An OpenID Connect provider started inside the tests: a discovery document and the JWKS with one RSA key, on a free
/// loopback port; it mints RS256 tokens as the province's provider would, and runs the authorisation code flow for the
/// client "tuyengiao" as a provider does, PKCE (S256) required: the person signed in at the provider
/// (<see cref="SignedIn"/>) consents at once, a code works once, with its verifier, for the redirect URI it was issued to.
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

    /// <summary>Who is signed in at the provider (subject, e-mail); null: the person declines (error=access_denied).</summary>
    public (string Subject, string? Email)? SignedIn { get; set; }

    /// <summary>The query of each authorisation request, in order.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> AuthorisationRequests { get; } = new();

    /// <summary>Token requests refused (a used or unknown code, a wrong verifier or redirect URI), with the reason.</summary>
    public ConcurrentQueue<string> RefusedTokenRequests { get; } = new();

    private readonly ConcurrentDictionary<string, IssuedCode> _codes = new();

    private sealed record IssuedCode(string RedirectUri, string Challenge, string? Nonce, string Subject, string? Email);

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
        var provider = new OidcProvider(app, key, issuer);
        app.MapGet("/realms/test/protocol/openid-connect/auth", provider.Authorise);
        app.MapPost("/realms/test/protocol/openid-connect/token", provider.ExchangeAsync);
        await app.StartAsync();
        return provider;
    }

    private IResult Authorise(HttpRequest request)
    {
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString());
        AuthorisationRequests.Enqueue(query);
        string Param(string name) => query.GetValueOrDefault(name, "");
        if (Param("client_id") != ClientId || Param("response_type") != "code" || !Param("scope").Split(' ').Contains("openid") ||
            Param("code_challenge_method") != "S256" || Param("code_challenge").Length < 43 || Param("redirect_uri").Length == 0)
            return Results.BadRequest("invalid authorisation request: the client, response type, scope or PKCE (S256) is wrong");
        var redirect = Param("redirect_uri");
        var state = Uri.EscapeDataString(Param("state"));
        if (SignedIn is not { } person)
            return Results.Redirect($"{redirect}?error=access_denied&state={state}");
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        _codes[code] = new IssuedCode(redirect, Param("code_challenge"), query.GetValueOrDefault("nonce"), person.Subject, person.Email);
        return Results.Redirect($"{redirect}?code={code}&state={state}");
    }

    private async Task<IResult> ExchangeAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        IResult Refuse(string reason)
        {
            RefusedTokenRequests.Enqueue(reason);
            return Results.Json(new { error = "invalid_grant", error_description = reason }, statusCode: 400);
        }
        if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId)
            return Refuse("wrong grant type or client");
        if (!_codes.TryRemove(form["code"].ToString(), out var issued))
            return Refuse("unknown or used code");
        if (form["redirect_uri"] != issued.RedirectUri)
            return Refuse("another redirect URI");
        var verifier = form["code_verifier"].ToString();
        if (Base64UrlEncoder.Encode(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier))) != issued.Challenge)
            return Refuse("the code verifier does not match the challenge");
        var claims = new Dictionary<string, object> { ["sub"] = issued.Subject, ["email_verified"] = true };
        if (issued.Email is not null)
            claims["email"] = issued.Email;
        if (issued.Nonce is not null)
            claims["nonce"] = issued.Nonce;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            IssuedAt = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        return Results.Json(new
        {
            access_token = Token(issued.Subject, issued.Email, audience: ClientId),
            id_token = idToken,
            token_type = "Bearer",
            expires_in = 300,
        });
    }

    /// <summary>The client id the system's web UI signs in under (its audience, when no other is set).</summary>
    public const string ClientId = "tuyengiao";

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

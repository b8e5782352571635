using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TuyenGiao.Integration.Tests.Infrastructure;

/// <summary>
/// A browser's view of the API: cookies kept, the antiforgery token read from GET /api/session/antiforgery and sent
/// on every request that changes something, as the web UI does. Every answer is held to the OpenAPI contract.
/// </summary>
public sealed class SessionClient : IDisposable
{
    private readonly CookieContainer _cookies = new();

    /// <param name="followRedirects">Off to see each step of a redirect chain (signing on through a provider).</param>
    public SessionClient(Uri baseAddress, bool followRedirects = true)
    {
        var handler = new HttpClientHandler { CookieContainer = _cookies, UseCookies = true, AllowAutoRedirect = followRedirects };
        Http = new HttpClient(new Contract.ContractCheckingHandler(handler))
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public HttpClient Http { get; }

    /// <summary>The Set-Cookie attributes of a cookie this client was given, by name (null when none).</summary>
    public Cookie? Cookie(string name) => _cookies.GetAllCookies().FirstOrDefault(c => c.Name == name);

    /// <summary>Reads a fresh antiforgery token (needed again after signing in: the token is bound to who is signed in).</summary>
    public async Task RefreshAntiforgeryAsync()
    {
        var token = await Http.GetFromJsonAsync<JsonElement>("/api/session/antiforgery");
        Http.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        Http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", token.GetProperty("token").GetString());
    }

    public async Task<HttpResponseMessage> SignInAsync(string username, string password)
    {
        await RefreshAntiforgeryAsync();
        var response = await Http.PostAsJsonAsync("/api/session", new { username, password });
        if (response.IsSuccessStatusCode)
            await RefreshAntiforgeryAsync();
        return response;
    }

    /// <summary>The session cookie as a header, to present the same session to another node.</summary>
    public string SessionCookieHeader() => _cookies.GetCookieHeader(Http.BaseAddress!);

    public void Dispose() => Http.Dispose();
}

using TuyenGiao.Accounts;

namespace TuyenGiao.Api.Accounts;

/// <summary>
/// A password reset link: the web UI's page with the token after '#', which browsers never send to a server (so it is
/// in no access log); the token is the username and the secret, the account keeps only the secret's hash.
/// </summary>
public static class ResetLinks
{
    private const char Separator = ':';

    public static string Write(HttpRequest request, string username, string secret) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{WebUi.WebUiSetup.Path}/#/dat-lai-mat-khau/{Uri.EscapeDataString(username + Separator + secret)}";

    public static (string Username, string Secret)? Read(string token)
    {
        var at = token.LastIndexOf(Separator);
        if (at <= 0 || at == token.Length - 1)
            return null;
        return Usernames.TryNormalize(token[..at]) is { } username ? (username, token[(at + 1)..]) : null;
    }
}

using System.Net;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Accounts;

/// <summary>Accounts set up the way an admin does it: over HTTP, with a key holder's admin token.</summary>
internal static class Accounts
{
    public const string FirstPassword = "mật khẩu đầu tiên 1";
    public const string OwnPassword = "mật khẩu riêng của tôi 2";

    /// <summary>A unique username (tests share a database), created as a person with <see cref="FirstPassword"/>.</summary>
    public static async Task<string> CreatePersonAsync(HttpClient admin, string prefix = "user", string email = "lan@travinh.gov.vn")
    {
        var username = $"{prefix}.{Guid.NewGuid():N}"[..24];
        var response = await admin.PostJson("/api/accounts",
            new { username, fullName = "Nguyễn Thị Lan", email, firstPassword = FirstPassword });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return username;
    }

    public static async Task GrantAsync(HttpClient admin, string username, Role role, string? committeeCode = null, string? contestId = null)
    {
        var response = await admin.PostJson($"/api/accounts/{username}/grants", new { role, committeeCode, contestId });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>A person with these grants who has already set <see cref="OwnPassword"/> (their first sign-in done over HTTP).</summary>
    public static async Task<string> PersonWithOwnPasswordAsync(TuyenGiaoNode node, string prefix, params (Role Role, string? CommitteeCode)[] grants)
    {
        var username = await CreatePersonAsync(node.Http, prefix);
        foreach (var (role, committee) in grants)
            await GrantAsync(node.Http, username, role, committee);
        using var _ = await SignedInAsync(node.BaseAddress, username);
        return username;
    }

    /// <summary>Signs in with the first password and changes it to <see cref="OwnPassword"/>, as a new user must.</summary>
    public static async Task<SessionClient> SignedInAsync(Uri node, string username)
    {
        var session = new SessionClient(node);
        Assert.Equal(HttpStatusCode.OK, (await session.SignInAsync(username, FirstPassword)).StatusCode);
        var changed = await session.Http.PutJson("/api/session/password", new { currentPassword = FirstPassword, newPassword = OwnPassword });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        await session.RefreshAntiforgeryAsync();
        return session;
    }
}

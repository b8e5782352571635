using System.Net;
using TuyenGiao.Api.Committees;
using TuyenGiao.Committees;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Committees;

/// <summary>Committees registered over HTTP with fresh codes, for the tests that build a hierarchy of their own.</summary>
public static class CommitteeSetup
{
    public static string NewCode(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20].ToUpperInvariant();

    public static async Task<CommitteeResponse> Register(this HttpClient http, string code, string name, CommitteeLevel level, string? parent, int members = 100) =>
        await Read<CommitteeResponse>(
            await http.PostJson("/api/committees", new { code, name, level = level.ToString(), parentCode = parent, memberCount = members }),
            HttpStatusCode.Created);
}

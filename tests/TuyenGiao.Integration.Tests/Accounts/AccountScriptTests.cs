using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Accounts;

/// <summary>ops/account.sh, the way the first admin of a fresh installation is made: run against a node, then signed in with.</summary>
[Collection(NodeCollection.Name)]
public class AccountScriptTests(NodeFixture fixture)
{
    [Fact]
    public async Task Given_the_script_When_it_creates_an_admin_Then_the_printed_first_password_signs_in_and_must_be_changed()
    {
        var username = $"quan.tri.{Guid.NewGuid():N}"[..20];

        var output = await Run(username, "Quản trị viên tỉnh", "--phone", "0912345678", "--grant", "admin", "--grant", "auditor");

        var password = Regex.Match(output, "first password (\\S+)").Groups[1].Value;
        using var session = new SessionClient(fixture.Node.BaseAddress);
        var signedIn = await Read<JsonElement>(await session.SignInAsync(username, password), HttpStatusCode.OK);
        Assert.True(signedIn.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(["Admin", "Auditor"], signedIn.GetProperty("grants").EnumerateArray().Select(g => g.GetProperty("role").GetString()).Order());
        Assert.Equal("Quản trị viên tỉnh", signedIn.GetProperty("fullName").GetString());
    }

    [Fact]
    public async Task Given_the_script_When_the_username_is_taken_Then_it_fails_saying_why()
    {
        var username = await Accounts.CreatePersonAsync(fixture.Node.Http, "taken");

        var failure = await Assert.ThrowsAsync<Xunit.Sdk.XunitException>(() => Run(username, "Người khác", "--email", "khac@travinh.gov.vn"));

        Assert.True(failure.Message.Contains("409", StringComparison.Ordinal), failure.Message);
    }

    private async Task<string> Run(params string[] arguments)
    {
        var script = Path.Combine(TestDatabase.RepositoryRoot(), "ops", "account.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["TUYENGIAO_URLS"] = fixture.Node.BaseAddress.ToString().TrimEnd('/'), ["Auth__SigningKey"] = TuyenGiaoNode.SigningKey },
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        if (process.ExitCode != 0)
            throw new Xunit.Sdk.XunitException($"account.sh failed ({process.ExitCode}): {await errors}{await output}");
        return await output;
    }
}

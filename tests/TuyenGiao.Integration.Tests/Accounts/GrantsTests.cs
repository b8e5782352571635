using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Accounts.Accounts;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Accounts;

/// <summary>Several grants checked the same way at the endpoint and in the rule; grants given by officers; who held what, when.</summary>
[Collection(NodeCollection.Name)]
public class GrantsTests(NodeFixture fixture)
{
    private TuyenGiaoNode Node => fixture.Node;

    /// <summary>A token as any signer of this system's key could write it: two roles in one array claim, no grant claims.</summary>
    private static string TwoRoleToken(string subject) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "tuyengiao",
        Audience = "tuyengiao-api",
        Expires = DateTime.UtcNow.AddMinutes(10),
        Claims = new Dictionary<string, object> { ["sub"] = subject, ["role"] = new[] { "judge", "admin" } },
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(TuyenGiaoNode.SigningKey)), SecurityAlgorithms.HmacSha256),
    });

    [Fact]
    public async Task Given_a_token_with_the_roles_judge_and_admin_When_registering_a_root_and_reading_the_audit_log_Then_both_are_allowed()
    {
        using var client = Node.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TwoRoleToken("gk-admin"));

        var root = await client.PostJson("/api/committees", new { code = "TWO-ROLES", name = "Tỉnh hai vai", level = "Province", memberCount = 1 });

        Assert.Equal(HttpStatusCode.Created, root.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/audit/events")).StatusCode);
    }

    [Fact]
    public async Task Given_an_account_that_is_an_officer_of_one_committee_and_an_organiser_of_another_When_acting_Then_each_grant_acts_in_its_scope()
    {
        await Node.Http.PostJson("/api/committees", new { code = "GR-A", name = "Tỉnh A", level = "Province", memberCount = 1 });
        await Node.Http.PostJson("/api/committees", new { code = "GR-B", name = "Tỉnh B", level = "Province", memberCount = 1 });
        var username = await CreatePersonAsync(Node.Http, "two");
        await GrantAsync(Node.Http, username, Role.Officer, "GR-A");
        await GrantAsync(Node.Http, username, Role.Organiser, "GR-B");
        using var session = await SignedInAsync(Node.BaseAddress, username);

        var child = await session.Http.PostJson("/api/committees", new { code = "GR-A-1", name = "Huyện", level = "District", parentCode = "GR-A", memberCount = 1 });
        var beside = await session.Http.PostJson("/api/committees", new { code = "GR-B-1", name = "Huyện", level = "District", parentCode = "GR-B", memberCount = 1 });
        var records = await session.Http.GetAsync("/api/committees/GR-B/records");

        Assert.Equal(HttpStatusCode.Created, child.StatusCode);
        await AssertProblem(beside, HttpStatusCode.Forbidden, "parentCode");
        Assert.Equal(HttpStatusCode.OK, records.StatusCode);
        var grants = (await Read<JsonElement>(await session.Http.GetAsync("/api/session"), HttpStatusCode.OK)).GetProperty("grants");
        Assert.Equal(2, grants.GetArrayLength());
    }

    [Fact]
    public async Task Given_a_judge_granted_for_one_contest_When_signed_in_Then_they_judge_there_and_not_in_another_contest()
    {
        var theirs = await Contests.ContestScenario.OpenNowAsync(Node.Http);
        var other = await Contests.ContestScenario.OpenNowAsync(Node.Http);
        var username = await CreatePersonAsync(Node.Http, "judge");
        foreach (var contest in new[] { theirs, other })
            Assert.Equal(HttpStatusCode.OK, (await Node.Http.PostJson($"/api/contests/{contest.ContestId}/judges",
                new { judgeId = username, name = "Giám khảo", committeeCode = contest.Province })).StatusCode);
        await GrantAsync(Node.Http, username, Role.Judge, contestId: theirs.ContestId);
        using var session = await SignedInAsync(Node.BaseAddress, username);

        var own = await session.Http.GetAsync($"/api/contests/{theirs.ContestId}/judges/{username}/entries");
        var elsewhere = await session.Http.GetAsync($"/api/contests/{other.ContestId}/judges/{username}/entries");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await AssertProblem(elsewhere, HttpStatusCode.Forbidden, "judgeId");
    }

    [Fact]
    public async Task Given_an_officer_When_managing_accounts_Then_only_for_committees_strictly_below_their_own()
    {
        await Node.Http.PostJson("/api/committees", new { code = "OF-P", name = "Tỉnh", level = "Province", memberCount = 1 });
        await Node.Http.PostJson("/api/committees", new { code = "OF-P-D", name = "Huyện", level = "District", parentCode = "OF-P", memberCount = 1 });
        await Node.Http.PostJson("/api/committees", new { code = "OF-Q", name = "Tỉnh khác", level = "Province", memberCount = 1 });
        using var officer = Node.ClientAs("officer-of-p", Role.Officer, "OF-P");

        var created = await Read<JsonElement>(await officer.PostJson("/api/accounts",
            new { username = $"district.{Guid.NewGuid():N}"[..20], fullName = "Trần Văn Bình", phone = "0912345678", firstPassword = FirstPassword }), HttpStatusCode.Created);
        var username = created.GetProperty("username").GetString()!;

        Assert.Equal(HttpStatusCode.OK, (await officer.PostJson($"/api/accounts/{username}/grants", new { role = Role.Officer, committeeCode = "OF-P-D" })).StatusCode);
        await AssertProblem(await officer.PostJson($"/api/accounts/{username}/grants", new { role = Role.Officer, committeeCode = "OF-P" }), HttpStatusCode.Forbidden, "role");
        await AssertProblem(await officer.PostJson($"/api/accounts/{username}/grants", new { role = Role.Officer, committeeCode = "OF-Q" }), HttpStatusCode.Forbidden, "role");
        await AssertProblem(await officer.PostJson($"/api/accounts/{username}/grants", new { role = Role.Admin }), HttpStatusCode.Forbidden, "role");
        await AssertProblem(await officer.PostJson($"/api/accounts/{username}/grants", new { role = Role.Officer }), HttpStatusCode.BadRequest, "committeeCode");
        await AssertProblem(await officer.PostJson($"/api/accounts/{username}/grants", new { role = Role.Officer, committeeCode = "NOPE" }), HttpStatusCode.NotFound, "committeeCode");
        Assert.Equal(HttpStatusCode.OK, (await officer.PostJson($"/api/accounts/{username}/disable", new { reason = "Nghỉ việc" })).StatusCode);
        var listed = await Read<JsonElement>(await officer.GetAsync("/api/accounts"), HttpStatusCode.OK);
        Assert.Contains(listed.EnumerateArray(), a => a.GetProperty("username").GetString() == username && a.GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public async Task Given_a_grant_given_and_revoked_When_an_auditor_asks_who_held_it_at_moments_Then_in_force_between_and_with_who_gave_it()
    {
        await Node.Http.PostJson("/api/committees", new { code = "HI-P", name = "Tỉnh", level = "Province", memberCount = 1 });
        await Node.Http.PostJson("/api/committees", new { code = "HI-P-D", name = "Huyện", level = "District", parentCode = "HI-P", memberCount = 1 });
        var username = await CreatePersonAsync(Node.Http, "hist");
        await GrantAsync(Node.Http, username, Role.Officer, "HI-P");
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        Assert.Equal(HttpStatusCode.OK, (await Node.Http.PostJson($"/api/accounts/{username}/grants/revoke", new { role = Role.Officer, committeeCode = "HI-P" })).StatusCode);
        using var auditor = Node.ClientAs("auditor-1", Role.Auditor);

        var then = await Read<JsonElement>(await auditor.GetAsync($"/api/accounts/grants-in-force?committeeCode=HI-P-D&asOf={Uri.EscapeDataString(between.ToString("O"))}"), HttpStatusCode.OK);
        var now = await Read<JsonElement>(await auditor.GetAsync("/api/accounts/grants-in-force?committeeCode=HI-P-D"), HttpStatusCode.OK);

        var held = Assert.Single(then.EnumerateArray(), g => g.GetProperty("username").GetString() == username);
        Assert.Equal(("test-admin", "Officer", "HI-P"), (held.GetProperty("grantedBy").GetString(), held.GetProperty("grant").GetProperty("role").GetString(),
            held.GetProperty("grant").GetProperty("committeeCode").GetString()));
        Assert.DoesNotContain(now.EnumerateArray(), g => g.GetProperty("username").GetString() == username);
    }
}

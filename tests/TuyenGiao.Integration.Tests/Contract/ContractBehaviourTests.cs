using System.Net;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Contract;

/// <summary>Where the API answered otherwise than its document says: each is now the answer the document gives.</summary>
[Collection(NodeCollection.Name)]
public class ContractBehaviourTests(NodeFixture fixture)
{
    [Fact]
    public async Task Given_an_entry_number_that_is_not_a_number_When_a_judge_scores_or_an_organiser_disqualifies_Then_400_names_entryNumber_not_403()
    {
        var scenario = await ContestScenario.OpenNowAsync(fixture.Node.Http);
        using var judge = fixture.Node.ClientAs("judge-nan", Role.Judge);
        using var organiser = fixture.Node.ClientAs("organiser-nan", Role.Organiser, scenario.Bloc);

        await AssertProblem(await judge.PutJson($"/api/contests/{scenario.ContestId}/entries/abc/scores", new { judgeId = "judge-nan", score = 80 }),
            HttpStatusCode.BadRequest, "entryNumber");
        await AssertProblem(await organiser.PostJson($"/api/contests/{scenario.ContestId}/entries/abc/disqualification", new { reason = "x" }),
            HttpStatusCode.BadRequest, "entryNumber");
    }

    [Theory]
    [InlineData("/api/audit/stream?id=contests/X", "id")]
    [InlineData("/api/audit/stream?id=contest/", "id")]
    [InlineData("/api/audit/export?stream=nothing-at-all", "stream")]
    [InlineData("/api/audit/integrity?stream=report/X", "stream")]
    public async Task Given_a_stream_id_of_no_stream_kind_When_an_auditor_asks_for_it_Then_400_names_the_parameter(string url, string field)
    {
        using var auditor = fixture.Node.ClientAs("auditor-kind", Role.Auditor);

        var problem = await AssertProblem(await auditor.GetAsync(url), HttpStatusCode.BadRequest, field);

        Assert.Contains("contest/ID", problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    [Fact]
    public async Task Given_an_announcement_that_sends_the_computed_details_member_When_posted_Then_400_names_it_and_nothing_is_announced()
    {
        var id = $"DETAILS-{Guid.NewGuid():N}"[..20].ToUpperInvariant();
        var scenario = await ContestScenario.OpenNowAsync(fixture.Node.Http);

        var response = await fixture.Node.Http.PostJson("/api/contests", new
        {
            contestId = id, organiserCode = scenario.Bloc, kind = "Writing", title = "Khát vọng", opensAt = DateTimeOffset.UtcNow,
            closesAt = DateTimeOffset.UtcNow.AddDays(1), target = 10, details = new { title = "ignored" },
        });

        await AssertProblem(response, HttpStatusCode.BadRequest, "details");
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Node.Http.GetAsync($"/api/contests/{id}")).StatusCode);
    }

    [Fact]
    public async Task Given_a_request_without_its_required_members_When_posted_Then_400_names_each_one_the_document_lists_as_required()
    {
        var scenario = await ContestScenario.OpenNowAsync(fixture.Node.Http);

        var problem = await AssertProblem(await fixture.Node.Http.PostJson(scenario.Entries, new { }), HttpStatusCode.BadRequest, "submissionId");

        Assert.Equal(["authorName", "committeeCode", "submissionId", "title", "words"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ToArray());
    }

    [Fact]
    public async Task Given_an_announcement_without_its_title_and_a_prize_tier_without_its_count_When_posted_Then_each_field_is_named_once()
    {
        var scenario = await ContestScenario.OpenNowAsync(fixture.Node.Http);

        var problem = await AssertProblem(await fixture.Node.Http.PostJson("/api/contests", new
        {
            contestId = $"NOTITLE-{Guid.NewGuid():N}"[..20].ToUpperInvariant(), organiserCode = scenario.Bloc, kind = "Writing",
            opensAt = DateTimeOffset.UtcNow, closesAt = DateTimeOffset.UtcNow.AddDays(1), target = 10,
            individualPrizes = new object[] { new { name = "Giải nhất", count = 1 }, new { name = "Giải nhì" } },
        }), HttpStatusCode.BadRequest, "title");

        var errors = problem.GetProperty("errors");
        Assert.Equal(["individualPrizes[1].count", "title"], errors.EnumerateObject().Select(e => e.Name).Order().ToArray());
        Assert.Equal(1, errors.GetProperty("title").GetArrayLength());
    }
}

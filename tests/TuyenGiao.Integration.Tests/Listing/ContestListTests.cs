using System.Net;
using TuyenGiao.Access;
using TuyenGiao.Api.Contests;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Listing;

/// <summary>GET /api/contests over HTTP with real PostgreSQL: filters, search without diacritics, paging, who sees what.</summary>
[Collection(NodeCollection.Name)]
public class ContestListTests(NodeFixture fixture)
{
    private HttpClient Admin => fixture.Node.Http;

    private static string Page(string query) => $"/api/contests?{query}";

    private async Task<ContestListResponse> List(string query, HttpClient? client = null) =>
        await Read<ContestListResponse>(await (client ?? Admin).GetAsync(Page(query)), HttpStatusCode.OK);

    private async Task Announce(string id, string organiser, string title, DateTimeOffset opensAt, DateTimeOffset closesAt, string kind = "Writing", int target = 100) =>
        await Read<ContestResponse>(await Admin.PostJson("/api/contests", new { contestId = id, organiserCode = organiser, kind, title, opensAt, closesAt, target }),
            HttpStatusCode.Created);

    [Fact]
    public async Task Given_contests_of_a_bloc_When_listed_by_its_province_and_searched_without_diacritics_Then_they_come_most_recent_first_with_entries_against_target()
    {
        var scenario = await ContestScenario.OpenNowAsync(Admin, target: 4);
        var later = $"L{scenario.ContestId}";
        await Announce(later, scenario.Bloc, "Tìm hiểu lịch sử Đảng bộ tỉnh", DateTimeOffset.UtcNow.AddDays(10), DateTimeOffset.UtcNow.AddDays(40), "Quiz");
        Assert.Equal(HttpStatusCode.Created, (await scenario.Submit(scenario.Entry("one"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await scenario.Submit(scenario.Entry("two"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"{scenario.Entries}/two/withdrawal", null)).StatusCode);

        // Amended before it opens: the list follows the new title.
        await Read<ContestResponse>(await Admin.PutJson($"/api/contests/{later}", new
        {
            title = "Tìm hiểu lịch sử Đảng bộ tỉnh Trà Vinh", opensAt = DateTimeOffset.UtcNow.AddDays(10), closesAt = DateTimeOffset.UtcNow.AddDays(40), target = 100,
        }), HttpStatusCode.OK);

        var all = await List($"committee={scenario.Province}");
        var amended = await List($"committee={scenario.Province}&q=lich%20su%20dang%20bo%20tinh%20tra%20vinh");
        var openNow = await List($"committee={scenario.Province}&status=Open");
        var searched = await List($"committee={scenario.Province}&q=KHAT%20vong%20tra%20VINH");
        var upcoming = await List($"committee={scenario.Province}&status=Upcoming");
        var quizzes = await List($"committee={scenario.Province}&kind=Quiz");
        var inWindow = await List($"committee={scenario.Province}&from={DateTime.UtcNow.AddDays(45):yyyy-MM-dd}");

        Assert.Equal([later, scenario.ContestId], all.Items.Select(i => i.ContestId));
        var open = Assert.Single(searched.Items);
        Assert.Equal((scenario.ContestId, ContestPhase.Open, 1L, 25m, 4), (open.ContestId, open.Status, open.Entries, open.ProgressPercent, open.Target));
        Assert.Equal(TimeSpan.FromHours(7), open.OpensAt.Offset);
        Assert.Equal(later, Assert.Single(amended.Items).ContestId);
        Assert.Equal((scenario.ContestId, ContestPhase.Open), (Assert.Single(openNow.Items).ContestId, openNow.Items[0].Status));
        Assert.Equal((later, ContestPhase.Upcoming), (Assert.Single(upcoming.Items).ContestId, upcoming.Items[0].Status));
        Assert.Equal(later, Assert.Single(quizzes.Items).ContestId);
        Assert.Empty(inWindow.Items);
        Assert.Null(all.Next);
    }

    [Fact]
    public async Task Given_250_contests_When_paged_through_with_the_cursor_Then_each_comes_once_and_none_is_missing_even_with_new_ones_announced_meanwhile()
    {
        var scenario = await ContestScenario.OpenNowAsync(Admin);
        var ids = Enumerable.Range(1, 250).Select(i => $"{scenario.ContestId}-{i:D3}").ToList();
        foreach (var chunk in ids.Chunk(10))
            await Task.WhenAll(chunk.Select(id => Announce(id, scenario.Bloc, $"Cuộc thi {id}", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(5))));

        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await List($"committee={scenario.Bloc}&limit=40" + (after is null ? "" : $"&after={after}"));
            seen.AddRange(page.Items.Select(i => i.ContestId));
            after = page.Next;
            if (pages++ == 1)
                await Announce($"{scenario.ContestId}-NEW", scenario.Bloc, "Cuộc thi mới", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(5));
        }
        while (after is not null && pages < 20);

        Assert.Equal(7, pages);
        Assert.Equal(251, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Empty(ids.Append(scenario.ContestId).Except(seen));
    }

    [Fact]
    public async Task Given_announced_contests_When_an_anonymous_caller_and_an_officer_list_them_Then_both_see_them_and_bad_filters_are_400_naming_the_field()
    {
        var scenario = await ContestScenario.OpenNowAsync(Admin);
        using var anonymous = fixture.Node.Anonymous();
        using var officer = fixture.Node.ClientAs("officer-list", Role.Officer, scenario.CellA);

        Assert.Equal(scenario.ContestId, Assert.Single((await List($"committee={scenario.Bloc}", anonymous)).Items).ContestId);
        Assert.Equal(scenario.ContestId, Assert.Single((await List($"committee={scenario.Bloc}", officer)).Items).ContestId);
        await AssertProblem(await anonymous.GetAsync(Page("limit=0")), HttpStatusCode.BadRequest, "limit");
        await AssertProblem(await anonymous.GetAsync(Page("limit=101")), HttpStatusCode.BadRequest, "limit");
        await AssertProblem(await anonymous.GetAsync(Page("after=bm90LWEtY3Vyc29y")), HttpStatusCode.BadRequest, "after");
        await AssertProblem(await anonymous.GetAsync(Page("from=2024-02-01&to=2024-01-01")), HttpStatusCode.BadRequest, "to");
        await AssertProblem(await anonymous.GetAsync(Page("status=Someday")), HttpStatusCode.BadRequest, "status");
        await AssertProblem(await anonymous.GetAsync(Page("committee=NO-SUCH-ONE")), HttpStatusCode.NotFound, "committee");
    }
}

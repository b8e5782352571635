using System.Net;
using TuyenGiao.Api.Committees;
using TuyenGiao.Api.Contests;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Contests;

/// <summary>The tally as recorded follows each entry's committee path as it was when that entry came in.</summary>
[Collection(NodeCollection.Name)]
public class TallyAfterMoveTests(NodeFixture fixture)
{
    [Fact]
    public async Task Given_a_cell_moved_to_another_bloc_When_it_submits_again_Then_the_new_entry_rolls_up_under_the_new_bloc_and_the_old_one_stays()
    {
        var http = fixture.Node.Http;
        var scenario = await ContestScenario.OpenNowAsync(http);
        var contestId = $"MV{scenario.ContestId}";
        var otherBloc = $"B2{scenario.Bloc}";
        await Read<ContestResponse>(await http.PostJson("/api/contests", new
        {
            contestId, organiserCode = scenario.Province, kind = "Writing", title = "Cuộc thi của tỉnh", description = "",
            opensAt = DateTimeOffset.UtcNow.AddMinutes(-1), closesAt = DateTimeOffset.UtcNow.AddDays(5), target = 10, perAuthorLimit = 1,
        }), HttpStatusCode.Created);
        var entries = $"/api/contests/{contestId}/entries";
        await Read<SubmissionReceiptResponse>(await http.PostJson(entries, scenario.Entry("before-move")), HttpStatusCode.Created);
        await Read<CommitteeResponse>(await http.PostJson("/api/committees",
            new { code = otherBloc, name = "Đảng ủy Khối doanh nghiệp", level = "Bloc", parentCode = scenario.Province, memberCount = 50 }), HttpStatusCode.Created);
        await Read<CommitteeResponse>(await http.PutJson($"/api/committees/{scenario.CellA}/parent", new { parentCode = otherBloc }), HttpStatusCode.OK);
        // The contest grain looks a committee's path up again after at most five seconds.
        await Task.Delay(TimeSpan.FromSeconds(5.5));

        await Read<SubmissionReceiptResponse>(await http.PostJson(entries, scenario.Entry("after-move")), HttpStatusCode.Created);

        var tally = await Read<ContestTally>(await http.GetAsync($"/api/contests/{contestId}/tally"), HttpStatusCode.OK);
        var byCode = tally.ByCommittee.ToDictionary(c => c.Code);
        Assert.Equal((0, 1), (byCode[scenario.Bloc].OwnAccepted, byCode[scenario.Bloc].Accepted));
        Assert.Equal((0, 1), (byCode[otherBloc].OwnAccepted, byCode[otherBloc].Accepted));
        Assert.Equal((2, 2, otherBloc), (byCode[scenario.CellA].OwnAccepted, byCode[scenario.CellA].Accepted, byCode[scenario.CellA].ParentCode));
        Assert.Equal(2, byCode[scenario.Province].Accepted);
    }
}

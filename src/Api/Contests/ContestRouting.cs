using TuyenGiao.Api.Http;
using TuyenGiao.Api.Security;
using TuyenGiao.Common;
using TuyenGiao.Contests;

namespace TuyenGiao.Api.Contests;

/// <summary>Resolves the contest named in a route: a malformed id is a 400, an unknown one a 404.</summary>
internal static class ContestRouting
{
    public static async Task<IResult> WithContest(string contestId, IGrainFactory grains, Func<IContestGrain, Task<IResult>> then)
    {
        var id = Normalize(contestId);
        return ContestDecisions.ValidateId(id) is { } bad ? Problems.From(bad) : await then(grains.GetGrain<IContestGrain>(id));
    }

    /// <summary>The rejection as a problem, or the tally as the command left it, as the caller may see it.</summary>
    public static async Task<IResult> AnswerWithTally(IContestGrain grain, CommandResult result, HttpContext http) =>
        result.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(await AsSeenBy(http, (await grain.GetTally())!));

    /// <summary>The whole tally for those who may see unpublished results; for everyone else, the public one.</summary>
    public static async Task<ContestTally> AsSeenBy(HttpContext http, ContestTally tally) =>
        tally.ResultsPublished || await http.MaySeeUnpublishedResults(tally.ContestId) ? tally : ContestTallies.WithoutUnpublishedAwards(tally);

    public static string Normalize(string contestId) => Identifiers.NormalizeAggregateId(contestId);

    public static IResult NoSuchContest(string contestId) =>
        Problems.NotFound("contestId", $"no contest with id '{Normalize(contestId)}' is announced");
}

using TuyenGiao.Access;
using TuyenGiao.Api.Http;
using TuyenGiao.Common;

namespace TuyenGiao.Api.Security;

/// <summary>
/// The endpoints' side of <see cref="AccessRules"/>: looks up what a rule needs (committee paths, a contest's
/// organiser) and answers a 403 ProblemDetails, or null when the caller may go on.
/// </summary>
public static class Permissions
{
    public static async Task<IResult?> RecordFor(this HttpContext http, string committeeCode, string field = "code") =>
        Answer(AccessRules.MayRecordFor(http.Caller(), field, await PathOf(http, committeeCode)));

    public static async Task<IResult?> ReadRecordsOf(this HttpContext http, string committeeCode, string field = "code") =>
        Answer(AccessRules.MayReadRecordsOf(http.Caller(), field, await PathOf(http, committeeCode)));

    public static async Task<IResult?> RegisterUnder(this HttpContext http, string? parentCode) =>
        Answer(AccessRules.MayRegisterUnder(http.Caller(), parentCode is null ? null : await PathOf(http, parentCode)));

    public static async Task<IResult?> Move(this HttpContext http, string code, string newParentCode, string targetField = "parentCode") =>
        Answer(AccessRules.MayMove(http.Caller(), await PathOf(http, code), await PathOf(http, newParentCode), targetField));

    public static IResult? Organise(this HttpContext http, string organiserCode) =>
        Answer(AccessRules.MayOrganise(http.Caller(), organiserCode));

    /// <summary>
    /// The contest's organisers. Fails closed: with no contest there is no organiser to allow, so the check itself answers
    /// the 404 (passing the command on would let it run unchecked against a contest announced a moment later).
    /// </summary>
    public static async Task<IResult?> OrganiseContest(this HttpContext http, string contestId) =>
        await OrganiserOf(http, contestId) is { } organiser ? Organise(http, organiser) : Contests.ContestRouting.NoSuchContest(contestId);

    public static async Task<IResult?> SubmitEntryFor(this HttpContext http, string contestId, string committeeCode)
    {
        if (await OrganiserOf(http, contestId) is not { } organiser)
            return Contests.ContestRouting.NoSuchContest(contestId);
        return Answer(AccessRules.MaySubmitFor(http.Caller(), organiser, await PathOf(http, committeeCode)));
    }

    public static IResult? JudgeAs(this HttpContext http, string judgeId, string contestId) =>
        Answer(AccessRules.MayJudgeAs(http.Caller(), judgeId, contestId));

    public static IResult? SeePanelsOf(this HttpContext http, string judgeId) =>
        Answer(AccessRules.MaySeePanelsOf(http.Caller(), judgeId));

    public static async Task<bool> MaySeeUnpublishedResults(this HttpContext http, string contestId) =>
        await OrganiserOf(http, contestId) is { } organiser && AccessRules.MaySeeUnpublishedResults(http.Caller(), organiser);

    private static Task<IReadOnlyList<string>> PathOf(HttpContext http, string code) =>
        http.RequestServices.GetRequiredService<CommitteePaths>().OfAsync(code, http.RequestAborted);

    private static Task<string?> OrganiserOf(HttpContext http, string contestId) =>
        http.RequestServices.GetRequiredService<ContestOrganisers>().OfAsync(contestId);

    private static IResult? Answer(Rejection? refusal) => refusal is null ? null : Problems.From(refusal);
}

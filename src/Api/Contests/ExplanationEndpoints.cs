using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Caching.Memory;
using TuyenGiao.Api.Http;
using TuyenGiao.Api.Reports;
using TuyenGiao.Api.Security;
using TuyenGiao.Auditing;
using TuyenGiao.Common;
using TuyenGiao.Contests;
using static TuyenGiao.Api.Contests.ContestRouting;

namespace TuyenGiao.Api.Contests;

/// <summary>"Why this place": an entry's explanation, computed from the contest's events as of any version.</summary>
public static class ExplanationEndpoints
{
    /// <summary>A past version's history never changes; it is kept a while for the next entry asked about.</summary>
    private static readonly TimeSpan HistoryKeptFor = TimeSpan.FromMinutes(5);

    public static void MapExplanationEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/contests/{contestId}/entries/{entryNumber}/explanation", Explain).WithTags("Judging")
            .WithName("ExplainEntry")
            .WithSummary("Why the entry stands where it does, line by line, each line citing the event (stream and version) it rests on: each " +
                "judge's score per round (and sheet), the round's normalisation and its parameters, scores set aside by conflicts or trimmed, the " +
                "aggregate and place, the neighbours and the rule that decided, the awards and their corrections. As of a version or a moment " +
                "(default: now); the same version always gives the same explanation. Judges are named to the organisers and auditors, numbered to " +
                "everyone else; public once the results are published as of that version. format: json (default) or csv.")
            .AllowAnonymous()
            .Produces<EntryExplanation>(StatusCodes.Status200OK, "application/json", "text/csv")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>
    /// The history of a version, read once per node however many ask at the same time (they wait for the one read), and
    /// kept a while; a read that failed is not kept. A caller that gives up stops waiting, not the read.
    /// </summary>
    private static async Task<IReadOnlyList<StampedEvent>> HistoryAsync(IMemoryCache cache, JudgingHistory history, string contestId, long version,
        CancellationToken ct)
    {
        var key = (nameof(JudgingHistory), contestId, version);
        var read = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = HistoryKeptFor;
            return new Lazy<Task<IReadOnlyList<StampedEvent>>>(() => history.ReadAsync(contestId, version, CancellationToken.None));
        })!;
        try
        {
            return await read.Value.WaitAsync(ct);
        }
        catch when (read.Value.IsFaulted)
        {
            cache.Remove(key);
            throw;
        }
    }

    private static Task<IResult> Explain(string contestId, int entryNumber, long? version, DateTimeOffset? asOf, [AllowedValues("json", "csv")] string? format,
        IGrainFactory grains, ContestEntries entries, JudgingHistory history, TimeTravel time, IMemoryCache cache, HttpContext http, CancellationToken ct) =>
        WithContest(contestId, grains, async grain =>
        {
            var errors = new FieldErrors();
            if (version < 1)
                errors.Add("version", "must be 1 or more");
            var kind = (format ?? "json").Trim().ToLowerInvariant();
            if (kind is not ("json" or "csv"))
                errors.Add("format", "must be json or csv");
            if (errors.Any)
                return Problems.Invalid(errors.ToDictionary());
            var id = grain.GetPrimaryKeyString();
            if (await grain.Get() is null)
                return NoSuchContest(contestId);
            if (entryNumber < 1 || await entries.FindByNumberAsync(id, entryNumber, ct) is null)
                return Problems.NotFound("entryNumber", $"no entry number {entryNumber}");
            var target = await time.VersionAsOfAsync(Contest.StreamIdFor(id), version, asOf, ct);
            var explanation = RankingExplanation.Explain(id, entryNumber, target, await HistoryAsync(cache, history, id, target, ct));
            var named = await http.MaySeeUnpublishedResults(id);
            if (explanation.Published is null && !named)
                return Problems.From(Rejection.Forbidden("contestId", "the explanation is public once the results are published; until then the organisers'"));
            if (!named)
                explanation = explanation.ForPublic();
            return kind == "csv"
                ? TypedResults.File(PeriodReportCsv.Write(ExplanationTables.From(explanation)), "text/csv; charset=utf-8",
                    $"{id}-entry-{entryNumber}-v{target}.csv")
                : TypedResults.Ok(explanation);
        });
}

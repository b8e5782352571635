using TuyenGiao.Access;
using TuyenGiao.Api.Http;
using TuyenGiao.Api.PersonalData;
using TuyenGiao.Api.Security;
using TuyenGiao.Common;
using TuyenGiao.Contests;
using static TuyenGiao.Api.Contests.ContestRouting;

namespace TuyenGiao.Api.Contests;

/// <summary>The judging panel, scores, the ranking, awards and their publication.</summary>
public static class JudgingEndpoints
{
    public static void MapJudgingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/judges/{judgeId}/panels", Panels).WithTags("Judging")
            .WithName("GetJudgePanels")
            .WithSummary("The contests whose judging panel the judge sits on, most recently announced first, with their status and window: " +
                "the judge's own list (whatever contests their grants name), and admins' and auditors'.")
            .RequireAuthorization(Policies.PanelReaders)
            .Produces<IReadOnlyList<JudgePanelResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);

        var group = app.MapGroup("/api/contests/{contestId}").WithTags("Judging");

        group.MapPost("/judges", AssignJudge)
            .WithName("AssignJudge").WithSummary("Put a judge on the panel (the organiser).")
            .RequireAuthorization(Policies.Organisers)
            .Produces<ContestTally>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/judges", Judges)
            .WithName("ListJudges").WithSummary("The judging panel (the organiser).")
            .RequireAuthorization(Policies.Organisers)
            .Produces<IReadOnlyList<JudgeResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/prize-holders", PrizeHolders)
            .WithName("GetPrizeHolders").WithSummary("Who holds each prize, tier by tier: the entry's number, title and author, or the committee of a " +
                "collective prize. Public once the results are published; before, the organisers' and auditors'.")
            .AllowAnonymous()
            .Produces<IReadOnlyList<PrizeHolderResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/judges/{judgeId}/entries", EntriesForJudge)
            .WithName("GetEntriesForJudge")
            .WithSummary("The entries a judge may score, without the author's identity, a page at a time (after an entry number), each with " +
                "the judge's own score in the round (default 1).")
            .RequireAuthorization(Policies.Judges)
            .Produces<IReadOnlyList<AnonymousEntryResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/judges/{judgeId}/progress", JudgeProgress)
            .WithName("GetJudgeProgress")
            .WithSummary("How many of the entries a judge may score they have scored in the round (default 1), and how many there are.")
            .RequireAuthorization(Policies.Judges)
            .Produces<JudgeProgressResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/entries/{entryNumber}/scores", Score)
            .WithName("ScoreEntry").WithSummary("A judge's score, 0 to 100, for an entry in a round, or the points of each criterion when the " +
                "contest has a scoring sheet (the score is their sum); scoring again supersedes.")
            .RequireAuthorization(Policies.Judges)
            .Produces<ContestTally>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/judges/{judgeId}/conflicts", DeclareConflict)
            .WithName("DeclareConflict")
            .WithSummary("A conflict of interest between a judge and an entry (a relative, a colleague, a mentor), with the reason: declared by the " +
                "judge, or recorded by the organiser. The judge no longer sees nor scores the entry; a score they gave it before is set aside.")
            .RequireAuthorization(Policies.SignedIn)
            .Produces<ContestTally>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/judges/{judgeId}/conflicts/lifting", LiftConflict)
            .WithName("LiftConflict")
            .WithSummary("The organiser lifts a conflict of interest recorded in error, with the reason: the judge sees and may score the entry " +
                "again, and a score they gave it before counts again. Until the results are published.")
            .RequireAuthorization(Policies.Organisers)
            .Produces<ContestTally>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/rounds/{round}/normalisation", ChooseNormalisation)
            .WithName("ChooseNormalisation")
            .WithSummary("How the round's scores are made comparable across judges before they are averaged: Raw, ZScore (each judge's scores " +
                "standardised, mapped back by the panel's mean and spread) or Rank (each judge's best 100, worst 0). Until the results are published.")
            .RequireAuthorization(Policies.Organisers)
            .Produces<ContestTally>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/ranking", Ranking)
            .WithName("GetContestRanking").WithSummary("Scored entries ranked: latest round, then the (trimmed) mean of the round's normalised scores, " +
                "ties to the earlier entry; each says its normalisation and how many scores were set aside by conflicts. Public once the results are " +
                "published; before, the organisers' and auditors'.")
            .AllowAnonymous()
            .Produces<IReadOnlyList<RankedEntry>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/awards/from-ranking", GrantFromRanking)
            .WithName("GrantAwardsFromRanking").WithSummary("Fill the individual tiers from the top of the ranking.")
            .RequireAuthorization(Policies.Organisers)
            .Produces<ContestTally>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/awards", GrantAward)
            .WithName("GrantAward").WithSummary("Grant a tier directly, with the reason: to an entry, or a collective tier to a committee.")
            .RequireAuthorization(Policies.Organisers)
            .Produces<ContestTally>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/results", Publish)
            .WithName("PublishResults").WithSummary("Publish the results, after the close: the awards are frozen.")
            .RequireAuthorization(Policies.Organisers)
            .Produces<ContestTally>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/awards/corrections", Correct)
            .WithName("CorrectAward").WithSummary("After publication: move one award to another entry or committee, with the reason.")
            .RequireAuthorization(Policies.Organisers)
            .Produces<ContestTally>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    private static Task<IResult> AssignJudge(string contestId, AssignJudgeRequest r, IGrainFactory grains, HttpContext http) =>
        Command(contestId, grains, http, Organiser, new FieldErrors().RequiredOf(r),
            grain => grain.AssignJudge(new AssignJudge(r.JudgeId!, r.Name!, r.CommitteeCode!), http.CommandContext()));

    private static Task<IResult> Score(string contestId, int entryNumber, ScoreEntryRequest r, IGrainFactory grains, HttpContext http) =>
        Command(contestId, grains, http, (h, id) => Task.FromResult(h.JudgeAs(r.JudgeId!, id)), new FieldErrors().RequiredOf(r).RequiredOfEach(r.Sheet, "sheet"),
            grain => grain.Score(new ScoreEntry(entryNumber, r.JudgeId!, r.Round ?? 1, r.Score,
                r.Sheet?.Select(c => new CriterionScore(c.Name!, c.Points!.Value)).ToList()), http.CommandContext()));

    /// <summary>
    /// The judge themselves declares it, or else the organiser records it on their behalf: the event says which. A judge
    /// who is not the organiser and names another judge hears why as a judge (another's conflict is not theirs to declare).
    /// </summary>
    private static Task<IResult> DeclareConflict(string contestId, string judgeId, DeclareConflictRequest r, IGrainFactory grains, HttpContext http)
    {
        var judging = http.Caller().Is(Role.Judge);
        var asJudge = judging && http.JudgeAs(judgeId, Normalize(contestId)) is null;
        return Command(contestId, grains, http,
            asJudge ? (_, _) => Task.FromResult<IResult?>(null) : async (h, id) => await h.OrganiseContest(id) is { } denied ? (judging ? h.JudgeAs(judgeId, id) : null) ?? denied : null,
            new FieldErrors().RequiredOf(r).Check(JudgingDecisions.ValidateJudgeId(judgeId)),
            grain => grain.DeclareConflict(new DeclareConflict(judgeId, r.EntryNumber!.Value, r.Reason!, ByOrganiser: !asJudge), http.CommandContext()));
    }

    private static Task<IResult> LiftConflict(string contestId, string judgeId, DeclareConflictRequest r, IGrainFactory grains, HttpContext http) =>
        Command(contestId, grains, http, Organiser, new FieldErrors().RequiredOf(r).Check(JudgingDecisions.ValidateJudgeId(judgeId)),
            grain => grain.LiftConflict(new LiftConflict(judgeId, r.EntryNumber!.Value, r.Reason!), http.CommandContext()));

    private static Task<IResult> ChooseNormalisation(string contestId, int round, ChooseNormalisationRequest r, IGrainFactory grains, HttpContext http) =>
        Command(contestId, grains, http, Organiser, new FieldErrors().RequiredOf(r),
            grain => grain.ChooseNormalisation(new ChooseNormalisation(round, r.Method!.Value), http.CommandContext()));

    private static Task<IResult> GrantFromRanking(string contestId, IGrainFactory grains, HttpContext http) =>
        Command(contestId, grains, http, Organiser, new FieldErrors(), grain => grain.GrantFromRanking(http.CommandContext()));

    private static Task<IResult> GrantAward(string contestId, GrantAwardRequest r, IGrainFactory grains, HttpContext http) =>
        Command(contestId, grains, http, Organiser, new FieldErrors().RequiredOf(r),
            grain => grain.GrantAward(new GrantAward(r.Tier!, r.Collective ?? false, r.EntryNumber, r.CommitteeCode, r.Reason!), http.CommandContext()));

    private static Task<IResult> Publish(string contestId, IGrainFactory grains, HttpContext http) =>
        Command(contestId, grains, http, Organiser, new FieldErrors(), grain => grain.PublishResults(http.CommandContext()));

    private static Task<IResult> Correct(string contestId, CorrectAwardRequest r, IGrainFactory grains, HttpContext http) =>
        Command(contestId, grains, http, Organiser, new FieldErrors().RequiredOf(r),
            grain => grain.CorrectAward(new CorrectAward(r.Tier!, r.Collective ?? false, r.FromEntryNumber, r.FromCommitteeCode,
                r.ToEntryNumber, r.ToCommitteeCode, r.Reason!), http.CommandContext()));

    private static Task<IResult> Judges(string contestId, IGrainFactory grains, HttpContext http) =>
        WithContest(contestId, grains, async grain =>
        {
            // Organiser() answers 404 for a contest that is not announced, 403 for anyone who does not run it.
            if (await Organiser(http, grain.GetPrimaryKeyString()) is { } denied)
                return denied;
            return TypedResults.Ok((await grain.GetJudges()).Select(j => new JudgeResponse(j.JudgeId, j.Name, j.CommitteeCode)).ToList());
        });

    private static Task<IResult> PrizeHolders(string contestId, IGrainFactory grains, ContestEntries entries, PersonalDataReads personal, HttpContext http,
        CancellationToken ct) =>
        WithContest(contestId, grains, async grain =>
        {
            if (await grain.GetTally() is not { } tally)
                return NoSuchContest(contestId);
            if (await UnpublishedResultsDenied(http, tally, "the prize holders are") is { } denied)
                return denied;
            var numbers = tally.Awards.SelectMany(t => t.Holders).Where(h => h.EntryNumber is not null).Select(h => h.EntryNumber!.Value).Distinct().ToList();
            var found = (await entries.FindAsync(Normalize(contestId), numbers, ct)).ToDictionary(e => e.EntryNumber);
            var names = await personal.RevealAsync(found.Values.Select(e => e.AuthorName), ct);
            var holders = tally.Awards.SelectMany(t => t.Holders.Select(h =>
                h.EntryNumber is { } n && found.TryGetValue(n, out var entry)
                    ? new PrizeHolderResponse(t.Tier, t.Collective, n, entry.Title, names.Text(entry.AuthorName), h.CommitteeCode)
                    : new PrizeHolderResponse(t.Tier, t.Collective, h.EntryNumber, null, null, h.CommitteeCode))).ToList();
            await personal.RecordAsync(http, names, $"prize holders of contest {Normalize(contestId)}", ct);
            return TypedResults.Ok(holders);
        });

    private static Task<IResult> Ranking(string contestId, IGrainFactory grains, HttpContext http) =>
        WithContest(contestId, grains, async grain =>
        {
            if (await grain.GetTally() is not { } tally)
                return NoSuchContest(contestId);
            if (await UnpublishedResultsDenied(http, tally, "the ranking is") is { } denied)
                return denied;
            return TypedResults.Ok(await grain.GetRanking());
        });

    private static Task<IResult> EntriesForJudge(string contestId, string judgeId, int? round, int? after, int? limit, IGrainFactory grains,
        ContestEntries entries, HttpContext http, CancellationToken ct) =>
        JudgeQueue(contestId, judgeId, round, Math.Clamp(limit ?? 50, 1, 200), after, grains, http, async queue =>
        {
            var scores = queue.Entries.ToDictionary(e => e.EntryNumber, e => e.Score);
            var texts = await entries.FindAsync(Normalize(contestId), [.. scores.Keys], ct);
            return TypedResults.Ok(texts.Select(e => new AnonymousEntryResponse(e.EntryNumber, e.Title, e.Words, e.QuestionsAnswered, e.QuestionsCorrect,
                scores[e.EntryNumber])).ToList());
        });

    private static Task<IResult> JudgeProgress(string contestId, string judgeId, int? round, IGrainFactory grains, HttpContext http) =>
        JudgeQueue(contestId, judgeId, round, 0, null, grains, http, queue =>
            Task.FromResult<IResult>(TypedResults.Ok(new JudgeProgressResponse(judgeId, round ?? 1, queue.Scored, queue.Total))));

    private static async Task<IResult> Panels(string judgeId, JudgePanels panels, HttpContext http, CancellationToken ct)
    {
        if (JudgingDecisions.ValidateJudgeId(judgeId) is { } badId)
            return Problems.From(badId);
        if (http.SeePanelsOf(judgeId) is { } denied)
            return denied;
        return TypedResults.Ok((await panels.OfAsync(judgeId, ct)).Select(JudgePanelResponse.From).ToList());
    }

    /// <summary>The round's shape, then whether the caller may act as this judge, then the judge's queue from the grain.</summary>
    private static Task<IResult> JudgeQueue(string contestId, string judgeId, int? round, int limit, int? after, IGrainFactory grains, HttpContext http,
        Func<JudgeQueuePage, Task<IResult>> answer) =>
        WithContest(contestId, grains, async grain =>
        {
            if (round is < 1 or > JudgingDecisions.MaxRound)
                return Problems.Invalid(new Dictionary<string, string[]> { ["round"] = [$"must be between 1 and {JudgingDecisions.MaxRound}"] });
            if (http.JudgeAs(judgeId, grain.GetPrimaryKeyString()) is { } denied)
                return denied;
            return await grain.JudgeQueue(judgeId, round ?? 1, after ?? 0, limit) is { } queue
                ? await answer(queue)
                : Problems.NotFound("judgeId", $"'{judgeId}' is not on the judging panel of this contest");
        });

    /// <summary>The results (ranking, prize holders) are anyone's once published; until then the organisers', admins' and auditors'.</summary>
    private static async Task<IResult?> UnpublishedResultsDenied(HttpContext http, ContestTally tally, string what) =>
        tally.ResultsPublished || await http.MaySeeUnpublishedResults(tally.ContestId)
            ? null
            : Problems.From(Rejection.Forbidden("contestId", $"{what} public once the results are published; until then the organisers'"));

    /// <summary>Shape errors first, then whether the caller may, then the grain.</summary>
    private static Task<IResult> Command(string contestId, IGrainFactory grains, HttpContext http, Func<HttpContext, string, Task<IResult?>> permit,
        FieldErrors errors, Func<IContestGrain, Task<CommandResult>> send) =>
        WithContest(contestId, grains, async grain =>
        {
            if (errors.Any)
                return Problems.Invalid(errors.ToDictionary());
            if (await permit(http, grain.GetPrimaryKeyString()) is { } denied)
                return denied;
            return await AnswerWithTally(grain, await send(grain), http);
        });

    private static Task<IResult?> Organiser(HttpContext http, string contestId) => http.OrganiseContest(contestId);
}

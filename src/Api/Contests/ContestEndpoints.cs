using TuyenGiao.Api.Contests.Live;
using System.Net.ServerSentEvents;
using TuyenGiao.Api.Http;
using TuyenGiao.Api.Security;
using TuyenGiao.Auditing;
using TuyenGiao.Committees;
using TuyenGiao.Common;
using TuyenGiao.Contests;
using TuyenGiao.Committees.Organisation;
using static TuyenGiao.Api.Contests.ContestRouting;

namespace TuyenGiao.Api.Contests;

/// <summary>Contests: announcing, entries, and the live tally. Endpoints check the shape; the grain decides the rest.</summary>
public static class ContestEndpoints
{
    public static void MapContestEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/contests").WithTags("Contests");

        group.MapPost("/", Announce)
            .WithName("AnnounceContest").WithSummary("Announce a writing, quiz or storytelling contest.")
            .RequireAuthorization(Policies.Organisers)
            .Produces<ContestResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/", List)
            .WithName("ListContests")
            .WithSummary("Contests, most recently announced first, with their active entries against the target. Filters: committee (the organiser, " +
                         "with its subtree), status, kind, a period its window overlaps (from, to: yyyy-MM-dd), q (words of the title, with or without " +
                         $"diacritics). Page with after = the answer's next; limit 1 to {ListingParameters.MaxLimit} (default {ListingParameters.DefaultLimit}). " +
                         "Public: an announced contest's details are anyone's, so that people can find one to enter.")
            .AllowAnonymous()
            .Produces<ContestListResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{contestId}", Get)
            .WithName("GetContest").WithSummary("A contest's details; times in Vietnam time (+07:00).")
            .AllowAnonymous()
            .Produces<ContestResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{contestId}", Amend)
            .WithName("AmendContest").WithSummary("Replace a contest's details, before it opens.")
            .RequireAuthorization(Policies.Organisers)
            .Produces<ContestResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{contestId}/cancellation", Cancel)
            .WithName("CancelContest").WithSummary("Cancel a contest, with the reason.")
            .RequireAuthorization(Policies.Organisers)
            .Produces<ContestResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{contestId}/entries", Submit)
            .WithName("SubmitEntry")
            .RequireAuthorization(Policies.EntrySubmitters).RequireSubmissionRateLimit()
            .WithSummary("Submit an entry. The same submissionId again returns the first receipt and records nothing; with another body it is a 409.")
            .Produces<SubmissionReceiptResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{contestId}/entries/{submissionId}/withdrawal", Withdraw)
            .WithName("WithdrawEntry").WithSummary("The submitter withdraws an entry, before the close. The entry's events stay.")
            .RequireAuthorization(Policies.EntrySubmitters)
            .Produces<ContestTally>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{contestId}/entries/{entryNumber}/disqualification", Disqualify)
            .WithName("DisqualifyEntry").WithSummary("The organiser disqualifies an entry, with the reason.")
            .RequireAuthorization(Policies.Organisers)
            .Produces<ContestTally>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{contestId}/tally", Tally)
            .WithName("GetContestTally")
            .AllowAnonymous()
            .WithSummary("Entries accepted, withdrawn and disqualified; progress against the target; per committee rolled up; per day (UTC+7). " +
                         "With asOf (a moment, any offset) or version: the tally as the events stood then. With organisedAsOf (yyyy-MM-dd): committees " +
                         "rolled up as organised on that day, merged and dissolved ones under their successors; without it, as organised when each entry came in.")
            .Produces<ContestTally>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{contestId}/tally/live", LiveTally)
            .WithName("FollowContestTally")
            .WithSummary("Server-sent events: the tally now, then after every change (at most about ten a second).")
            .AllowAnonymous()
            .Produces<ContestTally>(StatusCodes.Status200OK, "text/event-stream").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Announce(AnnounceContestRequest request, IGrainFactory grains, HttpContext http)
    {
        var errors = new FieldErrors().RequiredOf(request);
        var details = ReadDetails(request.ToDetails(), errors);
        if (request.ContestId is not null)
            errors.Check(ContestDecisions.ValidateId(Identifiers.NormalizeAggregateId(request.ContestId)));
        if (errors.Any)
            return Problems.Invalid(errors.ToDictionary());
        if (http.Organise(CommitteeCode.Normalize(request.OrganiserCode!)) is { } denied)
            return denied;

        var id = Identifiers.NormalizeAggregateId(request.ContestId!);
        var grain = grains.GetGrain<IContestGrain>(id);
        var result = await grain.Announce(new AnnounceContest(request.OrganiserCode!, request.Kind!.Value, details!), http.CommandContext());
        if (result.Rejection is { } rejection)
            return Problems.From(rejection);
        return TypedResults.Created($"/api/contests/{id}", ContestResponse.From((await grain.Get())!));
    }

    private static async Task<IResult> List(string? committee, ContestPhase? status, ContestKind? kind, DateOnly? from, DateOnly? to, string? q,
        string? after, int? limit, ContestListings listings, CommitteeDirectory directory, CancellationToken ct)
    {
        var (request, refusal) = await ListingParameters.ReadAsync(committee, from, to, after, limit, directory, ct);
        if (request is null)
            return refusal!;
        var page = await listings.PageAsync(new ContestListQuery(request.Committees, status, kind, from, to, q, request.After, request.Limit), ct);
        return TypedResults.Ok(new ContestListResponse(page.Items.Select(ContestListItemResponse.From).ToList(), page.Next));
    }

    private static Task<IResult> Get(string contestId, IGrainFactory grains) =>
        WithContest(contestId, grains, async grain =>
            await grain.Get() is { } view ? TypedResults.Ok(ContestResponse.From(view)) : NoSuchContest(contestId));

    private static Task<IResult> Amend(string contestId, ContestDetailsRequest request, IGrainFactory grains, HttpContext http) =>
        WithContest(contestId, grains, async grain =>
        {
            var errors = new FieldErrors().RequiredOf(request);
            var details = ReadDetails(request, errors);
            if (errors.Any)
                return Problems.Invalid(errors.ToDictionary());
            if (await http.OrganiseContest(grain.GetPrimaryKeyString()) is { } denied)
                return denied;
            var result = await grain.Amend(new AmendContest(details!), http.CommandContext());
            return result.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(ContestResponse.From((await grain.Get())!));
        });

    private static Task<IResult> Cancel(string contestId, CancelContestRequest request, IGrainFactory grains, HttpContext http) =>
        WithContest(contestId, grains, async grain =>
        {
            if (await http.OrganiseContest(grain.GetPrimaryKeyString()) is { } denied)
                return denied;
            var result = await grain.Cancel(new CancelContest(request.Reason ?? ""), http.CommandContext());
            return result.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(ContestResponse.From((await grain.Get())!));
        });

    private static Task<IResult> Submit(string contestId, SubmitEntryRequest request, IGrainFactory grains, HttpContext http) =>
        WithContest(contestId, grains, async grain =>
        {
            var errors = new FieldErrors().RequiredOf(request);
            if (errors.Any)
                return Problems.Invalid(errors.ToDictionary());
            if (await http.SubmitEntryFor(grain.GetPrimaryKeyString(), request.CommitteeCode!) is { } denied)
                return denied;
            var outcome = await grain.Submit(new SubmitEntry(request.SubmissionId!, request.AuthorName!, request.CommitteeCode!, request.Title!,
                request.Words!.Value, request.QuestionsAnswered, request.QuestionsCorrect), http.CommandContext());
            if (outcome.Rejection is { } rejection)
                return Problems.From(rejection);
            var receipt = outcome.Receipt!;
            var id = Normalize(contestId);
            return TypedResults.Created($"/api/contests/{id}/entries/{Uri.EscapeDataString(receipt.SubmissionId)}",
                new SubmissionReceiptResponse(id, receipt.SubmissionId, receipt.EntryNumber, VietnamTime.Of(receipt.SubmittedAt)));
        });

    /// <summary>Whoever may record an entry for its committee may withdraw it.</summary>
    private static Task<IResult> Withdraw(string contestId, string submissionId, IGrainFactory grains, ContestEntries entries, HttpContext http) =>
        WithContest(contestId, grains, async grain =>
        {
            var id = grain.GetPrimaryKeyString();
            // Fails closed: an entry the lookup cannot find has no committee to check the caller against.
            if (await entries.FindBySubmissionAsync(id, submissionId.Trim(), http.RequestAborted) is not { } entry)
                return Problems.NotFound("submissionId", $"no entry with submission id '{submissionId.Trim()}'");
            if (await http.SubmitEntryFor(id, entry.CommitteeCode) is { } denied)
                return denied;
            return await AnswerWithTally(grain, await grain.Withdraw(new WithdrawEntry(submissionId), http.CommandContext()), http);
        });

    private static Task<IResult> Disqualify(string contestId, int entryNumber, DisqualifyEntryRequest request, IGrainFactory grains, HttpContext http) =>
        WithContest(contestId, grains, async grain =>
            await http.OrganiseContest(grain.GetPrimaryKeyString()) ?? await AnswerWithTally(grain, await grain.Disqualify(new DisqualifyEntry(entryNumber, request.Reason ?? ""), http.CommandContext()), http));

    /// <summary>The live tally, or with asOf or version the tally as the events stood then, folded from them.</summary>
    private static Task<IResult> Tally(string contestId, DateTimeOffset? asOf, long? version, DateOnly? organisedAsOf, IGrainFactory grains,
        PastTallies past, HttpContext http, CancellationToken ct) =>
        WithContest(contestId, grains, async grain =>
        {
            if (asOf is null && version is null)
            {
                var current = organisedAsOf is { } day ? await grain.GetTallyAsOrganisedOn(day) : await grain.GetTally();
                return current is { } tally ? TypedResults.Ok(await AsSeenBy(http, tally)) : NoSuchContest(contestId);
            }
            if (asOf is not null && version is not null || version < 1)
                return Problems.Invalid(new Dictionary<string, string[]> { ["version"] = ["give either asOf or a version of 1 or more"] });
            return await past.AtAsync(Normalize(contestId), version, asOf, organisedAsOf, ct) is { } then
                ? TypedResults.Ok(await AsSeenBy(http, then))
                : NoSuchContest(contestId);
        });

    private static Task<IResult> LiveTally(string contestId, IGrainFactory grains, ContestLiveFeeds feeds, HttpContext http) =>
        WithContest(contestId, grains, async grain =>
        {
            if (await grain.GetTally() is null)
                return NoSuchContest(contestId);
            // Every connection, a reconnection with Last-Event-ID included, gets the current tally at once: a tally
            // is the whole state, not a change, so nothing is missed, and the client is not left on a silent stream.
            var feed = feeds.Follow(Normalize(contestId), http.RequestAborted);
            return await http.MaySeeUnpublishedResults(grain.GetPrimaryKeyString())
                ? TypedResults.ServerSentEvents(feed)
                : TypedResults.ServerSentEvents(feed.Select(item => new SseItem<ContestTally>(ContestTallies.WithoutUnpublishedAwards(item.Data), item.EventType)
                    { EventId = item.EventId, ReconnectionInterval = item.ReconnectionInterval }));
        });

    /// <summary>The details, once the request's own required members are checked (an announcement carries them flat).</summary>
    private static ContestDetails? ReadDetails(ContestDetailsRequest r, FieldErrors errors)
    {
        errors.RequiredOfEach(r.IndividualPrizes, "individualPrizes").RequiredOfEach(r.CollectivePrizes, "collectivePrizes")
            .RequiredOfEach(r.Judging?.Criteria, "judging.criteria");
        if ((r.EligibleCommittees ?? []).Any(c => c is null))
            errors.Add("eligibleCommittees", "must not contain null");
        if (errors.Any)
            return null;
        return new ContestDetails(r.Title!, r.Description ?? "", r.OpensAt!.Value, r.ClosesAt!.Value, r.Target!.Value,
            r.EligibleCommittees ?? [], r.PerAuthorLimit ?? 1,
            (r.IndividualPrizes ?? []).Select(p => new PrizeTier(p.Name!, p.Count!.Value)).ToList(),
            (r.CollectivePrizes ?? []).Select(p => new PrizeTier(p.Name!, p.Count!.Value)).ToList(),
            r.Judging is not { } judging ? null : new JudgingRules(judging.Normalisation ?? ScoreNormalisationMethod.Raw, judging.ConflictsCoverSubtree ?? false,
                (judging.Criteria ?? []).Select(c => new ScoringCriterion(c.Name!, c.Points!.Value)).ToList()),
            r.PersonalDataRetentionMonths);
    }
}

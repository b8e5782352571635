using TuyenGiao.Api.Http;
using TuyenGiao.Api.Security;
using TuyenGiao.Committees;
using TuyenGiao.Committees.Organisation;
using TuyenGiao.Common;

namespace TuyenGiao.Api.Committees;

/// <summary>
/// Dated reorganisations: re-parent, rename, dissolve, merge, each from an effective day (ahead of it or not) with its
/// legal reference; and a committee's history. Shape checks here; the rules in <see cref="ReorganisationDecisions"/>.
/// </summary>
public static class ReorganisationEndpoints
{
    public static void MapReorganisationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/committees").WithTags("Reorganisation");

        Change(group.MapPost("/{code}/reorganisations/reparenting", Reparent), "ReparentCommittee",
            "From effectiveOn, the committee (with everything below it) sits under parentCode.");
        Change(group.MapPost("/{code}/reorganisations/renaming", RenameOn), "RenameCommitteeOn", "From effectiveOn, the committee bears a new name.");
        Change(group.MapPost("/{code}/reorganisations/dissolution", Dissolve), "DissolveCommittee",
            "From effectiveOn, the committee no longer exists: successorCode takes over its children and, in today's view, its records.");

        group.MapPost("/mergers", Merge)
            .WithName("MergeCommittees")
            .WithSummary("From effectiveOn, each of committeeCodes is part of successorCode (an existing committee, or one registered with that " +
                         "establishedOn). All are checked before any is written; sending the same merger again completes one that was interrupted.")
            .RequireAuthorization(Policies.Officers)
            .Produces<MergeCommitteesResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{code}/history", History)
            .WithName("GetCommitteeHistory")
            .WithSummary("The committee through time: its parents and names with the day each took effect, and when and into whom it ceased.")
            .RequireAuthorization(Policies.SignedIn)
            .Produces<CommitteeHistoryResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static void Change(RouteHandlerBuilder route, string name, string summary) =>
        route.WithName(name).WithSummary(summary)
            .RequireAuthorization(Policies.Officers)
            .Produces<CommitteeHistoryResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<IResult> Reparent(string code, ReparentCommitteeRequest r, IGrainFactory grains, OrganisationHistory history, HttpContext http) =>
        Send(code, new FieldErrors().RequiredOf(r).Check(CodeOrNull("parentCode", r.ParentCode)),
            () => http.Move(code, r.ParentCode!), grains, history,
            (grain, context) => grain.Reparent(new ReparentCommittee(r.ParentCode!, r.EffectiveOn!.Value, r.LegalReference!), context), http);

    private static Task<IResult> RenameOn(string code, RenameCommitteeOnRequest r, IGrainFactory grains, OrganisationHistory history, HttpContext http) =>
        Send(code, new FieldErrors().RequiredOf(r), () => http.RecordFor(code), grains, history,
            (grain, context) => grain.RenameOn(new RenameCommitteeOn(r.Name!, r.EffectiveOn!.Value, r.LegalReference!), context), http);

    private static Task<IResult> Dissolve(string code, DissolveCommitteeRequest r, IGrainFactory grains, OrganisationHistory history, HttpContext http) =>
        Send(code, new FieldErrors().RequiredOf(r).Check(CodeOrNull("successorCode", r.SuccessorCode)),
            () => http.Move(code, r.SuccessorCode!, "successorCode"), grains, history,
            (grain, context) => grain.Dissolve(new DissolveCommittee(r.SuccessorCode!, r.EffectiveOn!.Value, r.LegalReference!), context), http);

    private static async Task<IResult> Merge(MergeCommitteesRequest r, Mergers mergers, HttpContext http)
    {
        var errors = new FieldErrors().RequiredOf(r).Check(CodeOrNull("successorCode", r.SuccessorCode));
        if (r.CommitteeCodes is not { Count: > 0 } codes)
            errors.Add("committeeCodes", "name at least one committee to merge");
        else if (codes.Count > Mergers.MaxCommittees)
            errors.Add("committeeCodes", $"at most {Mergers.MaxCommittees} committees in one merger");
        else
        {
            foreach (var code in codes)
                errors.Check(CommitteeCode.Validate("committeeCodes", code));
            if (!errors.Any && codes.Select(CommitteeCode.Normalize).Distinct().Count() != codes.Count)
                errors.Add("committeeCodes", "a committee is named twice");
        }
        if (errors.Any)
            return Problems.Invalid(errors.ToDictionary());
        var normalized = r.CommitteeCodes!.Select(CommitteeCode.Normalize).ToList();
        foreach (var code in normalized)
        {
            if (await http.Move(code, r.SuccessorCode!, "successorCode") is { } denied)
                return denied;
        }
        var command = new MergeCommittee(r.SuccessorCode!, r.EffectiveOn!.Value, r.LegalReference!);
        var (refusal, merged) = await mergers.MergeAsync(normalized, command, http.CommandContext());
        if (refusal is not null)
        {
            // A refusal after some were merged (a race with another change) says which ones are done.
            return merged.Count == 0
                ? Problems.From(refusal)
                : Problems.From(refusal with { Reason = $"{refusal.Reason} (already merged: {string.Join(", ", merged)}; send the merger again once resolved)" });
        }
        return TypedResults.Ok(new MergeCommitteesResponse(merged, CommitteeCode.Normalize(r.SuccessorCode!), command.EffectiveOn));
    }

    private static async Task<IResult> History(string code, OrganisationHistory history, CancellationToken ct)
    {
        if (CommitteeCode.Validate("code", code) is { } bad)
            return Problems.From(bad);
        var normalized = CommitteeCode.Normalize(code);
        return (await history.ChartAsync(DateOnly.MinValue, ct)).TimelineOf(normalized) is { } timeline
            ? TypedResults.Ok(CommitteeHistoryResponse.From(timeline))
            : Problems.NotFound("code", $"no committee with code '{normalized}' is registered");
    }

    private static Rejection? CodeOrNull(string field, string? code) => code is null ? null : CommitteeCode.Validate(field, code);

    /// <summary>Shape, then permission, then the grain; the answer is the committee's history with the change in it.</summary>
    private static async Task<IResult> Send(string code, FieldErrors errors, Func<Task<IResult?>> permit, IGrainFactory grains, OrganisationHistory history,
        Func<ICommitteeGrain, CommandContext, Task<CommandResult>> send, HttpContext http)
    {
        errors.Check(CommitteeCode.Validate("code", code));
        if (errors.Any)
            return Problems.Invalid(errors.ToDictionary());
        if (await permit() is { } denied)
            return denied;
        var normalized = CommitteeCode.Normalize(code);
        var result = await send(grains.GetGrain<ICommitteeGrain>(normalized), http.CommandContext());
        if (result.Rejection is { } rejection)
            return Problems.From(rejection);
        return await History(normalized, history, http.RequestAborted);
    }
}

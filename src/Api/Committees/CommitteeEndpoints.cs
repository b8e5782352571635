using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using TuyenGiao.Api.Http;
using TuyenGiao.Api.Security;
using TuyenGiao.Auditing;
using TuyenGiao.Committees;
using TuyenGiao.Committees.Organisation;
using TuyenGiao.Common;

namespace TuyenGiao.Api.Committees;

/// <summary>Committees and their hierarchy. Endpoints check the request's shape; the grain decides the rest.</summary>
public static class CommitteeEndpoints
{
    public static void MapCommitteeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/committees").WithTags("Committees");

        group.MapPost("/", Register)
            .WithName("RegisterCommittee").WithSummary("Register a committee under its parent (a root: admins only). establishedOn (yyyy-MM-dd, optional): " +
                "the day a committee set up by a reorganisation begins; without it the committee counts as standing from the beginning.")
            .RequireAuthorization(Policies.Officers)
            .Produces<CommitteeResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/", Roots)
            .WithName("ListRootCommittees").WithSummary("The committees at the top of the hierarchy.")
            .RequireAuthorization(Policies.SignedIn)
            .Produces<IReadOnlyList<CommitteeResponse>>();

        group.MapGet("/{code}", Get)
            .WithName("GetCommittee").WithSummary("One committee; with asOf (a moment) or version, as its events had it then.")
            .RequireAuthorization(Policies.SignedIn)
            .Produces<CommitteeResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{code}/name", Rename)
            .WithName("RenameCommittee").WithSummary("Rename a committee.")
            .RequireAuthorization(Policies.Officers)
            .Produces<CommitteeResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/{code}/member-count", ChangeMemberCount)
            .WithName("ChangeCommitteeMemberCount").WithSummary("Record a committee's current number of party members.")
            .RequireAuthorization(Policies.Officers)
            .Produces<CommitteeResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPut("/{code}/parent", Move)
            .WithName("MoveCommittee").WithSummary("Move a committee, with everything below it, under another parent.")
            .RequireAuthorization(Policies.Officers)
            .Produces<CommitteeResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{code}/children", Children)
            .WithName("GetCommitteeChildren").WithSummary("The committees directly under this one; with asOf (yyyy-MM-dd), as they stood on that day.")
            .RequireAuthorization(Policies.SignedIn)
            .Produces<IReadOnlyList<CommitteeResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{code}/subtree", Subtree)
            .WithName("GetCommitteeSubtree").WithSummary("This committee and everything below it, breadth first, with depths; with asOf (yyyy-MM-dd), as organised on that day.")
            .RequireAuthorization(Policies.SignedIn)
            .Produces<IReadOnlyList<CommitteeNodeResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{code}/path", PathToRoot)
            .WithName("GetCommitteePath").WithSummary("This committee, its parent, and so on up to the root; with asOf (yyyy-MM-dd), as organised on that day.")
            .RequireAuthorization(Policies.SignedIn)
            .Produces<IReadOnlyList<CommitteeResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Register(RegisterCommitteeRequest request, IGrainFactory grains, HttpContext http)
    {
        var errors = new FieldErrors().RequiredOf(request);
        if (request.Code is not null)
            errors.Check(CommitteeCode.Validate("code", request.Code));
        if (request.ParentCode is not null)
            errors.Check(CommitteeCode.Validate("parentCode", request.ParentCode));
        if (errors.Any)
            return Problems.Invalid(errors.ToDictionary());
        if (await http.RegisterUnder(request.ParentCode) is { } denied)
            return denied;

        var code = CommitteeCode.Normalize(request.Code!);
        var grain = grains.GetGrain<ICommitteeGrain>(code);
        var command = new RegisterCommittee(request.Name!, request.Level!.Value, request.ParentCode, request.MemberCount!.Value, request.EstablishedOn);
        var result = await grain.Register(command, http.CommandContext());
        if (result.Rejection is { } rejection)
            return Problems.From(rejection);
        return TypedResults.Created($"/api/committees/{code}", CommitteeResponse.From((await grain.Get())!));
    }

    private static async Task<IResult> Roots(CommitteeDirectory directory, CancellationToken ct) =>
        TypedResults.Ok((await directory.RootsAsync(ct: ct)).Select(CommitteeResponse.From).ToList());

    /// <summary>The committee now, or with asOf or version as its events had it then (folded from them).</summary>
    private static async Task<IResult> Get(string code, DateTimeOffset? asOf, long? version, IGrainFactory grains, CommitteeDirectory directory, TimeTravel time,
        CancellationToken ct) =>
        await WithCode(code, async normalized =>
        {
            if (asOf is null && version is null)
                return await Current(normalized, grains, directory);
            if (asOf is not null && version is not null || version < 1)
                return Problems.Invalid(new Dictionary<string, string[]> { ["version"] = ["give either asOf or a version of 1 or more"] });
            var past = await time.AsOfAsync<Committee>(Committee.StreamIdFor(normalized), version, asOf, ct);
            return past.State is { IsRegistered: true } then
                ? TypedResults.Ok(CommitteeResponse.From(then with { Version = past.Version }))
                : NoSuchCommittee(normalized);
        });

    private static Task<IResult> Rename(string code, RenameCommitteeRequest request, IGrainFactory grains, CommitteeDirectory directory, HttpContext http) =>
        Change(code, grains, directory, new FieldErrors().RequiredOf(request), () => http.RecordFor(code),
            grain => grain.Rename(new RenameCommittee(request.Name!), http.CommandContext()));

    private static Task<IResult> ChangeMemberCount(string code, ChangeMemberCountRequest request, IGrainFactory grains, CommitteeDirectory directory, HttpContext http) =>
        Change(code, grains, directory, new FieldErrors().RequiredOf(request), () => http.RecordFor(code),
            grain => grain.ChangeMemberCount(new ChangeMemberCount(request.MemberCount!.Value), http.CommandContext()));

    private static Task<IResult> Move(string code, MoveCommitteeRequest request, IGrainFactory grains, CommitteeDirectory directory, HttpContext http)
    {
        var errors = new FieldErrors().RequiredOf(request);
        if (request.ParentCode is not null)
            errors.Check(CommitteeCode.Validate("parentCode", request.ParentCode));
        return Change(code, grains, directory, errors, () => http.Move(code, request.ParentCode!), grain => grain.MoveUnder(new MoveCommittee(request.ParentCode!), http.CommandContext()));
    }

    private static async Task<IResult> Children(string code, DateOnly? asOf, CommitteeDirectory directory, CancellationToken ct) =>
        await WithCode(code, async normalized =>
            await directory.ChildrenAsync(normalized, asOf, ct) is { } children
                ? TypedResults.Ok(children.Select(CommitteeResponse.From).ToList())
                : NoSuchCommittee(normalized, asOf));

    private static async Task<IResult> Subtree(string code, DateOnly? asOf, CommitteeDirectory directory, CancellationToken ct) =>
        await WithCode(code, async normalized =>
        {
            var nodes = await directory.SubtreeAsync(normalized, asOf, ct);
            return nodes.Count == 0
                ? NoSuchCommittee(normalized, asOf)
                : TypedResults.Ok(nodes.Select(n => new CommitteeNodeResponse(
                    n.Committee.Code, n.Committee.Name, n.Committee.Level, n.Committee.ParentCode, n.Committee.MemberCount, n.Depth)).ToList());
        });

    private static async Task<IResult> PathToRoot(string code, DateOnly? asOf, CommitteeDirectory directory, CancellationToken ct) =>
        await WithCode(code, async normalized =>
        {
            var path = await directory.PathToRootAsync(normalized, asOf, ct);
            return path.Count == 0 ? NoSuchCommittee(normalized, asOf) : TypedResults.Ok(path.Select(CommitteeResponse.From).ToList());
        });

    /// <summary>A change to an existing committee: shape checks, then the caller's permission, then the grain, then the committee as it now is.</summary>
    private static async Task<IResult> Change(string code, IGrainFactory grains, CommitteeDirectory directory, FieldErrors errors, Func<Task<IResult?>> permit,
        Func<ICommitteeGrain, Task<CommandResult>> send)
    {
        errors.Check(CommitteeCode.Validate("code", code));
        if (errors.Any)
            return Problems.Invalid(errors.ToDictionary());
        if (await permit() is { } denied)
            return denied;
        var normalized = CommitteeCode.Normalize(code);
        var result = await send(grains.GetGrain<ICommitteeGrain>(normalized));
        if (result.Rejection is { } rejection)
            return Problems.From(rejection);
        return await Current(normalized, grains, directory);
    }

    /// <summary>The committee as it stands today (name and parent after any dated reorganisation), at its latest version.</summary>
    private static async Task<IResult> Current(string code, IGrainFactory grains, CommitteeDirectory directory)
    {
        if (await grains.GetGrain<ICommitteeGrain>(code).Get() is not { } recorded)
            return Problems.NotFound("code", $"no committee with code '{code}' is registered");
        return await directory.FindAsync(code) is { } today
            ? TypedResults.Ok(CommitteeResponse.From(today with { MemberCount = recorded.MemberCount, Version = recorded.Version }))
            : Problems.NotFound("code", $"committee '{code}' does not stand today (merged, dissolved or not yet established): see /api/committees/{code}/history");
    }

    private static async Task<IResult> WithCode(string code, Func<string, Task<IResult>> then) =>
        CommitteeCode.Validate("code", code) is { } bad ? Problems.From(bad) : await then(CommitteeCode.Normalize(code));

    private static ProblemHttpResult NoSuchCommittee(string code, DateOnly? on = null) =>
        Problems.NotFound("code", on is { } day
            ? $"no committee with code '{code}' stood on {day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}"
            : $"no committee with code '{code}' stands today");
}

using TuyenGiao.Api.Http;
using TuyenGiao.Api.Security;
using TuyenGiao.CommitteeRecords;
using TuyenGiao.Committees;
using TuyenGiao.Committees.Organisation;
using TuyenGiao.Common;
using TuyenGiao.Reporting;

namespace TuyenGiao.Api.CommitteeRecords;

/// <summary>
/// A committee's model programmes, commendations, public-opinion issues and inspections, and the growth of its
/// programmes rolled up over its subtree. Endpoints check the shape; the grain decides the rest.
/// </summary>
public static class CommitteeRecordsEndpoints
{
    public static void MapCommitteeRecordsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/committees/{code}").WithTags("Committee records");

        group.MapGet("/records", Get)
            .WithName("GetCommitteeRecords").WithSummary("The committee's own model programmes, commendations, opinion issues and inspections.")
            .RequireAuthorization(Policies.RecordReaders)
            .Produces<CommitteeRecordBook>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        Command(group.MapPost("/model-programmes", RegisterProgramme), "RegisterModelProgramme",
            "Register a model programme (mô hình). The same programmeId and details again records nothing.", StatusCodes.Status201Created);
        Command(group.MapPost("/model-programmes/{programmeId}/reviews", MaintainProgramme), "MaintainModelProgramme",
            "A review found the programme still running (duy trì).");
        Command(group.MapPost("/model-programmes/{programmeId}/commendations", CommendProgramme), "CommendModelProgramme", "Commend a programme.");
        Command(group.MapPost("/model-programmes/{programmeId}/retirement", RetireProgramme), "RetireModelProgramme", "Retire a programme, with the reason.");

        group.MapGet("/model-programmes/growth", Growth)
            .WithName("GetModelProgrammeGrowth")
            .WithSummary("Active, new, maintained and retired programmes per month, quarter or year, by type, for the committee and everything below it. " +
                         "With organisedAsOf (yyyy-MM-dd): as organised on that day, merged and dissolved committees' programmes under their successors.")
            .RequireAuthorization(Policies.RecordReaders)
            .Produces<ProgrammeGrowthResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        Command(group.MapPost("/commendations", RecordCommendation), "RecordCommendation",
            "Record a commendation (giấy khen, bằng khen, thư khen) by its awarding level, to collectives and individuals.", StatusCodes.Status201Created);
        Command(group.MapPost("/opinion-issues", OpenIssue), "OpenOpinionIssue", "Open a public-opinion issue.", StatusCodes.Status201Created);
        Command(group.MapPost("/opinion-issues/{issueId}/resolution", ResolveIssue), "ResolveOpinionIssue", "Resolve a public-opinion issue.");
        Command(group.MapPost("/inspections", RecordInspection), "RecordInspection",
            "An upper committee records its inspection of this one: date, delegation, findings, recommendations.", StatusCodes.Status201Created);
        Command(group.MapPost("/inspections/{inspectionId}/follow-ups", RecordFollowUp), "RecordInspectionFollowUp",
            "The inspected committee records what it did about the recommendations.");
    }

    private static void Command(RouteHandlerBuilder route, string name, string summary, int status = StatusCodes.Status200OK) =>
        route.WithName(name).WithSummary(summary).RequireAuthorization(Policies.Officers).Produces<CommitteeRecordBook>(status).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    private static Task<IResult> Get(string code, IGrainFactory grains, CommitteeDirectory directory, HttpContext http) =>
        WithCommittee(code, grains, async (c, grain) =>
            await http.ReadRecordsOf(c) ?? (await directory.FindAsync(c) is null ? NoSuchCommittee(c) : TypedResults.Ok(await grain.Get())));

    private static IResult NoSuchCommittee(string code) => Problems.NotFound("code", $"no committee with code '{code}' is registered");

    private static Task<IResult> RegisterProgramme(string code, RegisterModelProgrammeRequest r, IGrainFactory grains, HttpContext http) =>
        Run(code, grains, http, new FieldErrors().RequiredOf(r),
            (grain, context) => grain.RegisterProgramme(new RegisterModelProgramme(r.ProgrammeId!.Trim(), r.Name!, r.ProgrammeType!, r.Field ?? "", r.StartedOn!.Value), context),
            created: c => $"/api/committees/{c}/model-programmes/{Uri.EscapeDataString(r.ProgrammeId!.Trim())}");

    private static Task<IResult> MaintainProgramme(string code, string programmeId, ProgrammeReviewRequest r, IGrainFactory grains, HttpContext http) =>
        Run(code, grains, http, new FieldErrors().RequiredOf(r),
            (grain, context) => grain.MaintainProgramme(new MaintainModelProgramme(programmeId, r.ReviewedOn!.Value, r.Note ?? ""), context));

    private static Task<IResult> CommendProgramme(string code, string programmeId, ProgrammeCommendationRequest r, IGrainFactory grains, HttpContext http) =>
        Run(code, grains, http, new FieldErrors().RequiredOf(r),
            (grain, context) => grain.CommendProgramme(new CommendModelProgramme(programmeId, r.CommendedOn!.Value, r.CommendedBy!), context));

    private static Task<IResult> RetireProgramme(string code, string programmeId, ProgrammeRetirementRequest r, IGrainFactory grains, HttpContext http) =>
        Run(code, grains, http, new FieldErrors().RequiredOf(r),
            (grain, context) => grain.RetireProgramme(new RetireModelProgramme(programmeId, r.RetiredOn!.Value, r.Reason!), context));

    private static Task<IResult> RecordCommendation(string code, RecordCommendationRequest r, IGrainFactory grains, HttpContext http) =>
        Run(code, grains, http, new FieldErrors().RequiredOf(r),
            (grain, context) => grain.RecordCommendation(new RecordCommendation(r.CommendationId!.Trim(), r.Form!.Value, r.AwardingLevel!.Value, r.AwardedBy!,
                r.Collectives ?? 0, r.Individuals ?? 0, r.AwardedOn!.Value, r.Reason ?? ""), context),
            created: c => $"/api/committees/{c}/records");

    private static Task<IResult> OpenIssue(string code, OpenOpinionIssueRequest r, IGrainFactory grains, HttpContext http) =>
        Run(code, grains, http, new FieldErrors().RequiredOf(r),
            (grain, context) => grain.OpenOpinionIssue(new OpenOpinionIssue(r.IssueId!.Trim(), r.Subject!, r.OpenedOn!.Value), context),
            created: c => $"/api/committees/{c}/records");

    private static Task<IResult> ResolveIssue(string code, string issueId, ResolveOpinionIssueRequest r, IGrainFactory grains, HttpContext http) =>
        Run(code, grains, http, new FieldErrors().RequiredOf(r),
            (grain, context) => grain.ResolveOpinionIssue(new ResolveOpinionIssue(issueId, r.ResolvedOn!.Value, r.Outcome!), context));

    private static Task<IResult> RecordInspection(string code, RecordInspectionRequest r, IGrainFactory grains, HttpContext http) =>
        Run(code, grains, http, new FieldErrors().RequiredOf(r),
            (grain, context) => grain.RecordInspection(new RecordInspection(r.InspectionId!.Trim(), r.InspectorCode!, r.InspectedOn!.Value, r.Delegation!,
                r.Findings!, r.Recommendations ?? ""), context),
            created: c => $"/api/committees/{c}/records");

    private static Task<IResult> RecordFollowUp(string code, string inspectionId, InspectionFollowUpRequest r, IGrainFactory grains, HttpContext http) =>
        Run(code, grains, http, new FieldErrors().RequiredOf(r),
            (grain, context) => grain.RecordInspectionFollowUp(new RecordInspectionFollowUp(inspectionId, r.RecordedOn!.Value, r.Actions!), context));

    private static Task<IResult> Growth(string code, DateOnly? from, DateOnly? to, GrowthInterval? interval, DateOnly? organisedAsOf, IGrainFactory grains,
        CommitteeDirectory directory, OrganisationHistory organisation, PeriodReports reports, HttpContext http) =>
        WithCommittee(code, grains, async (c, _) =>
        {
            var errors = new FieldErrors().Required("from", from).Required("to", to);
            if (!errors.Any && to < from)
                errors.Add("to", "must not be before from");
            var step = interval ?? GrowthInterval.Year;
            if (!errors.Any && ProgrammeGrowth.PeriodStarts(from!.Value, to!.Value, step).Count > ProgrammeGrowth.MaxPoints)
                errors.Add("to", $"the series would have more than {ProgrammeGrowth.MaxPoints} points: use a longer interval");
            if (errors.Any)
                return Problems.Invalid(errors.ToDictionary());
            if (await http.ReadRecordsOf(c) is { } denied)
                return denied;
            if (await directory.FindAsync(c) is null)
                return NoSuchCommittee(c);
            var chart = organisedAsOf is { } day ? await organisation.ChartAsync(day) : null;
            if (chart is not null && !chart.Stands(c))
                return Problems.NotFound("code", $"committee '{c}' did not stand on {chart.Day:dd/MM/yyyy}");
            var books = await reports.RecordBooksAsync(c, chart);
            return TypedResults.Ok(new ProgrammeGrowthResponse(c, step, from!.Value, to!.Value, books.Select(b => b.CommitteeCode).Distinct().Count(),
                ProgrammeGrowth.Series(books.SelectMany(b => b.Programmes.Values), from.Value, to.Value, step), chart?.Day));
        });

    /// <summary>Shape errors are answered at once; otherwise the command goes to the committee's grain and the book comes back.</summary>
    private static Task<IResult> Run(string code, IGrainFactory grains, HttpContext http, FieldErrors errors,
        Func<ICommitteeRecordsGrain, CommandContext, Task<CommandResult>> command, Func<string, string>? created = null) =>
        WithCommittee(code, grains, async (c, grain) =>
        {
            if (errors.Any)
                return Problems.Invalid(errors.ToDictionary());
            if (await http.RecordFor(c) is { } denied)
                return denied;
            var result = await command(grain, http.CommandContext());
            if (result.Rejection is { } rejection)
                return Problems.From(rejection);
            var book = await grain.Get();
            return created is null ? TypedResults.Ok(book) : TypedResults.Created(created(c), book);
        });

    internal static async Task<IResult> WithCommittee(string code, IGrainFactory grains, Func<string, ICommitteeRecordsGrain, Task<IResult>> then)
    {
        var normalized = CommitteeCode.Normalize(code);
        return CommitteeCode.Validate("code", code) is { } bad ? Problems.From(bad) : await then(normalized, grains.GetGrain<ICommitteeRecordsGrain>(normalized));
    }
}

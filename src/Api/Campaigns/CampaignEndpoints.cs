using TuyenGiao.Api.Http;
using TuyenGiao.Api.Security;
using TuyenGiao.Access;
using TuyenGiao.Auditing;
using TuyenGiao.Campaigns;
using TuyenGiao.Committees;
using TuyenGiao.Common;
using TuyenGiao.Committees.Organisation;

namespace TuyenGiao.Api.Campaigns;

/// <summary>Campaigns and their activity reports. Endpoints check the shape; the grain decides the rest.</summary>
public static class CampaignEndpoints
{
    public static void MapCampaignEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/campaigns").WithTags("Campaigns");

        group.MapPost("/", Launch)
            .WithName("LaunchCampaign").WithSummary("Launch a campaign for the launcher's subtree, or for named committees in it.")
            .RequireAuthorization(Policies.Officers)
            .Produces<CampaignFigures>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/", List)
            .WithName("ListCampaigns")
            .WithSummary("The campaigns the caller may see (admins and auditors: all; officers and organisers: those of their committee, of the " +
                         "committees above it and of those below it), most recently launched first. Filters: committee (the launcher, with its " +
                         "subtree), status, kind, a period it overlaps (from, to: yyyy-MM-dd), q (words of the title, with or without diacritics). " +
                         $"Page with after = the answer's next; limit 1 to {ListingParameters.MaxLimit} (default {ListingParameters.DefaultLimit}).")
            .RequireAuthorization(Policies.RecordReaders)
            .Produces<CampaignListResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{campaignId}", Get)
            .WithName("GetCampaign")
            .RequireAuthorization(Policies.RecordReaders)
            .WithSummary("A campaign's figures: totals against the targets, and every committee with reports, own and rolled up. " +
                         "With asOf (a moment) or version: the figures as the events stood then. With organisedAsOf (yyyy-MM-dd): committees as organised " +
                         "on that day, merged and dissolved ones under their successors; without it, as organised when each report was made.")
            .Produces<CampaignFigures>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{campaignId}/closure", Close)
            .WithName("CloseCampaign").WithSummary("Close a campaign: no new reports; corrections stay possible.")
            .RequireAuthorization(Policies.Officers)
            .Produces<CampaignFigures>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{campaignId}/reports", Report)
            .WithName("ReportActivity")
            .WithSummary("A participating committee reports its activities for a period inside the campaign's. The same reportId and content again records nothing.")
            .RequireAuthorization(Policies.Officers)
            .Produces<ActivityReportResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{campaignId}/reports/{reportId}", GetReport)
            .WithName("GetActivityReport").WithSummary("A report's current figures and its history of corrections.")
            .RequireAuthorization(Policies.RecordReaders)
            .Produces<ActivityReportResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{campaignId}/reports/{reportId}/corrections", Correct)
            .WithName("CorrectActivityReport").WithSummary("Correct a report: all its figures as they should be, and why. The earlier figures stay in its history.")
            .RequireAuthorization(Policies.Officers)
            .Produces<ActivityReportResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Launch(LaunchCampaignRequest request, IGrainFactory grains, HttpContext http)
    {
        var errors = new FieldErrors().RequiredOf(request);
        if (request.CampaignId is not null)
            errors.Check(Identifiers.ValidateAggregateId("campaignId", Identifiers.NormalizeAggregateId(request.CampaignId)));
        if (errors.Any)
            return Problems.Invalid(errors.ToDictionary());
        if (await http.RecordFor(request.LauncherCode!, "launcherCode") is { } denied)
            return denied;
        var id = Identifiers.NormalizeAggregateId(request.CampaignId!);
        var t = request.Targets;
        var grain = grains.GetGrain<ICampaignGrain>(id);
        var result = await grain.Launch(new LaunchCampaign(request.LauncherCode!, request.Title!, request.Kind!.Value, request.PeriodStart!.Value,
            request.PeriodEnd!.Value, request.Participants ?? [], new CampaignTargets(t?.ParticipationPercent, t?.StudySessions, t?.TrainingClasses, t?.Learners)),
            http.CommandContext());
        return result.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Created($"/api/campaigns/{id}", await grain.GetFigures());
    }

    private static async Task<IResult> List(string? committee, CampaignStatus? status, CampaignKind? kind, DateOnly? from, DateOnly? to, string? q,
        string? after, int? limit, CampaignListings listings, CommitteeDirectory directory, CommitteePaths paths, HttpContext http, CancellationToken ct)
    {
        var (request, refusal) = await ListingParameters.ReadAsync(committee, from, to, after, limit, directory, ct);
        if (request is null)
            return refusal!;
        if (status == CampaignStatus.None)
            return Problems.Invalid(new Dictionary<string, string[]> { ["status"] = ["must be Launched or Closed"] });
        var launchers = request.Committees;
        var caller = http.Caller();
        var surroundings = new Dictionary<string, (IReadOnlyList<string>, IReadOnlyList<string>)>(StringComparer.Ordinal);
        foreach (var own in AccessRules.ReadingCommittees(caller))
            surroundings[own] = (await paths.OfAsync(own, ct), await ListingParameters.SubtreeAsync(own, directory, ct) ?? []);
        var visible = AccessRules.CampaignLaunchersVisibleTo(caller, surroundings);
        var allowed = (launchers, visible) switch
        {
            (null, _) => visible,
            (_, null) => launchers,
            _ => launchers.Intersect(visible, StringComparer.Ordinal).ToList(),
        };
        var closed = status switch { CampaignStatus.Closed => true, CampaignStatus.Launched => false, _ => (bool?)null };
        var page = await listings.PageAsync(new CampaignListQuery(allowed, closed, kind, from, to, q, request.After, request.Limit), ct);
        return TypedResults.Ok(new CampaignListResponse(page.Items.Select(CampaignListItemResponse.From).ToList(), page.Next));
    }

    /// <summary>The current figures, or with asOf or version the figures as the events stood then, folded from them.</summary>
    private static Task<IResult> Get(string campaignId, DateTimeOffset? asOf, long? version, DateOnly? organisedAsOf, IGrainFactory grains, TimeTravel time,
        OrganisationHistory organisation, CancellationToken ct) =>
        WithCampaign(campaignId, grains, async (id, grain) =>
        {
            if (asOf is null && version is null)
            {
                var current = organisedAsOf is { } day ? await grain.GetFiguresAsOrganisedOn(day) : await grain.GetFigures();
                return current is { } figures ? TypedResults.Ok(figures) : NoSuchCampaign(id);
            }
            if (asOf is not null && version is not null || version < 1)
                return Problems.Invalid(new Dictionary<string, string[]> { ["version"] = ["give either asOf or a version of 1 or more"] });
            var past = await time.AsOfAsync<Campaign>(Campaign.StreamIdFor(id), version, asOf, ct);
            if (past.State is not { Status: not CampaignStatus.None } campaign)
                return NoSuchCampaign(id);
            var chart = organisedAsOf is { } organisedDay ? await organisation.ChartAsync(organisedDay, ct) : null;
            return TypedResults.Ok(CampaignFigureBuilder.Build(campaign, past.Version, chart));
        });

    private static Task<IResult> Close(string campaignId, CloseCampaignRequest request, IGrainFactory grains, HttpContext http) =>
        WithCampaign(campaignId, grains, async (_, grain) =>
        {
            if (await grain.GetFigures() is { } campaign && await http.RecordFor(campaign.LauncherCode, "launcherCode") is { } denied)
                return denied;
            var result = await grain.Close(new CloseCampaign(request.Reason ?? ""), http.CommandContext());
            return result.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(await grain.GetFigures());
        });

    private static Task<IResult> Report(string campaignId, ReportActivityRequest request, IGrainFactory grains, ActivityReportHistory history, HttpContext http) =>
        WithCampaign(campaignId, grains, async (id, grain) =>
        {
            var errors = new FieldErrors().RequiredOf(request);
            var figures = ReadFigures(request.Figures, errors);
            if (errors.Any)
                return Problems.Invalid(errors.ToDictionary());
            if (await http.RecordFor(request.CommitteeCode!, "committeeCode") is { } denied)
                return denied;
            var reportId = request.ReportId!.Trim();
            var result = await grain.Report(new ReportActivity(reportId, request.CommitteeCode!, request.PeriodStart!.Value, request.PeriodEnd!.Value, figures!),
                http.CommandContext());
            if (result.Rejection is { } rejection)
                return Problems.From(rejection);
            return TypedResults.Created($"/api/campaigns/{id}/reports/{Uri.EscapeDataString(reportId)}", await Describe(id, reportId, grain, history));
        });

    private static Task<IResult> GetReport(string campaignId, string reportId, IGrainFactory grains, ActivityReportHistory history) =>
        WithCampaign(campaignId, grains, async (id, grain) =>
            await Describe(id, reportId, grain, history) is { } report ? TypedResults.Ok(report) : NoSuchReport(id, reportId));

    private static Task<IResult> Correct(string campaignId, string reportId, CorrectActivityReportRequest request, IGrainFactory grains,
        ActivityReportHistory history, HttpContext http) =>
        WithCampaign(campaignId, grains, async (id, grain) =>
        {
            var errors = new FieldErrors().RequiredOf(request);
            var figures = ReadFigures(request.Figures, errors);
            if (errors.Any)
                return Problems.Invalid(errors.ToDictionary());
            if (await grain.GetReport(reportId) is { } report && await http.RecordFor(report.CommitteeCode, "committeeCode") is { } denied)
                return denied;
            var result = await grain.Correct(new CorrectActivityReport(reportId, figures!, request.Reason!), http.CommandContext());
            return result.Rejection is { } rejection ? Problems.From(rejection) : TypedResults.Ok(await Describe(id, reportId, grain, history));
        });

    private static ActivityFigures? ReadFigures(ActivityFiguresRequest? f, FieldErrors errors)
    {
        if (f is null)
            return null;
        errors.RequiredOf(f, "figures.").RequiredOfEach(f.TrainingClasses, "figures.trainingClasses");
        var classes = f.TrainingClasses ?? [];
        if (errors.Any)
            return null;
        var figures = new ActivityFigures(f.PartyMembers!.Value, f.StudySessions ?? 0, f.StudyAttendances ?? 0, f.StudyMemberAttendances ?? 0,
            f.MembersStudied ?? 0, f.OralSessions ?? 0, f.OralAttendances ?? 0,
            [.. classes.Select(c => new TrainingClassFigures(c.ClassType!, c.Classes!.Value, c.Learners ?? 0))],
            f.OnlineConferences ?? 0, f.BridgePoints ?? 0, f.MembersPledged ?? 0);
        errors.Check(CampaignDecisions.ValidateFigures(figures));
        return errors.Any ? null : figures;
    }

    private static async Task<ActivityReportResponse?> Describe(string campaignId, string reportId, ICampaignGrain grain, ActivityReportHistory history)
    {
        if (await grain.GetReport(reportId) is not { } r)
            return null;
        return new ActivityReportResponse(campaignId, r.ReportId, r.CommitteeCode, r.CommitteePath, r.PeriodStart, r.PeriodEnd, r.Figures,
            ActivityRates.ParticipationPercent(r.Figures), ActivityRates.PledgePercent(r.Figures), r.Corrections,
            await history.ForReportAsync(campaignId, reportId));
    }

    private static async Task<IResult> WithCampaign(string campaignId, IGrainFactory grains, Func<string, ICampaignGrain, Task<IResult>> then)
    {
        var id = Identifiers.NormalizeAggregateId(campaignId);
        return Identifiers.ValidateAggregateId("campaignId", id) is { } bad ? Problems.From(bad) : await then(id, grains.GetGrain<ICampaignGrain>(id));
    }

    private static IResult NoSuchCampaign(string id) => Problems.NotFound("campaignId", $"no campaign with id '{id}' is launched");

    private static IResult NoSuchReport(string id, string reportId) => Problems.NotFound("reportId", $"no report '{reportId}' in campaign '{id}'");
}

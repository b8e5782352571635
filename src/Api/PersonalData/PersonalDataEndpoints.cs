using TuyenGiao.Api.Auditing;
using TuyenGiao.Api.Http;
using TuyenGiao.Api.Security;
using TuyenGiao.Committees;
using TuyenGiao.Common;
using TuyenGiao.Contests;
using TuyenGiao.PersonalData;

namespace TuyenGiao.Api.PersonalData;

/// <summary>
/// Personal data under Decree 13/2023/NĐ-CP: a person's erasure on request (admins), who read whose data (auditors),
/// the master key's rewrap and the retention job run now (admins). See docs/personal-data.md.
/// </summary>
public static class PersonalDataEndpoints
{
    public static void MapPersonalDataEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/personal-data").WithTags("Personal data");

        group.MapPost("/erasures", Erase)
            .WithName("ErasePerson")
            .RequireAuthorization(Policies.Admins)
            .WithSummary("Erases a person's personal data everywhere (every contest or quiz, every read, the audit log and exports): an author " +
                         "named by authorName and committeeCode, or a quiz participant by phone. Their data keys are destroyed and their texts read " +
                         "\"[đã xoá]\" from then on. Counts, rankings, awards and the hash chain are unchanged. " +
                         "The same requestId sent again answers the first erasure.")
            .Produces<ErasureResponse>(StatusCodes.Status201Created).Produces<ErasureResponse>().ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/erasures/{requestId}", GetErasure)
            .WithName("GetErasure")
            .RequireAuthorization(Policies.Auditors)
            .WithSummary("An erasure request as recorded.")
            .Produces<ErasureResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/access-log", AccessLog)
            .WithName("GetPersonalDataAccessLog")
            .RequireAuthorization(Policies.Auditors)
            .WithSummary("Who read whose personal data, when, and through what, oldest first (one person's only: an author with authorName and " +
                         "committeeCode, a quiz participant with phone); " +
                         "page with after = the last id.")
            .Produces<IReadOnlyList<PersonalDataAccess>>().ProducesValidationProblem();

        group.MapPost("/master-key/rewrap", Rewrap)
            .WithName("RewrapDataKeys")
            .RequireAuthorization(Policies.Admins)
            .WithSummary("Moves every data key wrapped by a retired master key (PersonalData:RetiredMasterKeys) to the current one; no event is touched. " +
                         "Server-sent events: 'progress' as pages are done, then the 'report'.")
            .Produces<RewrapReport>(StatusCodes.Status200OK, "text/event-stream");

        group.MapPost("/retention/run", RunRetention)
            .WithName("RunRetention")
            .RequireAuthorization(Policies.Admins)
            .WithSummary("Runs the retention job now (it also runs on its own every PersonalData:RetentionCheckEvery): each contest whose retention has " +
                         "run out since its results were published has its entrants' personal data erased. Answers what it erased.")
            .Produces<IReadOnlyList<RetentionErasure>>();
    }

    private static async Task<IResult> Erase(ErasePersonRequest request, IGrainFactory grains, HttpContext http)
    {
        var errors = new FieldErrors().RequiredOf(request);
        if (request.RequestId is not null)
            errors.Check(Identifiers.ValidateClientId("requestId", request.RequestId));
        if (request.CommitteeCode is not null)
            errors.Check(CommitteeCode.Validate("committeeCode", request.CommitteeCode));
        if (errors.Any)
            return Problems.Invalid(errors.ToDictionary());
        var grain = grains.GetGrain<IErasureGrain>(request.RequestId!.Trim());
        var before = await grain.Get();
        var result = await grain.Erase(new ErasePerson(request.AuthorName, request.CommitteeCode, request.LegalBasis!, request.Phone), http.CommandContext());
        if (result.Rejection is { } rejection)
            return Problems.From(rejection);
        var erasure = ErasureResponse.From(await grain.Get());
        return before.IsDone ? TypedResults.Ok(erasure) : TypedResults.Created($"/api/personal-data/erasures/{erasure.RequestId}", erasure);
    }

    private static async Task<IResult> GetErasure(string requestId, IGrainFactory grains)
    {
        if (Identifiers.ValidateClientId("requestId", requestId) is { } bad)
            return Problems.From(bad);
        var erasure = await grains.GetGrain<IErasureGrain>(requestId.Trim()).Get();
        return erasure.IsDone ? TypedResults.Ok(ErasureResponse.From(erasure)) : Problems.NotFound("requestId", $"no erasure request '{requestId.Trim()}' was recorded");
    }

    private static async Task<IResult> AccessLog(string? authorName, string? committeeCode, string? phone, long? after, int? limit, PersonalDataVault vault,
        PersonalDataAccessLog log, CancellationToken ct)
    {
        var errors = new FieldErrors();
        // Nobody named: everyone's reads; someone named: by the same rule as an erasure.
        var named = new NamedPerson(authorName, committeeCode, phone).Normalized();
        if (!named.IsNobody)
            errors.Check(named.Validate());
        if (limit is < 1 or > PersonalDataAccessLog.MaxPage)
            errors.Add("limit", $"must be between 1 and {PersonalDataAccessLog.MaxPage}");
        if (after < 0)
            errors.Add("after", "must not be negative");
        if (errors.Any)
            return Problems.Invalid(errors.ToDictionary());
        long? person = named.IsNobody ? null : named.KeyOf(await vault.PseudonymsAsync(ct));
        return TypedResults.Ok(await log.ReadAsync(person, after ?? 0, limit ?? 100, ct));
    }

    private static IResult Rewrap(PersonalDataVault vault, HttpContext http) =>
        TypedResults.ServerSentEvents(AdminEndpoints.WithProgress<RewrapReport, RewrapReport>((progress, ct) => vault.RewrapAsync(progress, ct),
            http.RequestAborted));

    private static async Task<IResult> RunRetention(EntrantsDataRetention retention, CancellationToken ct) =>
        TypedResults.Ok(await retention.RunOnceAsync(ct));
}

using System.ComponentModel.DataAnnotations;
using TuyenGiao.Api.Http;
using TuyenGiao.Api.PersonalData;
using TuyenGiao.Api.Security;
using TuyenGiao.Auditing;
using TuyenGiao.Committees;

namespace TuyenGiao.Api.Auditing;

/// <summary>For auditors: the event log of a stream and of the whole store, and the verification of the hash chain.</summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        // Auditors read everything, the event log included (who recorded what, and the author names in entries).
        var group = app.MapGroup("/api/audit").WithTags("Audit");

        group.MapGet("/stream", Stream)
            .WithName("GetStreamEvents")
            .RequireAuthorization(Policies.Auditors)
            .WithSummary("The events of one stream (for example contest/KHAT-VONG-TRA-VINH-2023) in version order, with actor, UTC time and correlation id; " +
                         "page with afterVersion = the answer's next.")
            .Produces<EventPage>().ProducesValidationProblem();

        group.MapGet("/events", Feed)
            .WithName("GetEventFeed")
            .RequireAuthorization(Policies.Auditors)
            .WithSummary("Events across streams in store order, filtered by type (repeatable), a committee's subtree and a time range [from, to); " +
                         "page with after = the answer's next.")
            .Produces<EventPage>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/export", Export)
            .WithName("ExportEvents")
            .WithSummary("The events of a stream and/or a time range [from, to) as NDJSON (default) or CSV, streamed as they are read.")
            .RequireAuthorization(Policies.Auditors)
            .Produces(StatusCodes.Status200OK, typeof(string), "application/x-ndjson", "text/csv")
            .ProducesValidationProblem();

        group.MapGet("/integrity", Integrity)
            .WithName("VerifyIntegrity")
            .WithSummary("Walks the hash chain of one stream, or of all, and reports the first broken link of each stream.")
            .RequireAuthorization(Policies.Auditors)
            .Produces<IntegrityReport>().ProducesValidationProblem();
    }

    private static async Task<IResult> Stream(string? id, long? afterVersion, int? limit, EventLog log, PersonalDataReads personal, HttpContext http,
        CancellationToken ct)
    {
        var errors = new FieldErrors().Required("id", id);
        if (!string.IsNullOrWhiteSpace(id))
            errors.Check(StreamKinds.Validate("id", id));
        var size = PageSize(limit, errors);
        if (afterVersion < 0)
            errors.Add("afterVersion", "must not be negative");
        if (errors.Any)
            return Problems.Invalid(errors.ToDictionary());
        return TypedResults.Ok(await personal.OpenAsync(await log.StreamAsync(id!, afterVersion ?? 0, size, ct), http, $"audit stream {id}", ct));
    }

    private static async Task<IResult> Feed(string[]? type, string? committee, DateTimeOffset? from, DateTimeOffset? to, long? after, int? limit,
        EventLog log, CommitteeDirectory directory, PersonalDataReads personal, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var size = PageSize(limit, errors);
        if (from is not null && to <= from)
            errors.Add("to", "must be after from");
        if (committee is not null)
            errors.Check(CommitteeCode.Validate("committee", committee));
        if (errors.Any)
            return Problems.Invalid(errors.ToDictionary());
        IReadOnlyList<string>? codes = null;
        if (committee is not null)
        {
            var subtree = await directory.SubtreeAsync(CommitteeCode.Normalize(committee), ct: ct);
            if (subtree.Count == 0)
                return Problems.NotFound("committee", $"no committee with code '{CommitteeCode.Normalize(committee)}' is registered");
            codes = subtree.Select(s => s.Committee.Code).ToList();
        }
        var filter = new EventFilter(type is { Length: > 0 } ? type : null, codes, from, to);
        return TypedResults.Ok(await personal.OpenAsync(await log.FeedAsync(filter, after ?? 0, size, ct), http, "audit event feed", ct));
    }

    private static IResult Export(string? stream, DateTimeOffset? from, DateTimeOffset? to, [AllowedValues("ndjson", "csv")] string? format, EventExport export,
        PersonalDataReads personal, HttpContext http)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(stream) && from is null && to is null)
            errors.Add("stream", "name a stream, a time range (from, to) or both");
        if (!string.IsNullOrWhiteSpace(stream))
            errors.Check(StreamKinds.Validate("stream", stream));
        if (from is not null && to <= from)
            errors.Add("to", "must be after from");
        var kind = (format ?? "ndjson").Trim().ToLowerInvariant();
        if (kind is not ("ndjson" or "csv"))
            errors.Add("format", "must be ndjson or csv");
        if (errors.Any)
            return Problems.Invalid(errors.ToDictionary());
        var ct = http.RequestAborted;
        var events = personal.OpenAsync(export.ReadAsync(string.IsNullOrWhiteSpace(stream) ? null : stream, from, to, ct), http,
            $"audit export {(string.IsNullOrWhiteSpace(stream) ? "of all streams" : stream)}", ct);
        return kind == "csv"
            ? TypedResults.Stream(body => EventExportWriter.WriteCsvAsync(events, body, ct), "text/csv; charset=utf-8", "events.csv")
            : TypedResults.Stream(body => EventExportWriter.WriteNdjsonAsync(events, body, ct), "application/x-ndjson", "events.ndjson");
    }

    private static async Task<IResult> Integrity(string? stream, IntegrityCheck check, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(stream) && StreamKinds.Validate("stream", stream) is { } refusal)
            return Problems.From(refusal);
        return TypedResults.Ok(await check.VerifyAsync(string.IsNullOrWhiteSpace(stream) ? null : stream, progress: null, ct));
    }

    private static int PageSize(int? limit, FieldErrors errors)
    {
        if (limit is < 1 or > EventLog.MaxPage)
            errors.Add("limit", $"must be between 1 and {EventLog.MaxPage}");
        return limit ?? 100;
    }
}

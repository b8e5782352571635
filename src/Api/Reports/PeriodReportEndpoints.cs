using System.ComponentModel.DataAnnotations;
using TuyenGiao.Api.Http;
using TuyenGiao.Api.Security;
using TuyenGiao.Committees;
using TuyenGiao.Committees.Organisation;
using TuyenGiao.Reporting;

namespace TuyenGiao.Api.Reports;

/// <summary>The period report of a committee and its subtree, as JSON, CSV or an .xlsx workbook.</summary>
public static class PeriodReportEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapPeriodReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/committees/{code}/reports/period", Get).WithTags("Reports")
            .WithName("GetPeriodReport")
            .RequireAuthorization(Policies.RecordReaders)
            .WithSummary("Activities per campaign and rolled up, model programmes, commendations, opinion issues and inspections of a committee " +
                         "and its subtree for a period (from and to included). format: json (default), csv or xlsx. With organisedAsOf (yyyy-MM-dd): " +
                         "as organised on that day, merged and dissolved committees' figures under their successors; without it, as recorded.")
            .Produces<PeriodReport>(StatusCodes.Status200OK, "application/json", "text/csv", Xlsx)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> Get(string code, DateOnly? from, DateOnly? to, [AllowedValues("json", "csv", "xlsx")] string? format, DateOnly? organisedAsOf, PeriodReports reports,
        OrganisationHistory organisation, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors().Check(CommitteeCode.Validate("code", code)).Required("from", from).Required("to", to);
        if (from is not null && to < from)
            errors.Add("to", "must not be before from");
        var kind = (format ?? "json").Trim().ToLowerInvariant();
        if (kind is not ("json" or "csv" or "xlsx"))
            errors.Add("format", "must be json, csv or xlsx");
        if (errors.Any)
            return Problems.Invalid(errors.ToDictionary());

        var normalized = CommitteeCode.Normalize(code);
        if (await http.ReadRecordsOf(normalized) is { } denied)
            return denied;
        var chart = organisedAsOf is { } day ? await organisation.ChartAsync(day, ct) : null;
        if (await reports.BuildAsync(normalized, from!.Value, to!.Value, chart, ct) is not { } report)
            return Problems.NotFound("code", chart is null
                ? $"no committee with code '{normalized}' is registered"
                : $"no committee with code '{normalized}' stood on {chart.Day:dd/MM/yyyy}");
        var name = $"bao-cao-{normalized}-{from:yyyyMMdd}-{to:yyyyMMdd}";
        return kind switch
        {
            "csv" => TypedResults.File(PeriodReportCsv.Write(PeriodReportTables.From(report)), "text/csv; charset=utf-8", $"{name}.csv"),
            "xlsx" => TypedResults.File(PeriodReportWorkbook.Write(PeriodReportTables.From(report)), Xlsx, $"{name}.xlsx"),
            _ => TypedResults.Ok(report),
        };
    }
}

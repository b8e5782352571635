using System.Text.RegularExpressions;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;
using TuyenGiao.EventStore;

namespace TuyenGiao.Api.Http;

/// <summary>
/// The last line: a body that is not valid JSON for the endpoint becomes a 400 naming the field; a node or
/// PostgreSQL that is briefly out of reach (a silo died and the cluster is moving its grains) a 503 with
/// Retry-After, safe to retry because every command is idempotent or guarded by the stream's version; anything
/// else is a bug in this service, answered as a 500 ProblemDetails with the trace id to find it in the logs.
/// </summary>
public sealed partial class UnhandledErrors(IProblemDetailsService problems, ILogger<UnhandledErrors> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is BadHttpRequestException bad)
        {
            var (field, reason) = Describe(bad);
            var title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : "The request is invalid.";
            return await Write(http, exception, bad.StatusCode, title, $"{field}: {reason}",
                new Dictionary<string, string[]> { [field] = [reason] });
        }

        if (IsTransient(exception))
        {
            logger.LogWarning("Transient failure on {Method} {Path}: {Error}", http.Request.Method, http.Request.Path, exception.Message);
            http.Response.Headers.RetryAfter = "2";
            return await Write(http, exception, StatusCodes.Status503ServiceUnavailable, "The service is recovering.",
                "cluster: a node or the database is briefly out of reach; retry the same request in a moment",
                new Dictionary<string, string[]> { ["cluster"] = ["a node or the database is briefly out of reach; retry the same request in a moment"] });
        }

        logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
        return await Write(http, exception, StatusCodes.Status500InternalServerError, "An unexpected error occurred.",
            "This is a fault in the service, not in the request. Quote the trace id when reporting it.", errors: null);
    }

    /// <summary>
    /// Failures of reach, not of logic: a silo declared dead mid-call, a call that timed out, a dropped database connection,
    /// a grain that could not settle a write within its bound of tries. Npgsql's own failures (no answer from a server:
    /// a connection lost or refused, a timeout, no server that is the primary while the standby is being promoted) are all
    /// of reach; a server's answer is when it says so, or when the server is no longer the primary (25006: a primary
    /// demoted by a switchover refuses writes).
    /// </summary>
    private static bool IsTransient(Exception exception) => exception switch
    {
        SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or TimeoutException => true,
        EventStoreUnavailableException => true,
        PostgresException postgres => postgres.IsTransient || postgres.SqlState == PostgresErrorCodes.ReadOnlySqlTransaction,
        NpgsqlException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsTransient),
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    private ValueTask<bool> Write(HttpContext http, Exception exception, int status, string title, string detail, IDictionary<string, string[]>? errors)
    {
        http.Response.StatusCode = status;
        var context = new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        };
        if (errors is not null)
            context.ProblemDetails.Extensions["errors"] = errors;
        return problems.TryWriteAsync(context);
    }

    private static (string Field, string Reason) Describe(BadHttpRequestException bad)
    {
        for (Exception? e = bad; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
                return (field, Explain(json));
            }
        }
        // A route or query value that does not parse: "Failed to bind parameter "Nullable<DateOnly> asOf" from "2023-13-01"."
        if (ParameterBinding().Match(bad.Message) is { Success: true } binding)
            return (binding.Groups["name"].Value, $"'{binding.Groups["value"].Value}' is not a valid {Describe(binding.Groups["type"].Value)}");
        return ("body", FirstSentence(bad.Message));
    }

    private static string Describe(string type) => type.Replace("Nullable<", "").TrimEnd('>') switch
    {
        "DateOnly" => "date (yyyy-MM-dd)",
        "DateTimeOffset" or "DateTime" => "date and time (ISO 8601, for example 2023-06-01T00:00:00+07:00)",
        "Int32" or "Int64" => "whole number",
        "Guid" => "id",
        var other when other.EndsWith("Kind", StringComparison.Ordinal) || other.EndsWith("Interval", StringComparison.Ordinal) => "value: see the OpenAPI document",
        var other => other.ToLowerInvariant(),
    };

    [GeneratedRegex("""Failed to bind parameter "(?<type>[^ "]+) (?<name>[^"]+)" from "(?<value>[^"]*)"\.""")]
    private static partial Regex ParameterBinding();

    /// <summary>System.Text.Json's messages name .NET types; a client needs to know what to change instead.</summary>
    private static string Explain(JsonException json) => json.Message switch
    {
        var m when m.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) => "is not a field of this request",
        var m when m.Contains("could not be converted", StringComparison.Ordinal) => "has a value of the wrong type, out of range, or not one of the allowed values",
        var m => FirstSentence(m),
    };

    private static string FirstSentence(string message)
    {
        // System.Text.Json appends "Path: $.x | LineNumber: ..." to its messages; the field already says where.
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

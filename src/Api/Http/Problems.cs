using Microsoft.AspNetCore.Http.HttpResults;
using TuyenGiao.Common;

namespace TuyenGiao.Api.Http;

/// <summary>
/// Every refusal leaves as RFC 7807 ProblemDetails with an <c>errors</c> map of field to reasons, so a client
/// can show the reason next to the field whatever the status.
/// </summary>
public static class Problems
{
    public static int StatusFor(RejectionKind kind) => kind switch
    {
        RejectionKind.Invalid => StatusCodes.Status400BadRequest,
        RejectionKind.NotFound => StatusCodes.Status404NotFound,
        RejectionKind.Conflict => StatusCodes.Status409Conflict,
        RejectionKind.RuleViolation => StatusCodes.Status422UnprocessableEntity,
        RejectionKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static ProblemHttpResult From(Rejection rejection) =>
        For(StatusFor(rejection.Kind), new Dictionary<string, string[]> { [rejection.Field] = [rejection.Reason] });

    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) => For(StatusCodes.Status400BadRequest, errors);

    public static ProblemHttpResult NotFound(string field, string reason) =>
        For(StatusCodes.Status404NotFound, new Dictionary<string, string[]> { [field] = [reason] });

    public static ProblemHttpResult Status(int status, string field, string reason) =>
        For(status, new Dictionary<string, string[]> { [field] = [reason] });

    /// <summary>For middleware that refuses a request before any endpoint runs (authentication, rate limits).</summary>
    public static async Task WriteAsync(HttpContext http, int status, string field, string reason)
    {
        http.Response.StatusCode = status;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = Describe(status, new Dictionary<string, string[]> { [field] = [reason] }),
        });
    }

    private static ProblemHttpResult For(int status, IDictionary<string, string[]> errors) => TypedResults.Problem(Describe(status, errors));

    private static HttpValidationProblemDetails Describe(int status, IDictionary<string, string[]> errors) =>
        new(errors)
        {
            Status = status,
            Title = status switch
            {
                400 => "The request is invalid.",
                401 => "Sign in first.",
                403 => "You may not do this.",
                404 => "Not found.",
                409 => "The request conflicts with the current state.",
                422 => "A rule forbids this request.",
                423 => "The account is locked.",
                429 => "Too many requests.",
                _ => "The request was refused.",
            },
            Detail = string.Join("; ", errors.SelectMany(e => e.Value.Select(reason => $"{e.Key}: {reason}"))),
        };
}

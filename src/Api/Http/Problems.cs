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
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static ProblemHttpResult From(Rejection rejection) =>
        For(StatusFor(rejection.Kind), new Dictionary<string, string[]> { [rejection.Field] = [rejection.Reason] });

    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors) => For(StatusCodes.Status400BadRequest, errors);

    public static ProblemHttpResult NotFound(string field, string reason) =>
        For(StatusCodes.Status404NotFound, new Dictionary<string, string[]> { [field] = [reason] });

    private static ProblemHttpResult For(int status, IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = status,
            Title = status switch
            {
                400 => "The request is invalid.",
                404 => "Not found.",
                409 => "The request conflicts with the current state.",
                422 => "A rule forbids this request.",
                _ => "The request was refused.",
            },
            Detail = string.Join("; ", errors.SelectMany(e => e.Value.Select(reason => $"{e.Key}: {reason}"))),
        });
}

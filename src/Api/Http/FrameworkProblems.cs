namespace TuyenGiao.Api.Http;

/// <summary>
/// Some refusals are written by ASP.NET Core itself, with a status and no body (a route that does not exist, a
/// body over the size limit, a content type that is not JSON). Status code pages turn them into ProblemDetails;
/// this adds what every other refusal of this Api has: a type, the field at fault and the reason.
/// </summary>
public static class FrameworkProblems
{
    public static void AddFieldAndReason(ProblemDetailsContext context, long maxBodyBytes)
    {
        var details = context.ProblemDetails;
        // ASP.NET Core gives most statuses a type URI; these it leaves without one, unlike every other problem here.
        details.Type ??= details.Status switch
        {
            StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
            StatusCodes.Status423Locked => "https://www.rfc-editor.org/rfc/rfc4918#section-11.3",
            StatusCodes.Status429TooManyRequests => "https://tools.ietf.org/html/rfc6585#section-4",
            _ => null,
        };
        if (details.Extensions.ContainsKey("errors") || details is HttpValidationProblemDetails)
            return;
        var (field, reason) = details.Status switch
        {
            StatusCodes.Status404NotFound => ("path", $"no endpoint answers {context.HttpContext.Request.Method} {context.HttpContext.Request.Path}: see /swagger"),
            StatusCodes.Status405MethodNotAllowed => ("method", $"{context.HttpContext.Request.Method} is not allowed here"),
            StatusCodes.Status413PayloadTooLarge => ("body", $"must be at most {maxBodyBytes:N0} bytes"),
            StatusCodes.Status415UnsupportedMediaType => ("Content-Type", "must be application/json"),
            _ => (null, null),
        };
        if (field is null)
            return;
        details.Detail ??= $"{field}: {reason}";
        details.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [reason!] };
    }
}

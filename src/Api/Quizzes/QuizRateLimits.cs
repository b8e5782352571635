using TuyenGiao.Api.Security;
using TuyenGiao.Quizzes;

namespace TuyenGiao.Api.Quizzes;

/// <summary>
/// The quiz's anonymous endpoints are limited per network address (a filter, before anything is read) and per person
/// (the phone number in one quiz, once the request names it), each with a cluster-wide token bucket; a refusal is a 429
/// with Retry-After and records nothing.
/// </summary>
internal static class QuizRateLimits
{
    public static RouteHandlerBuilder RequireQuizAddressLimit(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new SubmissionRateLimit.Limited()).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var settings = http.RequestServices.GetRequiredService<SubmissionRateLimit.Settings>();
            var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return await SubmissionRateLimit.TakeAsync(http, $"quiz-address:{address}", settings.QuizPerAddressPerSecond, settings.QuizAddressBurst,
                "address", "per network address") ?? await next(context);
        });

    /// <summary>The person's bucket in this quiz; a number that is not one is left to the rules to refuse (the address limit still holds).</summary>
    public static async Task<IResult?> PersonAsync(HttpContext http, string contestId, string? phone)
    {
        if (PhoneNumbers.TryNormalize(phone, out var normalized) is not null)
            return null;
        var settings = http.RequestServices.GetRequiredService<SubmissionRateLimit.Settings>();
        return await SubmissionRateLimit.TakeAsync(http, $"quiz-person:{contestId}:{normalized}", settings.QuizPerPersonPerSecond, settings.QuizPersonBurst,
            "phone", "per person");
    }
}

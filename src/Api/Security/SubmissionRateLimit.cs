using System.Globalization;
using TuyenGiao.Access;
using TuyenGiao.Api.Http;

namespace TuyenGiao.Api.Security;

/// <summary>
/// Submissions are limited per user (the token's or session's subject), with a token bucket: a burst, then a steady
/// rate. The bucket is one grain per user (<see cref="ISubmissionQuotaGrain"/>), so the limit holds across every node of
/// the cluster, not once per node. A refusal is a 429 with Retry-After, so a well-behaved client slows down instead of failing.
/// </summary>
public static class SubmissionRateLimit
{
    /// <summary>The "RateLimits" section.</summary>
    public sealed class Settings
    {
        public const string Section = "RateLimits";

        /// <summary>Submissions per second per user, steady state, over the whole cluster.</summary>
        public int SubmissionsPerSecond { get; set; } = 50;

        /// <summary>How many a user may send at once before the steady rate applies.</summary>
        public int SubmissionBurst { get; set; } = 100;
    }

    /// <summary>Marks an endpoint as limited (and documents its 429).</summary>
    public sealed class Limited;

    public static IServiceCollection AddSubmissionRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(Settings.Section).Get<Settings>() ?? new Settings();
        if (settings.SubmissionsPerSecond < 1 || settings.SubmissionBurst < 1)
            throw new InvalidOperationException("RateLimits:SubmissionsPerSecond and RateLimits:SubmissionBurst must be at least 1.");
        return services.AddSingleton(settings);
    }

    public static RouteHandlerBuilder RequireSubmissionRateLimit(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new Limited()).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var settings = http.RequestServices.GetRequiredService<Settings>();
            var user = http.User.FindFirst(TokenClaims.Subject)?.Value ?? "anonymous";
            var outcome = await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<ISubmissionQuotaGrain>(user)
                .Take(settings.SubmissionsPerSecond, settings.SubmissionBurst);
            if (outcome.Taken)
                return await next(context);
            var seconds = Math.Max(1, (int)Math.Ceiling(outcome.RetryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return Problems.Status(StatusCodes.Status429TooManyRequests, "submissions",
                $"at most {settings.SubmissionsPerSecond} per second per user (bursts of {settings.SubmissionBurst}) over all nodes: retry after {seconds} s");
        });
}

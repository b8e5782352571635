using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using TuyenGiao.Api.Http;

namespace TuyenGiao.Api.Security;

/// <summary>
/// Submissions are limited per user (the token's subject), with a token bucket: a burst, then a steady rate. A
/// refusal is a 429 with Retry-After, so a well-behaved client slows down instead of failing.
/// </summary>
public static class SubmissionRateLimit
{
    public const string Policy = "submissions";

    /// <summary>The "RateLimits" section.</summary>
    public sealed class Settings
    {
        public const string Section = "RateLimits";

        /// <summary>Submissions per second per user, steady state.</summary>
        public int SubmissionsPerSecond { get; set; } = 50;

        /// <summary>How many a user may send at once before the steady rate applies.</summary>
        public int SubmissionBurst { get; set; } = 100;
    }

    public static IServiceCollection AddSubmissionRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(Settings.Section).Get<Settings>() ?? new Settings();
        if (settings.SubmissionsPerSecond < 1 || settings.SubmissionBurst < 1)
            throw new InvalidOperationException("RateLimits:SubmissionsPerSecond and RateLimits:SubmissionBurst must be at least 1.");

        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await Problems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "submissions",
                    $"at most {settings.SubmissionsPerSecond} per second per user (bursts of {settings.SubmissionBurst}): retry after {seconds} s");
            };
            o.AddPolicy(Policy, http => RateLimitPartition.GetTokenBucketLimiter(
                http.User.FindFirst(TokenClaims.Subject)?.Value ?? "anonymous",
                _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = settings.SubmissionBurst,
                    TokensPerPeriod = settings.SubmissionsPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
        });
    }
}

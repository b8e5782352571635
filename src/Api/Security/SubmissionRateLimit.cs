using System.Globalization;
using TuyenGiao.Access;
using TuyenGiao.Api.Http;

namespace TuyenGiao.Api.Security;

/// <summary>
/// Submissions are limited per user (the token's or session's subject), with a token bucket: a burst, then a steady
/// rate. The buckets live in the cluster's rate-limit shards (<see cref="IRateLimitShardGrain"/>), so the limit holds across
/// every node of the cluster, not once per node. A refusal is a 429 with Retry-After, so a well-behaved client slows down instead of failing.
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

        /// <summary>
        /// Online quiz requests (registering, starting, submitting) per second from one network address, steady state.
        /// Generous: a school's computer room or a ward's office reaches the system from one address.
        /// </summary>
        public int QuizPerAddressPerSecond { get; set; } = 20;

        public int QuizAddressBurst { get; set; } = 200;

        /// <summary>Online quiz requests per second by one person (one phone number in one quiz), steady state.</summary>
        public int QuizPerPersonPerSecond { get; set; } = 1;

        public int QuizPersonBurst { get; set; } = 10;
    }

    /// <summary>Marks an endpoint as limited (and documents its 429).</summary>
    public sealed class Limited;

    public static IServiceCollection AddSubmissionRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(Settings.Section).Get<Settings>() ?? new Settings();
        if (new[] { settings.SubmissionsPerSecond, settings.SubmissionBurst, settings.QuizPerAddressPerSecond, settings.QuizAddressBurst,
                settings.QuizPerPersonPerSecond, settings.QuizPersonBurst }.Any(limit => limit < 1))
            throw new InvalidOperationException("Every RateLimits setting (SubmissionsPerSecond, SubmissionBurst, QuizPerAddressPerSecond, QuizAddressBurst, " +
                "QuizPerPersonPerSecond, QuizPersonBurst) must be at least 1.");
        return services.AddSingleton(settings);
    }

    public static RouteHandlerBuilder RequireSubmissionRateLimit(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new Limited()).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var settings = http.RequestServices.GetRequiredService<Settings>();
            var user = http.User.FindFirst(TokenClaims.Subject)?.Value ?? "anonymous";
            return await TakeAsync(http, user, settings.SubmissionsPerSecond, settings.SubmissionBurst, "submissions", "per user")
                ?? await next(context);
        });

    /// <summary>
    /// Takes one request from the cluster-wide bucket with this key: null when taken; otherwise the 429 to answer, with
    /// Retry-After, naming the limit.
    /// </summary>
    /// <param name="per">Whose limit it is, for the reason: "per user", "per address".</param>
    public static async Task<IResult?> TakeAsync(HttpContext http, string bucket, int perSecond, int burst, string field, string per)
    {
        var outcome = await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IRateLimitShardGrain>(RateLimitShards.Of(bucket)).Take(bucket, perSecond, burst);
        if (outcome.Taken)
            return null;
        var seconds = Math.Max(1, (int)Math.Ceiling(outcome.RetryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problems.Status(StatusCodes.Status429TooManyRequests, field,
            $"at most {perSecond} per second {per} (bursts of {burst}) over all nodes: retry after {seconds} s");
    }
}

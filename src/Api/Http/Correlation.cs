using System.Text.RegularExpressions;
using TuyenGiao.Common;

namespace TuyenGiao.Api.Http;

/// <summary>
/// Every request carries a correlation id: the caller's X-Correlation-Id when it is a sane token, otherwise a
/// new one. It is echoed in the response, written to the logs' scope and recorded on every event the request causes.
/// </summary>
public static partial class Correlation
{
    public const string Header = "X-Correlation-Id";
    private const string ItemKey = "tuyengiao.correlation";

    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var supplied = http.Request.Headers[Header].ToString();
        var id = SaneToken().IsMatch(supplied) ? supplied : Guid.CreateVersion7().ToString("N");
        http.Items[ItemKey] = id;
        http.Response.Headers[Header] = id;
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("TuyenGiao.Requests");
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = id }))
            await next(http);
    });

    /// <summary>Who is asking and under which correlation id. Until authentication lands, callers are anonymous.</summary>
    public static CommandContext CommandContext(this HttpContext http) =>
        new(http.User.Identity?.Name ?? "anonymous", http.Items[ItemKey] as string ?? http.TraceIdentifier);

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex SaneToken();
}

using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace TuyenGiao.Silo;

/// <summary>
/// Console logs as one JSON object a line, with their scopes (the request's CorrelationId, and for a command the
/// actor and stream), in UTC: what a log collector indexes. Logging:Console:FormatterName=simple gives the
/// human-readable lines instead.
/// </summary>
public static class NodeLogging
{
    public static ILoggingBuilder AddTuyenGiaoConsole(this ILoggingBuilder logging, IConfiguration configuration)
    {
        // A formatter chosen in configuration wins; JSON is only the default.
        if (!string.IsNullOrEmpty(configuration["Logging:Console:FormatterName"]))
            return logging;
        return logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
            // Vietnamese names stay readable in the log instead of becoming \u escapes; JSON stays valid.
            o.JsonWriterOptions = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        });
    }
}

using Microsoft.Extensions.Logging;
using TuyenGiao.Common;

namespace TuyenGiao.EventStore;

/// <summary>
/// What a grain logs about the commands it decides. Each command runs in a log scope with its correlation id and
/// actor, so a line a grain writes can be matched to the HTTP request (and the events) that caused it.
/// </summary>
internal static partial class CommandLog
{
    public static IDisposable? BeginCommandScope(this ILogger logger, string streamId, CommandContext context) =>
        logger.BeginScope(new Dictionary<string, object>
        {
            ["CorrelationId"] = context.CorrelationId,
            ["Actor"] = context.Actor,
            ["Stream"] = streamId,
        });

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Stream}: {Count} events recorded, stream at version {Version}")]
    public static partial void Recorded(this ILogger logger, string stream, int count, long version);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Stream}: command refused ({Kind}) on {Field}: {Reason}")]
    public static partial void Refused(this ILogger logger, string stream, RejectionKind kind, string field, string reason);
}

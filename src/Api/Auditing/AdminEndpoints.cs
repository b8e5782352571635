using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using TuyenGiao.Api.Security;
using TuyenGiao.Auditing;

namespace TuyenGiao.Api.Auditing;

/// <summary>Maintenance: rebuilding the read models and snapshots from the events and reconciling the live grains with them.</summary>
public static class AdminEndpoints
{
    public static void MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/admin/replay", Run).WithTags("Admin")
            .WithName("ReplayAndReconcile")
            .RequireAuthorization(Policies.Admins)
            .WithSummary("Rebuilds every read model and snapshot from the events and compares each live grain's state with its events. " +
                         "Server-sent events: 'progress' lines as it goes, then one 'report' with every difference. The same as `dotnet run --project src/Silo -- replay`.")
            .Produces<ReplayReport>(StatusCodes.Status200OK, "text/event-stream");
    }

    private static IResult Run(Replay replay, HttpContext http) => TypedResults.ServerSentEvents(Events(replay, http.RequestAborted));

    private static async IAsyncEnumerable<SseItem<object>> Events(Replay replay, [EnumeratorCancellation] CancellationToken ct)
    {
        var progress = Channel.CreateUnbounded<string>();
        var run = Task.Run(async () =>
        {
            try
            {
                return await replay.RunAsync(new Progress(progress.Writer), ct);
            }
            finally
            {
                progress.Writer.TryComplete();
            }
        }, ct);
        await foreach (var line in progress.Reader.ReadAllAsync(ct))
            yield return new SseItem<object>(line, "progress");
        yield return new SseItem<object>(await run, "report");
    }

    /// <summary>Forwards progress as it is reported (System.Progress would post it to the thread pool out of order).</summary>
    private sealed class Progress(ChannelWriter<string> writer) : IProgress<string>
    {
        public void Report(string value) => writer.TryWrite(value);
    }
}

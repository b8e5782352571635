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

    private static IResult Run(Replay replay, HttpContext http) =>
        TypedResults.ServerSentEvents(WithProgress<string, ReplayReport>((progress, ct) => replay.RunAsync(progress, ct), http.RequestAborted));

    /// <summary>Long maintenance work as server-sent events: a 'progress' event for each step it reports, then its 'report'.</summary>
    internal static async IAsyncEnumerable<SseItem<object>> WithProgress<TProgress, TReport>(Func<IProgress<TProgress>, CancellationToken, Task<TReport>> work,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var progress = Channel.CreateUnbounded<TProgress>();
        var run = Task.Run(async () =>
        {
            try
            {
                return await work(new Progress<TProgress>(progress.Writer), ct);
            }
            finally
            {
                progress.Writer.TryComplete();
            }
        }, ct);
        await foreach (var line in progress.Reader.ReadAllAsync(ct))
            yield return new SseItem<object>(line!, "progress");
        yield return new SseItem<object>((await run)!, "report");
    }

    /// <summary>Forwards progress as it is reported (System.Progress would post it to the thread pool out of order).</summary>
    private sealed class Progress<T>(ChannelWriter<T> writer) : IProgress<T>
    {
        public void Report(T value) => writer.TryWrite(value);
    }
}

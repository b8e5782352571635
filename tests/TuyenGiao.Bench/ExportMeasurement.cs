using System.Diagnostics;

namespace TuyenGiao.Bench;

/// <summary>
/// Exports a large stream as NDJSON through the Api and samples the Api process's working set meanwhile: an export
/// that streams stays flat, one that buffers grows with the stream.
/// </summary>
public static class ExportMeasurement
{
    public sealed record Result(long Lines, long Bytes, double Seconds, double EventsPerSecond, long WorkingSetBeforeBytes, long PeakWorkingSetBytes);

    public static async Task<Result> RunAsync(ApiProcess api, string streamId)
    {
        using var http = api.Client(TimeSpan.FromMinutes(30));
        var before = api.WorkingSetBytes;
        var peak = before;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, api.WorkingSetBytes);
                await Task.Delay(100);
            }
        });
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync($"/api/audit/export?stream={Uri.EscapeDataString(streamId)}", HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long lines = 0, bytes = 0;
        for (int read; (read = await body.ReadAsync(buffer)) > 0;)
        {
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }
        var seconds = clock.Elapsed.TotalSeconds;
        await stop.CancelAsync();
        await sampler;
        return new Result(lines, bytes, Math.Round(seconds, 1), Math.Round(lines / seconds), before, peak);
    }
}

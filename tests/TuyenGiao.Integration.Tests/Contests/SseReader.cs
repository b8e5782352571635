using System.Text;
using System.Text.Json;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;

namespace TuyenGiao.Integration.Tests.Contests;

/// <summary>Reads server-sent events off a response stream, as a browser's EventSource would.</summary>
public sealed class SseReader(Stream stream)
{
    private readonly StreamReader _reader = new(stream, Encoding.UTF8);

    public string? LastEventId { get; private set; }

    public Task<ContestTally> NextTally(TimeSpan timeout) => Next<ContestTally>(timeout);

    /// <summary>The next event's data, read as JSON.</summary>
    public async Task<T> Next<T>(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var data = new StringBuilder();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cts.Token) ?? throw new EndOfStreamException("the live stream ended");
            if (line.Length == 0)
            {
                if (data.Length > 0)
                    return JsonSerializer.Deserialize<T>(data.ToString(), HttpAssertions.Json)!;
                continue;
            }
            if (line.StartsWith("data:", StringComparison.Ordinal))
                data.Append(line.AsSpan(5).TrimStart());
            else if (line.StartsWith("id:", StringComparison.Ordinal))
                LastEventId = line[3..].Trim();
        }
    }
}

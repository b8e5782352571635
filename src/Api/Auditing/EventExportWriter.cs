using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TuyenGiao.Auditing;

namespace TuyenGiao.Api.Auditing;

/// <summary>Writes exported events to a response as they are read: NDJSON (one JSON object a line) or CSV (RFC 4180, UTF-8).</summary>
public static class EventExportWriter
{
    private const int FlushEvery = 1_000;

    public static async Task WriteNdjsonAsync(IAsyncEnumerable<ExportedEvent> events, Stream body, CancellationToken ct)
    {
        // Each line is written into one reused buffer, then copied out asynchronously (Kestrel forbids synchronous writes).
        var line = new ArrayBufferWriter<byte>(4_096);
        await using var json = new Utf8JsonWriter(line, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var count = 0;
        await foreach (var e in events.WithCancellation(ct))
        {
            line.ResetWrittenCount();
            json.Reset(line);
            json.WriteStartObject();
            json.WriteNumber("sequence", e.Sequence);
            json.WriteString("streamId", e.StreamId);
            json.WriteNumber("version", e.Version);
            json.WriteString("type", e.Type);
            json.WriteString("recordedAt", e.RecordedAt);
            json.WriteString("actor", e.Actor);
            json.WriteString("correlationId", e.CorrelationId);
            json.WriteString("eventId", e.EventId);
            json.WritePropertyName("data");
            json.WriteRawValue(e.DataJson, skipInputValidation: true);
            json.WriteEndObject();
            json.Flush();
            line.Write("\n"u8);
            await body.WriteAsync(line.WrittenMemory, ct);
            if (++count % FlushEvery == 0)
                await body.FlushAsync(ct);
        }
        await body.FlushAsync(ct);
    }

    public static async Task WriteCsvAsync(IAsyncEnumerable<ExportedEvent> events, Stream body, CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 64 * 1024, leaveOpen: true);
        await writer.WriteAsync("sequence,streamId,version,type,recordedAt,actor,correlationId,eventId,data\r\n");
        var count = 0;
        await foreach (var e in events.WithCancellation(ct))
        {
            await writer.WriteAsync(string.Join(',',
                e.Sequence.ToString(CultureInfo.InvariantCulture), Cell(e.StreamId), e.Version.ToString(CultureInfo.InvariantCulture), Cell(e.Type),
                e.RecordedAt.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture), Cell(e.Actor), Cell(e.CorrelationId),
                e.EventId.ToString(), Cell(e.DataJson)));
            await writer.WriteAsync("\r\n");
            if (++count % FlushEvery == 0)
                await writer.FlushAsync(ct);
        }
        await writer.FlushAsync(ct);
    }

    private static string Cell(string? text) =>
        text is null ? "" : text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"")}\"" : text;
}

using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

using TuyenGiao.Common;

namespace TuyenGiao.EventStore;

/// <summary>
/// One event's link in its stream's hash chain, computed by the writer in the append and stored with the event (Marten's
/// <c>headers</c> column, key <see cref="Header"/>):
/// <c>SHA-256( previous link || canonical JSON [stream id, version, type, data, event id, actor, correlation id, µs since 1970 UTC] )</c>.
/// <para>
/// The canonical JSON is this class's own, not PostgreSQL's jsonb text, so that the writer and the verifier compute it
/// from either side of the store: object keys in ordinal order, no whitespace, strings as parsed, and every number reduced
/// to its digits and exponent ("1.50", "15e-1" and "1.5" are one number, as in jsonb). What the writer serialised and
/// what jsonb hands back hold the same value, so they give the same link; anything that changes a value does not.
/// </para>
/// Events chained before this (<c>audit.event_chain</c>, src/Silo/Schema/integrity.sql) keep PostgreSQL's link; a
/// stream may start with those and go on with these.
/// </summary>
public static class EventLink
{
    /// <summary>The header under which an event's link is stored, as lowercase hex.</summary>
    public const string Header = "link";

    public const int Length = 32;

    private static readonly JsonWriterOptions Canonical = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Compute(ReadOnlySpan<byte> previous, string streamId, long version, string type, string dataJson, Guid eventId,
        string? actor, string? correlationId, DateTimeOffset recordedAt)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        buffer.Write(previous);
        using (var writer = new Utf8JsonWriter(buffer, Canonical))
        {
            writer.WriteStartArray();
            writer.WriteStringValue(streamId);
            writer.WriteNumberValue(version);
            writer.WriteStringValue(type);
            using (var data = JsonDocument.Parse(dataJson))
                WriteCanonical(writer, data.RootElement);
            writer.WriteStringValue(eventId.ToString("D"));
            WriteNullable(writer, actor);
            WriteNullable(writer, correlationId);
            writer.WriteNumberValue(MicrosecondsSinceEpoch(recordedAt));
            writer.WriteEndArray();
        }
        return SHA256.HashData(buffer.WrittenSpan);
    }

    /// <summary>PostgreSQL keeps microseconds: a time is linked, and stored, at that precision (truncated, as Npgsql sends it).</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset at)
    {
        var utc = at.UtcTicks;
        return new DateTimeOffset(utc - utc % TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
    }

    public static string ToHex(byte[] link) => Convert.ToHexStringLower(link);

    /// <summary>The stored header's link, or null when it is not a link at all (so that verify reports it, never throws).</summary>
    public static byte[]? FromHex(string? hex) => Sha256Hex.Parse(hex);

    private static long MicrosecondsSinceEpoch(DateTimeOffset at) =>
        (ToStoredPrecision(at).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    private static void WriteNullable(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
            writer.WriteNullValue();
        else
            writer.WriteStringValue(value);
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = element.EnumerateObject().ToArray();
                Array.Sort(properties, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
                writer.WriteStartObject();
                foreach (var property in properties)
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                    WriteCanonical(writer, item);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(CanonicalNumber(element.GetRawText()));
                break;
            case JsonValueKind.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonValueKind.False:
                writer.WriteBooleanValue(false);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>
    /// A JSON number as its significant digits and exponent: "-0.0150" is "-15e-3", "100" is "1e2", every zero is "0".
    /// Exact (no floating point), and the same for every way of writing one value.
    /// </summary>
    public static string CanonicalNumber(string literal)
    {
        var negative = literal.StartsWith('-');
        var body = negative ? literal[1..] : literal;
        var e = body.IndexOfAny(['e', 'E']);
        // Stryker disable Equality: a JSON number starts with a digit, so neither 'e' nor '.' is ever at 0 (< 0 and <= 0 agree).
        var mantissa = e < 0 ? body : body[..e];
        var exponent = e < 0 ? 0L : long.Parse(body[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        var digits = point < 0 ? mantissa : string.Concat(mantissa.AsSpan(0, point), mantissa.AsSpan(point + 1));
        if (point >= 0)
            exponent -= mantissa.Length - point - 1;
        // Stryker restore Equality
        digits = digits.TrimStart('0');
        if (digits.Length == 0)
            return "0";
        var significant = digits.TrimEnd('0');
        exponent += digits.Length - significant.Length;
        return (negative ? "-" : "") + significant + (exponent == 0 ? "" : "e" + exponent.ToString(CultureInfo.InvariantCulture));
    }
}

using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace TuyenGiao.PersonalData;

/// <summary>
/// The data keys one read needs, unwrapped: opens the sealed texts of that read (plain texts pass as they are), and
/// remembers whose texts it opened, for the access log.
/// </summary>
public sealed class Revealed(IReadOnlyDictionary<DataKeyRef, byte[]?> keys)
{
    private static readonly JsonWriterOptions Writing = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly HashSet<long> _people = [];

    /// <summary>The people whose texts this read opened (not those it found erased).</summary>
    public IReadOnlyCollection<long> People => _people;

    /// <summary>The text itself, opened when sealed; <see cref="SealedText.Erased"/> when its key is gone.</summary>
    public string? Text(string? text)
    {
        if (!SealedText.TryKey(text, out var key))
            return text;
        if (!keys.TryGetValue(key, out var dataKey) || dataKey is null || SealedText.Open(text, key, dataKey) is not { } plain)
            return SealedText.Erased;
        _people.Add(key.Person);
        return plain;
    }

    /// <summary>The JSON with every sealed string in it opened (the rest written back as it was).</summary>
    public string Json(string json)
    {
        if (!json.Contains(SealedText.Marker))
            return json;
        using var document = JsonDocument.Parse(json);
        var buffer = new ArrayBufferWriter<byte>(json.Length + 64);
        using (var writer = new Utf8JsonWriter(buffer, Writing))
            Write(writer, document.RootElement);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The sealed strings anywhere in the JSON, so that one read can fetch all the keys of a page of events.</summary>
    public static IEnumerable<string> SealedIn(string json)
    {
        if (!json.Contains(SealedText.Marker))
            return [];
        using var document = JsonDocument.Parse(json);
        var found = new List<string>();
        Collect(document.RootElement, found);
        return found;
    }

    private static void Collect(JsonElement element, List<string> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Collect(property.Value, found);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Collect(item, found);
                break;
            case JsonValueKind.String when element.GetString() is { } text && SealedText.IsSealed(text):
                found.Add(text);
                break;
        }
    }

    private void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                    Write(writer, item);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(Text(element.GetString()));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace TuyenGiao.EventStore;

/// <summary>
/// When PostgreSQL refuses an event's payload as data (SQLSTATE class 22), names the field that caused it, so the
/// caller is told what to change instead of getting a 500. The input guard at the edge refuses such text first; this
/// covers a path that skipped it (a grain called from inside the cluster, a field the guard does not know yet).
/// </summary>
public static class UnstorableText
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>The camelCase path of the first string in <paramref name="data"/> that jsonb cannot hold (U+0000), or null.</summary>
    public static string? FindField(object data)
    {
        JsonNode? node;
        try
        {
            node = JsonSerializer.SerializeToNode(data, data.GetType(), Options);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return null;
        }
        return Find(node, "");
    }

    private static string? Find(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.Select(p => Find(p.Value, path.Length == 0 ? p.Key : $"{path}.{p.Key}")).FirstOrDefault(f => f is not null),
        JsonArray a => a.Select((item, i) => Find(item, $"{path}[{i}]")).FirstOrDefault(f => f is not null),
        JsonValue v when v.TryGetValue<string>(out var text) && text.Contains('\0') => path,
        _ => null,
    };
}

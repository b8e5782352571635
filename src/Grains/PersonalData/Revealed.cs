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
    private static readonly JavaScriptEncoder Relaxed = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

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

    /// <summary>
    /// The JSON with every sealed string in it opened, the rest left as it was, character for character. A sealed text is
    /// always a whole string value and holds only base64url and a digit or a dot, so it is found by its marker up to the
    /// closing quote without parsing the document: PostgreSQL writes jsonb's strings unescaped but for quotes,
    /// backslashes and control characters (a marker written as an escape would stay sealed: never shown in plain, only
    /// not opened).
    /// </summary>
    public string Json(string json)
    {
        var at = json.IndexOf(SealedText.Marker);
        // Stryker disable once Equality : JSON never starts with the marker (at 0), so < 0 and <= 0 agree.
        if (at < 0)
            return json;
        var opened = new StringBuilder(json.Length);
        var from = 0;
        foreach (var (start, end) in Tokens(json, at))
        {
            opened.Append(json, from, start - from);
            var token = json[start..end];
            var text = Text(token)!;
            opened.Append(ReferenceEquals(text, token) ? token : JsonEncodedText.Encode(text, Relaxed).Value);
            from = end;
        }
        return opened.Append(json, from, json.Length - from).ToString();
    }

    /// <summary>The sealed strings anywhere in the JSON, so that one read can fetch all the keys of a page of events.</summary>
    public static IEnumerable<string> SealedIn(string json) =>
        Tokens(json, json.IndexOf(SealedText.Marker)).Select(t => json[t.Start..t.End]).ToList();

    /// <summary>Where each sealed string value is: from its marker (just after an opening quote) to its closing quote.</summary>
    private static IEnumerable<(int Start, int End)> Tokens(string json, int at)
    {
        // Stryker disable Equality,Logical : JSON never starts with the marker (at 0), and a closing quote found is after it (end > 0).
        while (at >= 0)
        {
            var end = json.IndexOf('"', at);
            if (end < 0)
                yield break;
            if (at > 0 && json[at - 1] == '"')
                yield return (at, end);
            at = json.IndexOf(SealedText.Marker, end);
        }
        // Stryker restore Equality,Logical
    }
}

using System.Buffers.Text;
using System.Text;

namespace TuyenGiao.Common.Listing;

/// <summary>One page of a list, most recent first, and the cursor of the next page (null on the last).</summary>
public sealed record ListingPage<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>
/// Where a page ends: the position (announcement or launch instant, then id) of its last item. Opaque to clients:
/// base64url of that position, so that a client passes it back and never builds one. Positions are unique and never
/// move, so paging never repeats an item nor skips one, whatever is added meanwhile (new items come first, before page one).
/// </summary>
public readonly record struct ListingCursor(long Ticks, string Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{Ticks}.{Id}"));

    public static bool TryDecode(string text, out ListingCursor cursor)
    {
        cursor = default;
        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
            var dot = decoded.IndexOf('.');
            if (dot <= 0 || !long.TryParse(decoded[..dot], out var ticks) || dot == decoded.Length - 1)
                return false;
            cursor = new ListingCursor(ticks, decoded[(dot + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

/// <summary>
/// The filters of a list, turned into a WHERE clause over a listing document's JSON (Marten's <c>?</c> placeholders),
/// ordered most recent first and cut at the cursor. The search matches the title's <see cref="VietnameseText.SearchKey"/>.
/// </summary>
public sealed class ListingQuery(string ticksMember)
{
    private readonly List<string> _conditions = [];
    private readonly List<object> _parameters = [];

    public ListingQuery Where(string condition, params object[] parameters)
    {
        _conditions.Add(condition);
        _parameters.AddRange(parameters);
        return this;
    }

    public ListingQuery InCodes(string member, IReadOnlyList<string>? codes) =>
        // One parameter, the array: passed alone, a string[] would be taken as the params array itself.
        codes is null ? this : Where($"d.data->>'{member}' = ANY(?)", [codes.ToArray()]);

    public ListingQuery Search(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return this;
        // LIKE's own wildcards in the search text are literal characters, not patterns.
        var key = VietnameseText.SearchKey(text).Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
        return Where("d.data->>'searchKey' LIKE ?", $"%{key}%");
    }

    public ListingQuery After(ListingCursor? cursor) =>
        cursor is { } c ? Where($"((d.data->>'{ticksMember}')::bigint, d.id) < (?, ?)", c.Ticks, c.Id) : this;

    /// <summary>The SQL for Marten's QueryAsync (one more row than the page, to know whether another follows) and its parameters.</summary>
    public (string Sql, object[] Parameters) Page(int size)
    {
        var where = _conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", _conditions);
        return ($"{where} ORDER BY (d.data->>'{ticksMember}')::bigint DESC, d.id DESC LIMIT ?", [.. _parameters, size + 1]);
    }
}

using System.Buffers.Text;
using System.Text;
using Marten;

namespace TuyenGiao.Common.Listing;

/// <summary>One page of a list, most recent first, and the cursor of the next page (null on the last).</summary>
public sealed record ListingPage<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>
/// Where a page ends: the position (announcement or launch instant, then id) of its last item. Opaque to clients:
/// base64url of that position, so that a client passes it back and never builds one. Positions are unique and never
/// move, so paging never repeats an item nor skips one, whatever is added meanwhile (new items come first, before page one).
/// </summary>
public readonly record struct ListingCursor(DateTimeOffset At, string Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{At.UtcTicks}.{Id}"));

    public static bool TryDecode(string text, out ListingCursor cursor)
    {
        cursor = default;
        try
        {
            var decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
            var dot = decoded.IndexOf('.');
            if (dot <= 0 || !long.TryParse(decoded[..dot], out var ticks) || ticks is < 0 || ticks > DateTimeOffset.MaxValue.UtcTicks
                || dot == decoded.Length - 1)
                return false;
            cursor = new ListingCursor(new DateTimeOffset(ticks, TimeSpan.Zero), decoded[(dot + 1)..]);
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
/// ordered most recent first (by the instant member, then the id) and cut at the cursor. The search matches the title's <see cref="VietnameseText.SearchKey"/>.
/// </summary>
/// <param name="positionOf">Where a listing stands in that order: the cursor of a page that ends with it.</param>
public sealed class ListingQuery<TListing>(string instantMember, Func<TListing, ListingCursor> positionOf) where TListing : class
{
    private readonly List<string> _conditions = [];
    private readonly List<object> _parameters = [];

    public ListingQuery<TListing> Where(string condition, params object[] parameters)
    {
        _conditions.Add(condition);
        _parameters.AddRange(parameters);
        return this;
    }

    public ListingQuery<TListing> InCodes(string member, IReadOnlyList<string>? codes) =>
        // One parameter, the array: passed alone, a string[] would be taken as the params array itself.
        codes is null ? this : Where($"d.data->>'{member}' = ANY(?)", [codes.ToArray()]);

    public ListingQuery<TListing> Search(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return this;
        // LIKE's own wildcards in the search text are literal characters, not patterns.
        var key = VietnameseText.SearchKey(text).Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");
        return Where("d.data->>'searchKey' LIKE ?", $"%{key}%");
    }

    public ListingQuery<TListing> After(ListingCursor? cursor) =>
        cursor is { } c ? Where($"((d.data->>'{instantMember}')::timestamptz, d.id) < (?, ?)", c.At, c.Id) : this;

    /// <summary>One page of the listing documents that pass the filters, read with one more row to know whether another follows.</summary>
    public async Task<ListingPage<TListing>> ReadAsync(IDocumentStore store, int size, CancellationToken ct)
    {
        var where = _conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", _conditions);
        var table = store.Options.Schema.For<TListing>(qualified: true);
        await using var session = store.QuerySession();
        var rows = await session.QueryAsync<TListing>(
            $"SELECT d.data FROM {table} AS d {where} ORDER BY (d.data->>'{instantMember}')::timestamptz DESC, d.id DESC LIMIT ?",
            ct, [.. _parameters, size + 1]);
        var page = rows.Take(size).ToList();
        return new ListingPage<TListing>(page, rows.Count > size ? positionOf(page[^1]).Encode() : null);
    }
}

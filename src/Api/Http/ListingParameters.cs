using TuyenGiao.Committees;
using TuyenGiao.Common.Listing;

namespace TuyenGiao.Api.Http;

/// <summary>What every list endpoint reads the same way: the page size, the cursor, a date range and a committee's subtree.</summary>
public static class ListingParameters
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static int Limit(int? limit, FieldErrors errors)
    {
        if (limit is < 1 or > MaxLimit)
            errors.Add("limit", $"must be between 1 and {MaxLimit}");
        return limit ?? DefaultLimit;
    }

    public static ListingCursor? Cursor(string? after, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(after))
            return null;
        if (ListingCursor.TryDecode(after.Trim(), out var cursor))
            return cursor;
        errors.Add("after", "is not a cursor this API gave: pass back the `next` of the page before");
        return null;
    }

    public static void Period(DateOnly? from, DateOnly? to, FieldErrors errors)
    {
        if (from is not null && to < from)
            errors.Add("to", "must not be before from");
    }

    /// <summary>The committee and everything below it, as organised today; null when no committee was named, empty when it does not exist.</summary>
    public static async Task<IReadOnlyList<string>?> SubtreeAsync(string? committee, CommitteeDirectory directory, CancellationToken ct) =>
        committee is null ? null : (await directory.SubtreeAsync(CommitteeCode.Normalize(committee), ct: ct)).Select(s => s.Committee.Code).ToList();
}

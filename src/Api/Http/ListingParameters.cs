using TuyenGiao.Committees;
using TuyenGiao.Common.Listing;

namespace TuyenGiao.Api.Http;

/// <summary>What every list endpoint reads the same way: the page size, the cursor, a date range and a committee's subtree.</summary>
public static class ListingParameters
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>
    /// The parameters every list reads, checked together so that one answer names every bad one: the committee (which
    /// must exist; its subtree as organised today), the period, the cursor and the page size. A refusal, or the request.
    /// </summary>
    public static async Task<(ListRequest? Request, IResult? Refusal)> ReadAsync(string? committee, DateOnly? from, DateOnly? to, string? after,
        int? limit, CommitteeDirectory directory, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (committee is not null)
            errors.Check(CommitteeCode.Validate("committee", committee));
        if (from is not null && to < from)
            errors.Add("to", "must not be before from");
        if (limit is < 1 or > MaxLimit)
            errors.Add("limit", $"must be between 1 and {MaxLimit}");
        ListingCursor? cursor = null;
        if (!string.IsNullOrWhiteSpace(after))
        {
            if (ListingCursor.TryDecode(after.Trim(), out var decoded))
                cursor = decoded;
            else
                errors.Add("after", "is not a cursor this API gave: pass back the `next` of the page before");
        }
        if (errors.Any)
            return (null, Problems.Invalid(errors.ToDictionary()));
        var committees = await SubtreeAsync(committee, directory, ct);
        if (committees is { Count: 0 })
            return (null, Problems.NotFound("committee", $"no committee with code '{CommitteeCode.Normalize(committee!)}' is registered"));
        return (new ListRequest(committees, cursor, limit ?? DefaultLimit), null);
    }

    /// <summary>The committee and everything below it, as organised today; null when no committee was named, empty when it does not exist.</summary>
    public static async Task<IReadOnlyList<string>?> SubtreeAsync(string? committee, CommitteeDirectory directory, CancellationToken ct) =>
        committee is null ? null : (await directory.SubtreeAsync(CommitteeCode.Normalize(committee), ct: ct)).Select(s => s.Committee.Code).ToList();
}

/// <summary>A list's checked parameters: the committees to keep (null: all), where the page starts, and its size.</summary>
public sealed record ListRequest(IReadOnlyList<string>? Committees, ListingCursor? After, int Limit);

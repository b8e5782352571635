using Marten;
using TuyenGiao.Common.Listing;

namespace TuyenGiao.Campaigns;

/// <summary>What the list of campaigns is asked for. Null members do not filter; <c>LauncherCodes</c> is also what the caller may see.</summary>
public sealed record CampaignListQuery(
    IReadOnlyList<string>? LauncherCodes, bool? Closed, CampaignKind? Kind, DateOnly? From, DateOnly? To, string? Search, ListingCursor? After, int Limit);

/// <summary>Pages of the campaign list, from the listing documents.</summary>
public sealed class CampaignListings(IDocumentStore store)
{
    public Task<ListingPage<CampaignListing>> PageAsync(CampaignListQuery query, CancellationToken ct = default)
    {
        var filter = new ListingQuery<CampaignListing>("launchedAt", l => new ListingCursor(l.LaunchedAt, l.Id)).InCodes("launcherCode", query.LauncherCodes).Search(query.Search).After(query.After);
        if (query.Kind is { } kind)
            filter.Where("d.data->>'kind' = ?", kind.ToString());
        if (query.Closed is { } closed)
            filter.Where("(d.data->>'closed')::boolean = ?", closed);
        if (query.From is { } from)
            filter.Where("(d.data->>'periodEnd')::date >= ?", from);
        if (query.To is { } to)
            filter.Where("(d.data->>'periodStart')::date <= ?", to);

        return filter.ReadAsync(store, query.Limit, ct);
    }
}

using Marten;
using TuyenGiao.Common.Listing;

namespace TuyenGiao.Campaigns;

/// <summary>What the list of campaigns is asked for. Null members do not filter; <c>LauncherCodes</c> is also what the caller may see.</summary>
public sealed record CampaignListQuery(
    IReadOnlyList<string>? LauncherCodes, bool? Closed, CampaignKind? Kind, DateOnly? From, DateOnly? To, string? Search, ListingCursor? After, int Limit);

/// <summary>Pages of the campaign list, from the listing documents.</summary>
public sealed class CampaignListings(IDocumentStore store)
{
    public async Task<ListingPage<CampaignListing>> PageAsync(CampaignListQuery query, CancellationToken ct = default)
    {
        var filter = new ListingQuery("launchedTicks").InCodes("launcherCode", query.LauncherCodes).Search(query.Search).After(query.After);
        if (query.Kind is { } kind)
            filter.Where("d.data->>'kind' = ?", kind.ToString());
        if (query.Closed is { } closed)
            filter.Where("(d.data->>'closed')::boolean = ?", closed);
        if (query.From is { } from)
            filter.Where("(d.data->>'periodEnd')::date >= ?", from);
        if (query.To is { } to)
            filter.Where("(d.data->>'periodStart')::date <= ?", to);

        var (where, parameters) = filter.Page(query.Limit);
        var table = store.Options.Schema.For<CampaignListing>(qualified: true);
        await using var session = store.QuerySession();
        var rows = await session.QueryAsync<CampaignListing>($"SELECT d.data FROM {table} AS d {where}", ct, parameters);
        var page = rows.Take(query.Limit).ToList();
        var next = rows.Count > query.Limit ? new ListingCursor(page[^1].LaunchedTicks, page[^1].Id).Encode() : null;
        return new ListingPage<CampaignListing>(page, next);
    }
}

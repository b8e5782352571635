using JasperFx.Events;
using Marten;
using Marten.Events;
using Marten.Events.Aggregation;
using Microsoft.Extensions.Logging;
using TuyenGiao.Campaigns;
using TuyenGiao.Contests;

namespace TuyenGiao.Silo;

/// <summary>
/// The listing documents of contests and campaigns are kept inline from the day they exist; a database that held
/// contests or campaigns before gets theirs once, at start-up, from the lifecycle events alone (a few per contest, never
/// its entries), folded with the projections' own Evolve. It runs when a listing is empty while its events exist, so a
/// start that stopped half-way fills it at the next one.
/// </summary>
public static class ListingsFill
{
    public static async Task RunAsync(IDocumentStore store, ILogger logger, CancellationToken ct)
    {
        var contests = await FillAsync(store, new ContestListingProjection(), ContestListingProjection.EventTypes, Contest.StreamIdFor(""), ct);
        var campaigns = await FillAsync(store, new CampaignListingProjection(), CampaignListingProjection.EventTypes, Campaign.StreamIdFor(""), ct);
        if (contests + campaigns > 0)
            logger.LogInformation("Listings filled from the stored events: {Contests} contests, {Campaigns} campaigns", contests, campaigns);
    }

    private static async Task<int> FillAsync<TListing>(IDocumentStore store, SingleStreamProjection<TListing, string> projection, Type[] eventTypes,
        string streamPrefix, CancellationToken ct) where TListing : class
    {
        await using var session = store.LightweightSession();
        if (await session.Query<TListing>().AnyAsync(ct))
            return 0;
        // The streams table has a row per stream, not per event: asking it first keeps a database with no stream of this
        // kind (campaigns but no contest yet) from reading every event at each start.
        const string streams = $"{TuyenGiao.EventStore.MartenSetup.Schema}.mt_streams";
        if (!(await session.QueryAsync<bool>($"SELECT EXISTS (SELECT 1 FROM {streams} WHERE id LIKE ?)", ct, streamPrefix + "%")).Single())
            return 0;
        var events = await session.Events.QueryAllRawEvents().Where(e => e.EventTypesAre(eventTypes)).OrderBy(e => e.Sequence).ToListAsync(ct);
        var listings = new Dictionary<string, TListing?>(StringComparer.Ordinal);
        foreach (var e in events)
            listings[e.StreamKey!] = projection.Evolve(listings.GetValueOrDefault(e.StreamKey!), e.StreamKey!, e);
        var filled = listings.Values.OfType<TListing>().ToList();
        if (filled.Count == 0)
            return 0;
        session.Store<TListing>(filled);
        await session.SaveChangesAsync(ct);
        return filled.Count;
    }
}

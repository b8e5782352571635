using JasperFx.Events;
using Marten;
using Marten.Events;
using Microsoft.Extensions.Logging;
using TuyenGiao.Campaigns;
using TuyenGiao.Contests;

namespace TuyenGiao.Silo;

/// <summary>
/// The listing documents of contests and campaigns, and the judges' panel seats, are kept inline from the day they
/// exist; a database that held contests or campaigns before gets theirs once, at start-up, from the lifecycle and
/// panel events alone (a few per contest, never its entries), folded with the projections' own Evolve. It runs when a
/// listing is empty while its events exist, so a start that stopped half-way fills it at the next one.
/// </summary>
public static class ListingsFill
{
    public static async Task RunAsync(IDocumentStore store, ILogger logger, CancellationToken ct)
    {
        var contestListings = new ContestListingProjection();
        var contests = await FillAsync<ContestListing>(store, contestListings.Evolve, e => e.StreamKey!, ContestListingProjection.EventTypes,
            Contest.StreamIdFor(""), ct);
        var campaignListings = new CampaignListingProjection();
        var campaigns = await FillAsync<CampaignListing>(store, campaignListings.Evolve, e => e.StreamKey!, CampaignListingProjection.EventTypes,
            Campaign.StreamIdFor(""), ct);
        var panelSeats = new PanelSeatProjection();
        var seats = await FillAsync<PanelSeat>(store, panelSeats.Evolve, e => PanelSeatProjection.SeatOf((JudgeAssigned)e.Data),
            PanelSeatProjection.EventTypes, Contest.StreamIdFor(""), ct);
        if (contests + campaigns + seats > 0)
            logger.LogInformation("Listings filled from the stored events: {Contests} contests, {Campaigns} campaigns, {Seats} judges' panel seats",
                contests, campaigns, seats);
    }

    /// <param name="evolve">The projection's own fold.</param>
    /// <param name="documentOf">The document an event goes to: its stream for a listing, the projection's identity for the others.</param>
    private static async Task<int> FillAsync<TListing>(IDocumentStore store, Func<TListing?, string, IEvent, TListing?> evolve, Func<IEvent, string> documentOf,
        Type[] eventTypes, string streamPrefix, CancellationToken ct) where TListing : class
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
        {
            var id = documentOf(e);
            listings[id] = evolve(listings.GetValueOrDefault(id), id, e);
        }
        var filled = listings.Values.OfType<TListing>().ToList();
        if (filled.Count == 0)
            return 0;
        session.Store<TListing>(filled);
        await session.SaveChangesAsync(ct);
        return filled.Count;
    }
}

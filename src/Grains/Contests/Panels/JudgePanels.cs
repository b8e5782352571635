using Marten;

namespace TuyenGiao.Contests;

/// <summary>A contest whose panel a judge sits on, as their list of panels shows it.</summary>
public sealed record JudgePanel(ContestListing Listing, ContestPhase Phase, DateTimeOffset AssignedAt);

/// <summary>
/// The contests a judge sits on the panel of, newest announcement first: their seats by the judge's index, then the
/// contests' listing documents by key. Never a grain load, never a scan of events.
/// </summary>
public sealed class JudgePanels(IDocumentStore store, TimeProvider time)
{
    public async Task<IReadOnlyList<JudgePanel>> OfAsync(string judgeId, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var seats = await session.Query<PanelSeat>().Where(s => s.JudgeId == judgeId).ToListAsync(ct);
        if (seats.Count == 0)
            return [];
        var listings = (await session.LoadManyAsync<ContestListing>(ct, seats.Select(s => Contest.StreamIdFor(s.ContestId))))
            .ToDictionary(l => l.ContestId, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        return seats
            .Where(s => listings.ContainsKey(s.ContestId))
            .Select(s => new JudgePanel(listings[s.ContestId], ContestListings.PhaseOf(listings[s.ContestId], now), s.AssignedAt))
            .OrderByDescending(p => p.Listing.AnnouncedAt).ThenBy(p => p.Listing.ContestId, StringComparer.Ordinal)
            .ToList();
    }
}

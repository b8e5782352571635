using Marten;
using Npgsql;
using TuyenGiao.Common;
using TuyenGiao.Common.Listing;

namespace TuyenGiao.Contests;

/// <summary>Where a contest stands for the list, at a moment: computed from its window, never stored.</summary>
public enum ContestPhase
{
    Upcoming,
    Open,
    Closed,
    ResultsPublished,
    Cancelled,
}

/// <summary>What the list of contests is asked for. Null members do not filter.</summary>
public sealed record ContestListQuery(
    IReadOnlyList<string>? OrganiserCodes, ContestPhase? Phase, ContestKind? Kind, DateOnly? From, DateOnly? To, string? Search,
    ListingCursor? After, int Limit);

/// <summary>A contest in the list, with its active entries (accepted, not withdrawn nor disqualified) against its target.</summary>
public sealed record ContestListItem(ContestListing Listing, ContestPhase Phase, long Entries);

/// <summary>
/// Pages of the contest list, from the listing documents; each page's entry counts from the entries' read model by its
/// keys (the highest entry number, entry numbers being dense, less the entries that ended): never by loading a grain.
/// </summary>
public sealed class ContestListings(IDocumentStore store, NpgsqlDataSource database, TimeProvider time)
{
    private const string EntriesSql = $"""
        SELECT c.id,
               coalesce((SELECT max(e.entry_number) FROM {ContestEntryProjection.QualifiedName} e WHERE e.contest_id = c.id), 0)
             - (SELECT count(*) FROM {ContestEntryProjection.QualifiedName} e WHERE e.contest_id = c.id AND e.status <> 'Accepted')
        FROM unnest($1::text[]) AS c(id)
        """;

    /// <summary>The contests whose entrants' personal data is due for erasure now (see <see cref="ContestListing.RetentionDue"/>).</summary>
    public async Task<IReadOnlyList<ContestListing>> RetentionDueAsync(CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var published = await session.Query<ContestListing>().Where(l => l.ResultsPublished).ToListAsync(ct);
        var now = time.GetUtcNow();
        return [.. published.Where(l => l.RetentionDue(now))];
    }

    public async Task<ContestListing?> FindAsync(string contestId, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<ContestListing>(Contest.StreamIdFor(contestId), ct);
    }

    public async Task<ListingPage<ContestListItem>> PageAsync(ContestListQuery query, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var filter = new ListingQuery<ContestListing>("announcedAt", l => new ListingCursor(l.AnnouncedAt, l.Id)).InCodes("organiserCode", query.OrganiserCodes).Search(query.Search).After(query.After);
        if (query.Kind is { } kind)
            filter.Where("d.data->>'kind' = ?", kind.ToString());
        if (query.From is { } from)
            filter.Where("(d.data->>'closesAt')::timestamptz > ?", VietnamTime.StartOf(from).ToUniversalTime());
        if (query.To is { } to)
            filter.Where("(d.data->>'opensAt')::timestamptz < ?", VietnamTime.StartOf(to.AddDays(1)).ToUniversalTime());
        var cancelled = "(d.data->>'cancelled')::boolean";
        var published = "(d.data->>'resultsPublished')::boolean";
        switch (query.Phase)
        {
            case ContestPhase.Cancelled: filter.Where(cancelled); break;
            case ContestPhase.ResultsPublished: filter.Where($"NOT {cancelled} AND {published}"); break;
            case ContestPhase.Upcoming: filter.Where($"NOT {cancelled} AND (d.data->>'opensAt')::timestamptz > ?", now); break;
            case ContestPhase.Open:
                filter.Where($"NOT {cancelled} AND (d.data->>'opensAt')::timestamptz <= ? AND (d.data->>'closesAt')::timestamptz > ?", now, now); break;
            case ContestPhase.Closed: filter.Where($"NOT {cancelled} AND NOT {published} AND (d.data->>'closesAt')::timestamptz <= ?", now); break;
        }

        var page = await filter.ReadAsync(store, query.Limit, ct);
        var entries = await EntriesAsync(page.Items.Select(l => l.ContestId).ToArray(), ct);
        return new ListingPage<ContestListItem>(
            page.Items.Select(l => new ContestListItem(l, PhaseOf(l, now), entries.GetValueOrDefault(l.ContestId))).ToList(), page.Next);
    }

    public static ContestPhase PhaseOf(ContestListing listing, DateTimeOffset now) => listing switch
    {
        { Cancelled: true } => ContestPhase.Cancelled,
        { ResultsPublished: true } => ContestPhase.ResultsPublished,
        _ when now < listing.OpensAt => ContestPhase.Upcoming,
        _ when now < listing.ClosesAt => ContestPhase.Open,
        _ => ContestPhase.Closed,
    };

    private async Task<Dictionary<string, long>> EntriesAsync(string[] contestIds, CancellationToken ct)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        if (contestIds.Length == 0)
            return counts;
        await using var command = database.CreateCommand(EntriesSql);
        command.Parameters.Add(new NpgsqlParameter { Value = contestIds });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            counts[reader.GetString(0)] = reader.GetInt64(1);
        return counts;
    }
}

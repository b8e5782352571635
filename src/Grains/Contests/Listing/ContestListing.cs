using JasperFx.Events;
using Marten.Events.Aggregation;
using TuyenGiao.Common;

namespace TuyenGiao.Contests;

/// <summary>
/// A contest as the list of contests shows and filters it: what it is, who organises it, its window and target, and
/// whether it was cancelled or its results published. Entry counts are not kept here (they are read from the entries'
/// read model when a page is shown), so that submissions never write this document.
/// </summary>
/// <param name="Id">The stream's id (contest/ID): Marten keys the document by it.</param>
public sealed record ContestListing(
    string Id,
    string ContestId,
    string OrganiserCode,
    ContestKind Kind,
    string Title,
    string SearchKey,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int Target,
    bool Cancelled,
    bool ResultsPublished,
    DateTimeOffset AnnouncedAt,
    DateTimeOffset? PublishedAt = null,
    int? PersonalDataRetentionMonths = null,
    DateTimeOffset? EntrantsPersonalDataErasedAt = null)
{
    /// <summary>
    /// Whether the retention job should ask the contest now: its retention has run out, or the listing predates the time
    /// of publication being kept (the contest itself then decides).
    /// </summary>
    public bool RetentionDue(DateTimeOffset now) =>
        ResultsPublished && !Cancelled && EntrantsPersonalDataErasedAt is null && PersonalDataRetentionMonths is { } months
        && (PublishedAt is not { } published || ContestDecisions.RetentionEnds(published, months) <= now);
}

/// <summary>
/// Keeps one <see cref="ContestListing"/> per contest in the append's transaction. It handles only a contest's
/// lifecycle events: the entry events, thousands a second, do not touch it.
/// </summary>
public sealed class ContestListingProjection : SingleStreamProjection<ContestListing, string>
{
    public static readonly Type[] EventTypes = [typeof(ContestAnnounced), typeof(ContestAmended), typeof(ContestCancelled), typeof(ResultsPublished),
        typeof(EntrantsPersonalDataErased)];

    public ContestListingProjection()
    {
        foreach (var type in EventTypes)
            // Stryker disable once Statement : Marten's plumbing, which the listing's HTTP tests cover (the domain tests run no store).
            IncludeType(type);
    }

    public override ContestListing? Evolve(ContestListing? listing, string id, IEvent e) => e.Data switch
    {
        ContestAnnounced a => new ContestListing(id, a.ContestId, a.OrganiserCode, a.Kind, a.Details.Title, VietnameseText.SearchKey(a.Details.Title),
            a.Details.OpensAt, a.Details.ClosesAt, a.Details.Target, false, false, e.Timestamp, null, a.Details.PersonalDataRetentionMonths),
        ContestAmended m when listing is not null => listing with
        {
            Title = m.Details.Title, SearchKey = VietnameseText.SearchKey(m.Details.Title),
            OpensAt = m.Details.OpensAt, ClosesAt = m.Details.ClosesAt, Target = m.Details.Target,
            PersonalDataRetentionMonths = m.Details.PersonalDataRetentionMonths,
        },
        ContestCancelled when listing is not null => listing with { Cancelled = true },
        ResultsPublished p when listing is not null => listing with { ResultsPublished = true, PublishedAt = p.PublishedAt },
        EntrantsPersonalDataErased x when listing is not null => listing with { EntrantsPersonalDataErasedAt = x.ErasedAt },
        _ => listing,
    };
}

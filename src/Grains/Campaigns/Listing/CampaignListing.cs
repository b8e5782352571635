using JasperFx.Events;
using Marten.Events.Aggregation;
using TuyenGiao.Common;

namespace TuyenGiao.Campaigns;

/// <summary>A campaign as the list of campaigns shows and filters it.</summary>
/// <param name="Id">The stream's id (campaign/ID): Marten keys the document by it.</param>
public sealed record CampaignListing(
    string Id,
    string CampaignId,
    string LauncherCode,
    CampaignKind Kind,
    string Title,
    string SearchKey,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    int Participants,
    bool Closed,
    DateTimeOffset LaunchedAt);

/// <summary>Keeps one <see cref="CampaignListing"/> per campaign in the append's transaction; activity reports do not touch it.</summary>
public sealed class CampaignListingProjection : SingleStreamProjection<CampaignListing, string>
{
    public static readonly Type[] EventTypes = [typeof(CampaignLaunched), typeof(CampaignClosed)];

    public CampaignListingProjection()
    {
        foreach (var type in EventTypes)
            IncludeType(type);
    }

    public override CampaignListing? Evolve(CampaignListing? listing, string id, IEvent e) => e.Data switch
    {
        CampaignLaunched l => new CampaignListing(id, l.CampaignId, l.LauncherCode, l.Kind, l.Title, VietnameseText.SearchKey(l.Title),
            l.PeriodStart, l.PeriodEnd, l.Participants.Count, false, e.Timestamp),
        CampaignClosed when listing is not null => listing with { Closed = true },
        _ => listing,
    };
}

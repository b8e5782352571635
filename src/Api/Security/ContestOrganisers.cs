using Microsoft.Extensions.Caching.Memory;
using TuyenGiao.Contests;

namespace TuyenGiao.Api.Security;

/// <summary>
/// Which committee organises a contest, for the access rules. A contest's organiser never changes once announced,
/// so the answer is cached; an id with no contest is not, so a contest announced a moment ago is found.
/// </summary>
public sealed class ContestOrganisers(IGrainFactory grains, IMemoryCache cache)
{
    public async Task<string?> OfAsync(string contestId)
    {
        var key = (nameof(ContestOrganisers), contestId);
        if (cache.TryGetValue(key, out string? cached) && cached is not null)
            return cached;
        var view = await grains.GetGrain<IContestGrain>(contestId).Get();
        if (view is null)
            return null;
        cache.Set(key, view.OrganiserCode, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromHours(1) });
        return view.OrganiserCode;
    }
}

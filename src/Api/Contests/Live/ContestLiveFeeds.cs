using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using TuyenGiao.Contests;

namespace TuyenGiao.Api.Contests.Live;

/// <summary>
/// This Api node's live feeds, one per followed contest. A feed subscribes to its contest grain as an Orleans
/// observer, wherever in the cluster that grain lives, and renews the subscription while anyone follows it.
/// Each SSE event's id is the tally's stream version; every follower starts with the current tally.
/// </summary>
public sealed class ContestLiveFeeds(IGrainFactory grains, ILogger<ContestLiveFeeds> logger) : BackgroundService
{
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(2);

    private readonly ConcurrentDictionary<string, Lazy<Task<Subscription>>> _feeds = new(StringComparer.Ordinal);

    public async IAsyncEnumerable<SseItem<ContestTally>> Follow(string contestId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        ContestLiveFeed feed;
        while (true)
        {
            var (lazy, subscription) = await SubscriptionFor(contestId);
            if (subscription.Feed.TryJoin())
            {
                feed = subscription.Feed;
                break;
            }
            // Retired a moment ago by the renewal loop: forget it (if the loop has not yet) and take a new one.
            _feeds.TryRemove(new KeyValuePair<string, Lazy<Task<Subscription>>>(contestId, lazy));
        }
        try
        {
            await foreach (var tally in feed.Follow(ct))
                yield return new SseItem<ContestTally>(tally, "tally") { EventId = tally.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        }
        finally
        {
            feed.Leave();
        }
    }

    /// <summary>
    /// One subscription per contest, shared by its followers. A subscription that failed (the grain timed out
    /// while activating, say) is forgotten, so that the next follower tries again instead of failing for ever.
    /// </summary>
    private async Task<(Lazy<Task<Subscription>> Lazy, Subscription Subscription)> SubscriptionFor(string contestId)
    {
        var lazy = _feeds.GetOrAdd(contestId, id => new Lazy<Task<Subscription>>(() => Subscribe(id)));
        try
        {
            return (lazy, await lazy.Value);
        }
        catch
        {
            _feeds.TryRemove(new KeyValuePair<string, Lazy<Task<Subscription>>>(contestId, lazy));
            throw;
        }
    }

    private async Task<Subscription> Subscribe(string contestId)
    {
        var grain = grains.GetGrain<IContestGrain>(contestId);
        var feed = new ContestLiveFeed();
        var reference = grains.CreateObjectReference<IContestObserver>(feed);
        await grain.Subscribe(reference);
        // Read after subscribing, so that no change falls between the read and the first push.
        if (await grain.GetTally() is { } tally)
            feed.Publish(tally);
        return new Subscription(grain, feed, reference);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Renewal);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var (contestId, lazy) in _feeds)
            {
                if (!lazy.IsValueCreated || !lazy.Value.IsCompletedSuccessfully)
                    continue;
                var subscription = lazy.Value.Result;
                try
                {
                    if (subscription.Feed.TryRetire(IdleLifetime, DateTimeOffset.UtcNow))
                    {
                        _feeds.TryRemove(new KeyValuePair<string, Lazy<Task<Subscription>>>(contestId, lazy));
                        await subscription.Grain.Unsubscribe(subscription.Reference);
                        continue;
                    }
                    await subscription.Grain.Subscribe(subscription.Reference);
                    // A push may have been lost while the grain moved between silos: catch up.
                    if (await subscription.Grain.GetTally() is { } tally)
                        subscription.Feed.Publish(tally);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not renew the live feed of contest {ContestId}; will retry", contestId);
                }
            }
        }
    }

    private sealed record Subscription(IContestGrain Grain, ContestLiveFeed Feed, IContestObserver Reference);
}

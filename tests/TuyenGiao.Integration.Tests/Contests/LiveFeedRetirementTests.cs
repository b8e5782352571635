using TuyenGiao.Api.Contests.Live;

namespace TuyenGiao.Integration.Tests.Contests;

/// <summary>Joining and retiring a live feed are one decision: a follower never joins a feed that is being removed.</summary>
public class LiveFeedRetirementTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(2);

    [Fact]
    public void Given_an_idle_feed_When_it_is_retired_Then_no_follower_can_join_it_and_it_stays_retired()
    {
        var feed = new ContestLiveFeed();

        Assert.False(feed.TryRetire(Idle, DateTimeOffset.UtcNow), "a feed followed a moment ago is not idle");
        Assert.True(feed.TryRetire(Idle, DateTimeOffset.UtcNow + Idle + TimeSpan.FromSeconds(1)));

        Assert.False(feed.TryJoin());
        Assert.Equal(0, feed.Followers);
        Assert.True(feed.TryRetire(Idle, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void Given_a_follower_that_joined_When_the_renewal_would_retire_the_feed_Then_it_is_kept_until_the_follower_leaves_and_then_idles()
    {
        var feed = new ContestLiveFeed();
        var later = DateTimeOffset.UtcNow + Idle + TimeSpan.FromSeconds(1);

        Assert.True(feed.TryJoin());
        Assert.False(feed.TryRetire(Idle, later));
        feed.Leave();

        Assert.False(feed.TryRetire(Idle, DateTimeOffset.UtcNow), "the follower left just now: the feed is not yet idle");
        Assert.True(feed.TryRetire(Idle, DateTimeOffset.UtcNow + Idle + Idle));
    }

    [Fact]
    public async Task Given_followers_joining_while_the_feed_is_retired_When_they_race_Then_each_either_joined_before_or_was_refused_after()
    {
        for (var round = 0; round < 200; round++)
        {
            var feed = new ContestLiveFeed();
            var far = DateTimeOffset.UtcNow + Idle + Idle;
            var joins = Enumerable.Range(0, 8).Select(_ => Task.Run(feed.TryJoin)).ToList();
            var retired = await Task.Run(() => feed.TryRetire(Idle, far));
            var joined = (await Task.WhenAll(joins)).Count(j => j);

            // Either the feed was retired before anyone joined (and all were refused), or it kept everyone who joined.
            Assert.Equal(joined, feed.Followers);
            Assert.False(retired && joined > 0, $"retired with {joined} followers on it");
        }
    }
}

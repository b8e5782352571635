using TuyenGiao.Access;

namespace TuyenGiao.Domain.Tests.Access;

/// <summary>The submission limit's bucket, as a pure function of the time: a burst, then a steady rate.</summary>
public class TokenBucketTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 12, 2, 0, 0, TimeSpan.Zero);

    private static TokenBucket? TakeMany(int count, TokenBucket? bucket, DateTimeOffset at, int perSecond = 1, int burst = 3)
    {
        for (var i = 0; i < count; i++)
            bucket = TokenBucket.Take(bucket, at, perSecond, burst).Next;
        return bucket;
    }

    [Fact]
    public void Given_a_new_user_When_they_send_a_burst_Then_the_burst_passes_and_the_next_waits_a_second()
    {
        var afterBurst = TakeMany(3, null, Start);

        var fourth = TokenBucket.Take(afterBurst, Start, perSecond: 1, burst: 3);

        Assert.False(fourth.Taken);
        Assert.Equal(TimeSpan.FromSeconds(1), fourth.RetryAfter);
    }

    [Fact]
    public void Given_an_empty_bucket_When_time_passes_Then_it_refills_at_the_rate_and_never_beyond_the_burst()
    {
        var empty = TakeMany(3, null, Start);

        Assert.False(TokenBucket.Take(empty, Start.AddMilliseconds(999), 1, 3).Taken);
        Assert.True(TokenBucket.Take(empty, Start.AddSeconds(1), 1, 3).Taken);
        Assert.Equal(TimeSpan.FromMilliseconds(500), TokenBucket.Take(empty, Start.AddMilliseconds(500), 1, 3).RetryAfter);
        var afterAnHour = TakeMany(3, empty, Start.AddHours(1));
        Assert.False(TokenBucket.Take(afterAnHour, Start.AddHours(1), 1, 3).Taken);
    }

    [Fact]
    public void Given_a_faster_rate_When_refilling_Then_tokens_come_at_that_rate()
    {
        var empty = TakeMany(2, null, Start, perSecond: 10, burst: 2);

        var outcome = TokenBucket.Take(empty, Start.AddMilliseconds(50), 10, 2);

        Assert.False(outcome.Taken);
        Assert.Equal(TimeSpan.FromMilliseconds(50), outcome.RetryAfter);
        Assert.True(TokenBucket.Take(empty, Start.AddMilliseconds(100), 10, 2).Taken);
    }

    [Fact]
    public void Given_a_clock_that_steps_back_When_taking_Then_nothing_is_refilled()
    {
        var empty = TakeMany(3, null, Start);

        Assert.False(TokenBucket.Take(empty, Start.AddSeconds(-10), 1, 3).Taken);
    }
}

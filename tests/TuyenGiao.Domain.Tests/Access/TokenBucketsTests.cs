using TuyenGiao.Access;

namespace TuyenGiao.Domain.Tests.Access;

/// <summary>
/// The buckets one rate-limit shard holds for many keys (millions of quiz participants' addresses and phones): each key's
/// limit as if it had a bucket of its own, and a bucket that has filled up again forgotten, so that memory holds the keys
/// active lately and not everyone ever seen.
/// </summary>
public class TokenBucketsTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 12, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(10);

    [Fact]
    public void Given_two_keys_in_one_shard_When_one_spends_its_burst_Then_the_other_keeps_its_own()
    {
        var buckets = new TokenBuckets(SweepEvery);
        for (var i = 0; i < 3; i++)
            Assert.True(buckets.Take("address:10.0.0.1", Start, perSecond: 1, burst: 3).Taken);

        var fourth = buckets.Take("address:10.0.0.1", Start, perSecond: 1, burst: 3);

        Assert.Equal((false, TimeSpan.FromSeconds(1)), (fourth.Taken, fourth.RetryAfter));
        Assert.True(buckets.Take("address:10.0.0.2", Start, perSecond: 1, burst: 3).Taken);
    }

    [Fact]
    public void Given_buckets_that_filled_up_again_When_the_next_sweep_is_due_Then_they_are_forgotten_and_a_bucket_still_short_is_kept()
    {
        var buckets = new TokenBuckets(SweepEvery);
        for (var i = 0; i < 1_000; i++)
            buckets.Take($"person:{i}", Start, perSecond: 1, burst: 10);
        // Spent down to nothing: 10 s to fill again, and the first sweep is due then.
        for (var i = 0; i < 10; i++)
            buckets.Take("person:busy", Start.AddSeconds(5), perSecond: 1, burst: 10);

        buckets.Take("person:late", Start.AddSeconds(SweepEvery.TotalSeconds - 0.001), perSecond: 1, burst: 10);
        Assert.Equal(1_002, buckets.Count);
        buckets.Take("person:late", Start.Add(SweepEvery), perSecond: 1, burst: 10);

        // Each of the thousand had 9 of 10 tokens and refilled in a second; "busy" is 5 s short, "late" just took one.
        Assert.Equal(2, buckets.Count);
        // Kept: 5 tokens refilled since it spent its burst, one taken now (a forgotten bucket would start full, at 10).
        Assert.Equal(4, buckets.Take("person:busy", Start.Add(SweepEvery), perSecond: 1, burst: 10).Next.Tokens, precision: 6);
    }

    [Fact]
    public void Given_a_forgotten_bucket_When_its_key_comes_back_Then_it_starts_full_as_it_would_have_been()
    {
        var buckets = new TokenBuckets(SweepEvery);
        for (var i = 0; i < 3; i++)
            buckets.Take("address:10.0.0.1", Start, perSecond: 1, burst: 3);
        buckets.Take("address:10.0.0.9", Start.Add(SweepEvery), perSecond: 1, burst: 3);
        Assert.Equal(1, buckets.Count);

        for (var i = 0; i < 3; i++)
            Assert.True(buckets.Take("address:10.0.0.1", Start.Add(SweepEvery), perSecond: 1, burst: 3).Taken);
        Assert.False(buckets.Take("address:10.0.0.1", Start.Add(SweepEvery), perSecond: 1, burst: 3).Taken);
    }

    [Theory]
    [InlineData(2.9, false)]
    [InlineData(3.0, true)]
    public void Given_a_bucket_When_asked_whether_full_Then_only_with_its_whole_burst(double secondsLater, bool full)
    {
        var empty = new TokenBucket(0, Start);

        Assert.Equal(full, empty.IsFullAt(Start.AddSeconds(secondsLater), perSecond: 1, burst: 3));
    }
}

using System.Text;

namespace TuyenGiao.Access;

/// <summary>
/// One of <see cref="RateLimitShards.Count"/> grains that hold the cluster's rate-limit buckets (users' submissions, quiz
/// participants' addresses and phones), each key always in the same shard whichever node asks: the limits hold across
/// the cluster, and millions of keys are a fixed number of activations instead of one each.
/// </summary>
public interface IRateLimitShardGrain : IGrainWithIntegerKey
{
    /// <summary>Takes one request from the bucket of <paramref name="bucket"/>: allowed, or how long to wait.</summary>
    Task<TokenBucket.Outcome> Take(string bucket, int perSecond, int burst);
}

public static class RateLimitShards
{
    public const int Count = 64;

    /// <summary>The shard of a bucket: a hash that every node computes alike (a string's own hash code differs per process).</summary>
    public static long Of(string bucket) => StableHash.ComputeHash(Encoding.UTF8.GetBytes(bucket)) % Count;
}

/// <summary>
/// Holds its buckets in memory only: a rate limit protects the system from a runaway client, it is not a record, and after a
/// failover a shard's buckets start full again (at most one burst more, once).
/// </summary>
public sealed class RateLimitShardGrain(TimeProvider time) : Grain, IRateLimitShardGrain
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(30);
    private readonly TokenBuckets _buckets = new(SweepEvery);

    public Task<TokenBucket.Outcome> Take(string bucket, int perSecond, int burst) => Task.FromResult(_buckets.Take(bucket, time.GetUtcNow(), perSecond, burst));
}

namespace TuyenGiao.Access;

/// <summary>One user's submissions across the whole cluster: one activation per user, whichever node the requests reach.</summary>
public interface ISubmissionQuotaGrain : IGrainWithStringKey
{
    /// <summary>Takes one submission from the user's bucket: allowed, or how long to wait.</summary>
    Task<TokenBucket.Outcome> Take(int perSecond, int burst);
}

/// <summary>
/// Holds the bucket in memory only: a rate limit protects the system from a runaway client, it is not a record, and after a
/// failover the bucket starts full again (at most one burst more, once).
/// </summary>
public sealed class SubmissionQuotaGrain(TimeProvider time) : Grain, ISubmissionQuotaGrain
{
    private TokenBucket? _bucket;

    public Task<TokenBucket.Outcome> Take(int perSecond, int burst)
    {
        var outcome = TokenBucket.Take(_bucket, time.GetUtcNow(), perSecond, burst);
        _bucket = outcome.Next;
        return Task.FromResult(outcome);
    }
}

namespace TuyenGiao.Access;

/// <summary>
/// The token buckets of many keys, as one rate-limit shard holds them: each key limited as if it had a bucket of its own.
/// A bucket that has filled up again answers as one never used, so it is forgotten at the next sweep: what is held is the
/// keys active within the last burst's worth of time, not everyone ever seen (a national quiz sees millions of addresses).
/// </summary>
public sealed class TokenBuckets(TimeSpan sweepEvery)
{
    private readonly Dictionary<string, Held> _held = new(StringComparer.Ordinal);
    private DateTimeOffset _swept = DateTimeOffset.MinValue;

    /// <summary>Buckets held now (not yet full again, or not yet swept).</summary>
    public int Count => _held.Count;

    public TokenBucket.Outcome Take(string key, DateTimeOffset now, int perSecond, int burst)
    {
        if (now - _swept >= sweepEvery)
        {
            ForgetFull(now);
            _swept = now;
        }
        var outcome = TokenBucket.Take(_held.TryGetValue(key, out var held) ? held.Bucket : null, now, perSecond, burst);
        _held[key] = new Held(outcome.Next, perSecond, burst);
        return outcome;
    }

    private void ForgetFull(DateTimeOffset now)
    {
        foreach (var (key, held) in _held)
        {
            if (held.Bucket.IsFullAt(now, held.PerSecond, held.Burst))
                _held.Remove(key);
        }
    }

    /// <summary>A bucket with the limit it was last taken under (the sweep needs its rate and burst).</summary>
    private readonly record struct Held(TokenBucket Bucket, int PerSecond, int Burst);
}

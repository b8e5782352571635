namespace TuyenGiao.Access;

/// <summary>
/// A token bucket, as a pure function of its last state and the time: it holds up to <c>burst</c> tokens, refills at
/// <c>perSecond</c>, and each request takes one; with none left, the answer says how long until there is one.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct TokenBucket([property: Id(0)] double Tokens, [property: Id(1)] DateTimeOffset At)
{
    [GenerateSerializer, Immutable]
    public readonly record struct Outcome([property: Id(0)] bool Taken, [property: Id(1)] TimeSpan RetryAfter, [property: Id(2)] TokenBucket Next);

    /// <param name="bucket">The bucket after the last request; null for a user not seen yet (a full bucket).</param>
    public static Outcome Take(TokenBucket? bucket, DateTimeOffset now, int perSecond, int burst)
    {
        // A clock that steps back refills nothing and takes nothing away.
        var elapsed = bucket is { } last ? Math.Max(0, (now - last.At).TotalSeconds) : 0;
        var tokens = bucket is { } before ? Math.Min(burst, before.Tokens + elapsed * perSecond) : burst;
        return tokens >= 1
            ? new Outcome(true, TimeSpan.Zero, new TokenBucket(tokens - 1, now))
            : new Outcome(false, TimeSpan.FromSeconds((1 - tokens) / perSecond), new TokenBucket(tokens, now));
    }

    /// <summary>Whether it holds its whole burst again by <paramref name="now"/>: then it answers as a bucket never used.</summary>
    public bool IsFullAt(DateTimeOffset now, int perSecond, int burst) => Tokens + Math.Max(0, (now - At).TotalSeconds) * perSecond >= burst;
}

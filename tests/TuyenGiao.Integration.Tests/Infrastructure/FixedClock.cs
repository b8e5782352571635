namespace TuyenGiao.Integration.Tests.Infrastructure;

/// <summary>A clock that says what the test wants it to.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

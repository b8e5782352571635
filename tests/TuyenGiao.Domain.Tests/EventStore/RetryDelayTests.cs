using TuyenGiao.EventStore;

namespace TuyenGiao.Domain.Tests.EventStore;

/// <summary>The pause before each try: doubling from the first delay, capped, with up to a quarter taken off at random.</summary>
public class RetryDelayTests
{
    private static readonly EventStoreOptions Options = new() { FirstRetryDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromSeconds(2) };

    [Theory]
    [InlineData(0, 50)]
    [InlineData(1, 100)]
    [InlineData(3, 400)]
    [InlineData(5, 1_600)]
    [InlineData(6, 2_000)] // 3,200 capped
    [InlineData(40, 2_000)] // far past the cap, no overflow
    public void Given_a_try_When_its_pause_is_drawn_Then_it_is_the_doubled_delay_capped_less_at_most_a_quarter(int attempt, double milliseconds)
    {
        for (var draw = 0; draw < 200; draw++)
        {
            var delay = Options.RetryDelay(attempt).TotalMilliseconds;
            Assert.InRange(delay, milliseconds * 0.75, milliseconds);
        }
    }

    [Fact]
    public void Given_many_draws_When_compared_Then_they_differ_so_that_activations_do_not_retry_in_step() =>
        Assert.True(Enumerable.Range(0, 50).Select(_ => Options.RetryDelay(2)).Distinct().Count() > 10);

    [Fact]
    public void Given_the_defaults_When_every_pause_up_to_the_bound_is_added_Then_a_caller_is_answered_well_within_30_seconds()
    {
        var defaults = new EventStoreOptions();
        var worst = Enumerable.Range(0, defaults.MaxWriteAttempts - 1).Sum(a => defaults.RetryDelay(a).TotalSeconds);
        Assert.InRange(worst, 1, 10);
    }
}

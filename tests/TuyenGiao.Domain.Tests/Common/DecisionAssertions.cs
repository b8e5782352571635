using TuyenGiao.Common;

namespace TuyenGiao.Domain.Tests.Common;

/// <summary>The "then" of a given/when/then test on a pure Decide function.</summary>
internal static class DecisionAssertions
{
    /// <summary>Refused for this reason on this field, and nothing to record.</summary>
    public static Rejection ThenRejected(Decision decision, RejectionKind kind, string field)
    {
        var rejection = Assert.IsType<Rejection>(decision.Rejection);
        Assert.Equal((kind, field), (rejection.Kind, rejection.Field));
        Assert.Empty(decision.Events);
        return rejection;
    }

    /// <summary>Accepted, with one event to record: returned for the test to look into.</summary>
    public static object ThenSingleEvent(Decision decision)
    {
        Assert.Null(decision.Rejection);
        return Assert.Single(decision.Events);
    }

    /// <summary>Accepted, but there is nothing new to record (a retry, or a command that changes nothing).</summary>
    public static void ThenNothing(Decision decision)
    {
        Assert.Null(decision.Rejection);
        Assert.Empty(decision.Events);
    }
}

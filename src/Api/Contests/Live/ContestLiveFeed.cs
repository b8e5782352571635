using TuyenGiao.Api.Live;
using TuyenGiao.Contests;

namespace TuyenGiao.Api.Contests.Live;

/// <summary>
/// The latest tally of one contest on this Api node, as the contest grain pushes it (an Orleans observer), and the SSE
/// clients that follow it: at most one tally per <see cref="MinInterval"/> each.
/// </summary>
public sealed class ContestLiveFeed() : LiveFeed<ContestTally>(tally => tally.Version, MinInterval), IContestObserver
{
    /// <summary>At most 40 tallies a second per follower: fresh within 50 ms of a change with the grain's own gathering (10 ms).</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(25);

    public Task TallyChanged(ContestTally tally)
    {
        Publish(tally);
        return Task.CompletedTask;
    }
}

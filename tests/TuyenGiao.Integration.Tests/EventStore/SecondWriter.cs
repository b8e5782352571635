using TuyenGiao.Contests;
using TuyenGiao.EventStore;

namespace TuyenGiao.Integration.Tests.EventStore;

/// <summary>
/// Another activation of a contest grain, as Orleans may briefly run after a failover: it reads the stream, decides with
/// the same rules and appends with its own expected version, behind the back of the activation under test.
/// </summary>
public static class SecondWriter
{
    public static async Task SubmitAsync(IEventJournal journal, string contestId, SubmitEntry entry, IReadOnlyList<string> committeePath)
    {
        var stream = Contest.StreamIdFor(contestId);
        var loaded = await journal.LoadAsync<Contest>(stream);
        var now = DateTimeOffset.UtcNow;
        var decision = ContestDecisions.Submit(loaded.State!, ContestDecisions.Normalize(entry), committeePath, now);
        Assert.False(decision.IsRejected, decision.Rejection?.Reason);
        await journal.AppendAsync(stream, loaded.Version,
            [new Recorded(decision.FirstEventId ?? Guid.CreateVersion7(now), decision.Events.Single(), "second-activation", "corr-second", now)]);
    }
}

using TuyenGiao.Contests;
using TuyenGiao.EventStore;

namespace TuyenGiao.Integration.Tests.EventStore;

/// <summary>
/// Another activation of a contest grain, as Orleans may briefly run after a failover: it reads the stream, decides with
/// the same rules and appends with its own expected version, behind the back of the activation under test.
/// </summary>
public static class SecondWriter
{
    /// <returns>Whether it stored the entry (false: its own decision refused it, for example over the author limit).</returns>
    public static async Task<bool> SubmitAsync(IEventJournal journal, string contestId, SubmitEntry entry, IReadOnlyList<string> committeePath)
    {
        var stream = Contest.StreamIdFor(contestId);
        var loaded = await journal.LoadAsync<Contest>(stream);
        var now = DateTimeOffset.UtcNow;
        var decision = ContestDecisions.Submit(loaded.State!, ContestDecisions.Normalize(entry), committeePath, now);
        if (decision.IsRejected || decision.Events.Count == 0)
            return false;
        await journal.AppendAsync(stream, loaded.Version,
            [new Recorded(decision.FirstEventId ?? Guid.CreateVersion7(now), decision.Events.Single(), "second-activation", "corr-second", now)]);
        return true;
    }
}

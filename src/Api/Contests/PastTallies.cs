using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using TuyenGiao.Auditing;
using TuyenGiao.Committees.Organisation;
using TuyenGiao.Contests;
using TuyenGiao.EventStore;

namespace TuyenGiao.Api.Contests;

/// <summary>
/// A contest's tally as it stood at a past version or moment, for anyone (the tally is public). Folding a million-event
/// stream takes seconds, so an anonymous caller must not be able to make the node do it per request:
/// <list type="bullet">
/// <item>a version at or after the latest snapshot is folded from that snapshot, not from the first event;</item>
/// <item>a tally once computed is kept (a past version never changes), and the same request arriving while it is being
/// computed waits for that one computation;</item>
/// <item>at most <see cref="ConcurrentFolds"/> folds run at once on a node; a request that cannot start one within
/// <see cref="QueueLimit"/> is a 503 with Retry-After.</item>
/// </list>
/// </summary>
public sealed class PastTallies(IEventJournal journal, ISnapshotStore snapshots, TimeTravel time, OrganisationHistory organisation, IMemoryCache cache,
    TimeProvider clock)
{
    public const int ConcurrentFolds = 2;
    public static readonly TimeSpan QueueLimit = TimeSpan.FromSeconds(10);

    /// <summary>How long a tally of a given version is kept: its "window" line reads the clock, so not for ever.</summary>
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _folds = new(ConcurrentFolds);
    private readonly ConcurrentDictionary<Key, Lazy<Task<ContestTally?>>> _inFlight = new();

    private readonly record struct Key(string StreamId, long Version, DateTimeOffset? AsOf, DateOnly? OrganisedAsOf);

    /// <returns>The tally, or null when the contest was not announced by then.</returns>
    public async Task<ContestTally?> AtAsync(string contestId, long? version, DateTimeOffset? asOf, DateOnly? organisedAsOf, CancellationToken ct)
    {
        var streamId = Contest.StreamIdFor(contestId);
        var target = await time.VersionAsOfAsync(streamId, version, asOf, ct);
        var key = new Key(streamId, target, asOf, organisedAsOf);
        if (cache.TryGetValue(key, out ContestTally? kept))
            return kept;
        // One computation per key at a time; the others wait for its answer (cancelling one waiter cancels nothing else).
        var computation = _inFlight.GetOrAdd(key, k => new Lazy<Task<ContestTally?>>(() => ComputeAsync(k)));
        return await computation.Value.WaitAsync(ct);
    }

    private async Task<ContestTally?> ComputeAsync(Key key)
    {
        try
        {
            return await FoldAndKeepAsync(key);
        }
        finally
        {
            _inFlight.TryRemove(key, out _);
        }
    }

    private async Task<ContestTally?> FoldAndKeepAsync(Key key)
    {
        if (!await _folds.WaitAsync(QueueLimit))
            throw new TimeoutException($"{ConcurrentFolds} past tallies are being computed on this node; try again in a moment");
        try
        {
            var contest = await FoldAsync(key.StreamId, key.Version);
            if (contest is not { Details: not null })
                return null;
            var tally = ContestTallies.Build(contest, key.Version, key.AsOf ?? clock.GetUtcNow());
            if (key.OrganisedAsOf is { } day)
                tally = ContestTallies.AsOrganised(tally, contest, await organisation.ChartAsync(day));
            cache.Set(key, tally, KeptFor);
            return tally;
        }
        finally
        {
            _folds.Release();
        }
    }

    private async Task<Contest?> FoldAsync(string streamId, long version)
    {
        if (version <= 0)
            return null;
        if (await snapshots.LoadAsync<Contest>(streamId) is { } snapshot && snapshot.Version <= version)
            return (await journal.LoadAfterAsync(streamId, snapshot.State, snapshot.Version, upToVersion: version)).State;
        return await journal.LoadAsOfVersionAsync<Contest>(streamId, version);
    }
}

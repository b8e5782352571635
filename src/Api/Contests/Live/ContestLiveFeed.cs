using TuyenGiao.Contests;

namespace TuyenGiao.Api.Contests.Live;

/// <summary>
/// The latest tally of one contest on this Api node, as the contest grain pushes it, and the SSE clients that
/// follow it. Each client gets the tally at once, then every newer one, but never more than one per
/// <see cref="MinInterval"/>: bursts collapse into the latest figures.
/// </summary>
public sealed class ContestLiveFeed : IContestObserver
{
    /// <summary>At most 40 tallies a second per follower: fresh within 50 ms of a change with the grain's own gathering (10 ms).</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(25);

    private readonly Lock _gate = new();
    private ContestTally? _latest;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _followers;
    private bool _retired;
    private DateTimeOffset _lastFollowed = DateTimeOffset.UtcNow;

    public int Followers
    {
        get
        {
            lock (_gate)
                return _followers;
        }
    }

    /// <summary>
    /// Joins the feed as a follower, unless it was retired: then the caller must take a new feed. Joining and retiring
    /// are decided under one lock, so a follower can never join a feed in the moment it is being removed.
    /// </summary>
    public bool TryJoin()
    {
        lock (_gate)
        {
            if (_retired)
                return false;
            _followers++;
            return true;
        }
    }

    public void Leave()
    {
        lock (_gate)
        {
            _followers--;
            _lastFollowed = DateTimeOffset.UtcNow;
        }
    }

    /// <summary>Retires the feed when nobody has followed it for <paramref name="idle"/>; a retired feed takes no follower.</summary>
    public bool TryRetire(TimeSpan idle, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_retired || _followers > 0 || now - _lastFollowed <= idle)
                return _retired;
            _retired = true;
            return true;
        }
    }

    public Task TallyChanged(ContestTally tally)
    {
        Publish(tally);
        return Task.CompletedTask;
    }

    /// <summary>Keeps the newest tally; an older one arriving late (pushes and reads race) is ignored.</summary>
    public void Publish(ContestTally tally)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (_latest is not null && tally.Version < _latest.Version)
                return;
            _latest = tally;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    /// <summary>The tallies for a follower that has joined (<see cref="TryJoin"/>); the caller leaves when done.</summary>
    public async IAsyncEnumerable<ContestTally> Follow([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var sent = 0L;
        while (!ct.IsCancellationRequested)
        {
            ContestTally? latest;
            Task changed;
            lock (_gate)
            {
                latest = _latest;
                changed = _changed.Task;
            }
            if (latest is not null && latest.Version > sent)
            {
                yield return latest;
                sent = latest.Version;
                if (!await Pause(MinInterval, ct))
                    yield break;
                continue;
            }
            if (!await Wait(changed, ct))
                yield break;
        }
    }

    private static async Task<bool> Pause(TimeSpan interval, CancellationToken ct)
    {
        try
        {
            await Task.Delay(interval, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false; // the client went away
        }
    }

    private static async Task<bool> Wait(Task changed, CancellationToken ct)
    {
        try
        {
            await changed.WaitAsync(ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

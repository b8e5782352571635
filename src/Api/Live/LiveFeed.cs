namespace TuyenGiao.Api.Live;

/// <summary>
/// The latest state of one thing followed live on this Api node (a contest's tally, a quiz's participation) and the SSE
/// clients that follow it. Each client gets the state at once, then every newer one (by <paramref name="versionOf"/>,
/// the stream's version), but never more than one per <paramref name="minInterval"/>: bursts collapse into the latest.
/// </summary>
public class LiveFeed<T>(Func<T, long> versionOf, TimeSpan minInterval) where T : class
{
    private readonly Lock _gate = new();
    private T? _latest;
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

        /// <summary>Keeps the newest state; an older one arriving late (pushes and reads race) is ignored.</summary>
    public void Publish(T state)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (_latest is not null && versionOf(state) < versionOf(_latest))
                return;
            _latest = state;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    /// <summary>The states for a follower that has joined (<see cref="TryJoin"/>); the caller leaves when done.</summary>
    public async IAsyncEnumerable<T> Follow([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var sent = -1L; // a state at version 0 (nothing recorded yet) is still sent once
        while (!ct.IsCancellationRequested)
        {
            T? latest;
            Task changed;
            lock (_gate)
            {
                latest = _latest;
                changed = _changed.Task;
            }
            if (latest is not null && versionOf(latest) > sent)
            {
                yield return latest;
                sent = versionOf(latest);
                if (!await Pause(minInterval, ct))
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

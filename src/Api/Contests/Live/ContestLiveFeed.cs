using TuyenGiao.Contests;

namespace TuyenGiao.Api.Contests.Live;

/// <summary>
/// The latest tally of one contest on this Api node, as the contest grain pushes it, and the SSE clients that
/// follow it. Each client gets the tally at once, then every newer one, but never more than one per
/// <see cref="MinInterval"/>: bursts collapse into the latest figures.
/// </summary>
public sealed class ContestLiveFeed : IContestObserver
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(50);

    private readonly Lock _gate = new();
    private ContestTally? _latest;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _followers;

    public int Followers => Volatile.Read(ref _followers);

    public DateTimeOffset LastFollowed { get; private set; } = DateTimeOffset.UtcNow;

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

    public async IAsyncEnumerable<ContestTally> Follow([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        Interlocked.Increment(ref _followers);
        try
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
        finally
        {
            Interlocked.Decrement(ref _followers);
            LastFollowed = DateTimeOffset.UtcNow;
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

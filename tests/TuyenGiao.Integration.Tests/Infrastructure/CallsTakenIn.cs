using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Orleans.Runtime;

namespace TuyenGiao.Integration.Tests.Infrastructure;

/// <summary>
/// Counts the calls a watched grain has taken in: a call counts once its method has run up to its first wait, so a
/// command it queues is in the queue. A test that needs many commands queued inside one activation waits here for them,
/// instead of sleeping for a time that a slow or busy machine may not keep. Unwatched grains pay one dictionary lookup.
/// </summary>
public sealed class CallsTakenIn : IIncomingGrainCallFilter
{
    private readonly ConcurrentDictionary<GrainId, StrongBox<int>> _watched = new();

    public async Task Invoke(IIncomingGrainCallContext context)
    {
        // The grain method runs synchronously inside Invoke() until it first waits; counting between the two counts a
        // call whose command is queued.
        var invoking = context.Invoke();
        if (_watched.TryGetValue(context.TargetId, out var taken))
            Interlocked.Increment(ref taken.Value);
        await invoking;
    }

    /// <summary>Counts the grain's calls from now on.</summary>
    public void Watch(IAddressable grain) => _watched.TryAdd(grain.GetGrainId(), new StrongBox<int>());

    /// <summary>Waits until the watched grain has taken in <paramref name="calls"/> calls; fails after <paramref name="limit"/>.</summary>
    public async Task UntilAsync(IAddressable grain, int calls, TimeSpan limit)
    {
        var taken = _watched[grain.GetGrainId()];
        var deadline = DateTime.UtcNow + limit;
        while (Volatile.Read(ref taken.Value) < calls)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The grain took in {Volatile.Read(ref taken.Value)} of {calls} calls within {limit}.");
            await Task.Delay(10);
        }
    }
}

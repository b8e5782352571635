namespace TuyenGiao.EventStore;

/// <summary>
/// The mutable box that Orleans' JournaledGrain transitions in place, around an immutable domain state that
/// the pure <c>Evolve</c> replaces. Orleans copies it to build the tentative view; the state inside is
/// immutable, so the copy is shallow.
/// </summary>
[GenerateSerializer]
public sealed class AggregateView<TState> where TState : class
{
    [Id(0)]
    public TState? Current { get; set; }
}

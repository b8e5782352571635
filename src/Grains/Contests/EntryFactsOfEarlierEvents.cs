namespace TuyenGiao.Contests;

/// <summary>
/// Events stored before contest state shape 4 name an entry by its number only (a withdrawal, a disqualification, a
/// score, an award); the fold needs what the entry counted for. Those events are completed, before folding, from the
/// EntrySubmitted of the same stream, which always comes earlier in it. Pure; a stream with no such event costs one pass
/// that finds none.
/// </summary>
public static class EntryFactsOfEarlierEvents
{
    public static IReadOnlyList<object> Complete(IReadOnlyList<object> events)
    {
        HashSet<int>? wanted = null;
        foreach (var @event in events)
            if (EntryWithoutFacts(@event) is { } number)
                (wanted ??= []).Add(number);
        if (wanted is null)
            return events;

        var facts = new Dictionary<int, EntryFacts>();
        var completed = new List<object>(events.Count);
        foreach (var @event in events)
        {
            if (@event is EntrySubmitted submitted && wanted.Contains(submitted.EntryNumber))
                facts[submitted.EntryNumber] = EntryFacts.Of(submitted);
            completed.Add(@event switch
            {
                EntryWithdrawn { Entry: null } e when facts.TryGetValue(e.EntryNumber, out var f) => e with { Entry = f },
                EntryDisqualified { Entry: null } e when facts.TryGetValue(e.EntryNumber, out var f) => e with { Entry = f },
                EntryScored { Entry: null } e when facts.TryGetValue(e.EntryNumber, out var f) => e with { Entry = f },
                AwardGranted { Collective: false, Entry: null, EntryNumber: { } n } e when facts.TryGetValue(n, out var f) => e with { Entry = f },
                AwardCorrected { Collective: false, ToEntry: null, ToEntryNumber: { } n } e when facts.TryGetValue(n, out var f) => e with { ToEntry = f },
                _ => @event,
            });
        }
        return completed;
    }

    /// <summary>Whether the event names an entry without restating its facts (it was stored before they were recorded).</summary>
    public static bool NeedsCompleting(object @event) => EntryWithoutFacts(@event) is not null;

    /// <summary>The entry an event names without restating its facts, if it is such an event: whose submission completes it.</summary>
    public static int? EntryWithoutFacts(object @event) => @event switch
    {
        EntryWithdrawn { Entry: null } e => e.EntryNumber,
        EntryDisqualified { Entry: null } e => e.EntryNumber,
        EntryScored { Entry: null } e => e.EntryNumber,
        AwardGranted { Collective: false, Entry: null, EntryNumber: { } n } => n,
        AwardCorrected { Collective: false, ToEntry: null, ToEntryNumber: { } n } => n,
        _ => null,
    };
}

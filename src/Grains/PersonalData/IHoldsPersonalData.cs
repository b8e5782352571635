namespace TuyenGiao.PersonalData;

/// <summary>
/// An event that holds a person's data says so, and which of its texts are theirs: the write path seals exactly those
/// (<see cref="PersonalDataVault"/>) under a data key of that person, and every other field stays plain. Implemented
/// explicitly, so that nothing of it is serialised into the event.
/// </summary>
public interface IHoldsPersonalData
{
    /// <summary>Whose data it is: the person's pseudonym (<see cref="PersonPseudonyms"/>), by which an erasure finds their keys.</summary>
    long PersonKey { get; }

    /// <summary>The event with each of its personal texts passed through <paramref name="transform"/>, everything else as it is.</summary>
    object WithPersonalTexts(Func<string, string> transform);
}

/// <summary>An event whose recording destroys data keys, in the same transaction: a person's everywhere, or all of a stream's.</summary>
public interface IErasesPersonalData
{
    /// <summary>The person whose every data key goes, or null.</summary>
    long? ErasesPerson { get; }

    /// <summary>The streams whose every data key goes (the keys of the events stored in them); none for a person's erasure.</summary>
    IReadOnlyList<string> ErasesStreams { get; }
}

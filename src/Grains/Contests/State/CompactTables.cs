using System.Runtime.InteropServices;
using TuyenGiao.Common.Compact;

namespace TuyenGiao.Contests;

/// <summary>
/// A submission id as the contest state remembers it: two independent parts of its SHA-256, so that two ids whose
/// 64-bit keys collide are still told apart (and a retry is recognised without keeping the id's text).
/// </summary>
public readonly record struct SubmissionKey(ulong Key, uint Check);

/// <summary>What the state keeps per submission: 24 bytes with its key, instead of a record with strings.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct SubmissionSeen(uint Check, int EntryNumber, long Fingerprint);

/// <summary>Every submission id a contest has recorded, with its entry number and the fingerprint of its body.</summary>
[Immutable]
public sealed class SubmissionTable(HashTrie<SubmissionSeen> slots) : IEquatable<SubmissionTable>
{
    public static readonly SubmissionTable Empty = new(HashTrie<SubmissionSeen>.Empty);

    public HashTrie<SubmissionSeen> Slots { get; } = slots;

    public int Count => Slots.Count;

    /// <summary>The submission recorded under this id; a slot whose 64-bit key collides but whose check differs is another id.</summary>
    public SubmissionSeen? Find(SubmissionKey id)
    {
        foreach (var slot in Slots.Find(id.Key))
            if (slot.Value.Check == id.Check)
                return slot.Value;
        return null;
    }

    public SubmissionTable Add(SubmissionKey id, int entryNumber, long fingerprint) =>
        new(Slots.Add(id.Key, new SubmissionSeen(id.Check, entryNumber, fingerprint)));

    public SubmissionTable AddRange(IReadOnlyList<KeyedSlot<SubmissionSeen>> slots) =>
        // Stryker disable once Conditional : a shortcut; adding nothing gives an equal table either way
        slots.Count == 0 ? this : new(Slots.AddRange(slots));

    public bool Equals(SubmissionTable? other) => other is not null && Slots.Equals(other.Slots);

    public override bool Equals(object? obj) => Equals(obj as SubmissionTable);

    public override int GetHashCode() => Slots.GetHashCode();
}

/// <summary>The accepted entries each author has (the author as <see cref="SubmissionIdentity.AuthorOf"/> counts them); authors with none are not kept.</summary>
[Immutable]
public sealed class AuthorCounts(HashTrie<int> slots) : IEquatable<AuthorCounts>
{
    public static readonly AuthorCounts Empty = new(HashTrie<int>.Empty);

    public HashTrie<int> Slots { get; } = slots;

    public int Count => Slots.Count;

    public int Of(long authorKey) => Slots.TryGetFirst((ulong)authorKey, out var count) ? count : 0;

    public AuthorCounts Add(long authorKey, int change)
    {
        var count = Of(authorKey) + change;
        return new(count > 0 ? Slots.SetFirst((ulong)authorKey, count) : Slots.RemoveFirst((ulong)authorKey));
    }

    /// <summary>Many changes at once (a replay): a few go one by one, many rebuild the table in one pass.</summary>
    public AuthorCounts AddRange(IReadOnlyDictionary<long, int> changes)
    {
        if (changes.Count == 0)
            return this;
        // Stryker disable once all : which way is a matter of cost only; both give the same counts (a test holds them together)
        if (changes.Count <= Math.Max(64, Count / 32))
            return changes.Aggregate(this, (counts, change) => counts.Add(change.Key, change.Value));
        var merged = new Dictionary<ulong, int>(Count + changes.Count);
        foreach (var slot in Slots.ToSortedArray())
            merged[slot.Key] = slot.Value;
        foreach (var (author, change) in changes)
            merged[(ulong)author] = merged.GetValueOrDefault((ulong)author) + change;
        var sorted = merged.Where(m => m.Value > 0).Select(m => new KeyedSlot<int>(m.Key, m.Value)).ToArray();
        Array.Sort(sorted, (a, b) => a.Key.CompareTo(b.Key));
        return new(HashTrie<int>.FromSorted(sorted));
    }

    public bool Equals(AuthorCounts? other) => other is not null && Slots.Equals(other.Slots);

    public override bool Equals(object? obj) => Equals(obj as AuthorCounts);

    public override int GetHashCode() => Slots.GetHashCode();
}

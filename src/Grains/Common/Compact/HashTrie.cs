using System.Runtime.InteropServices;

namespace TuyenGiao.Common.Compact;

/// <summary>A 64-bit key (a hash) with a small value, stored inline: no object per slot.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct KeyedSlot<T>(ulong Key, T Value) where T : unmanaged;

/// <summary>
/// An immutable map from 64-bit hash keys to small unmanaged values, several values per key allowed, that costs about
/// the size of its slots: leaves are exact-size sorted arrays of <see cref="KeyedSlot{T}"/>, branches split the key
/// space 16 ways by the next four bits of the key (keys are hashes, so leaves stay balanced). A change copies one leaf
/// (at most <see cref="LeafCapacity"/> slots) and the branches above it, and shares the rest with the version before:
/// the grain can decide a batch on "stored plus the batch so far" and drop it on a conflict without copying the table.
/// </summary>
public sealed class HashTrie<T> : IEquatable<HashTrie<T>> where T : unmanaged
{
    /// <summary>The most slots a leaf holds before it splits (unless its keys share all 64 bits, which hashes never do in practice).</summary>
    public const int LeafCapacity = 128;

    private const int BitsPerLevel = 4;
    private const int Fanout = 1 << BitsPerLevel;
    private const int MaxDepth = 64 / BitsPerLevel;

    public static readonly HashTrie<T> Empty = new(Array.Empty<KeyedSlot<T>>(), 0);

    // A leaf is a KeyedSlot<T>[] sorted by key (equal keys in insertion order); a branch is an object[] of Fanout children.
    private readonly object _root;

    private HashTrie(object root, int count)
    {
        _root = root;
        Count = count;
    }

    public int Count { get; }

    /// <summary>Every slot with this key, in the order they were added.</summary>
    public ReadOnlySpan<KeyedSlot<T>> Find(ulong key)
    {
        var node = _root;
        for (var depth = 0; node is object[] branch; depth++)
            node = branch[ChildIndex(key, depth)];
        var leaf = (KeyedSlot<T>[])node;
        var from = LowerBound(leaf, key);
        var to = from;
        while (to < leaf.Length && leaf[to].Key == key)
            to++;
        return leaf.AsSpan(from, to - from);
    }

    public bool TryGetFirst(ulong key, out T value)
    {
        var found = Find(key);
        value = found.Length > 0 ? found[0].Value : default;
        return found.Length > 0;
    }

    /// <summary>Adds a slot, after any others with the same key.</summary>
    public HashTrie<T> Add(ulong key, T value) => new(Insert(_root, 0, new KeyedSlot<T>(key, value)), Count + 1);

    /// <summary>Replaces the first slot with this key, or adds one.</summary>
    public HashTrie<T> SetFirst(ulong key, T value) =>
        Find(key).Length == 0 ? Add(key, value) : new HashTrie<T>(Replace(_root, 0, key, value), Count);

    /// <summary>Removes the first slot with this key, if there is one.</summary>
    public HashTrie<T> RemoveFirst(ulong key) =>
        Find(key).Length == 0 ? this : new HashTrie<T>(Remove(_root, 0, key), Count - 1);

    /// <summary>The number of slots in each leaf, in key order: what the layout costs (a leaf is one array).</summary>
    public IReadOnlyList<int> LeafSizes()
    {
        var sizes = new List<int>();
        void Visit(object node)
        {
            if (node is KeyedSlot<T>[] leaf)
                sizes.Add(leaf.Length);
            else
                foreach (var child in (object[])node)
                    Visit(child);
        }
        Visit(_root);
        return sizes;
    }

    /// <summary>Every slot, in key order: what a snapshot stores.</summary>
    public KeyedSlot<T>[] ToSortedArray()
    {
        var all = new KeyedSlot<T>[Count];
        CopyTo(_root, all, 0);
        return all;
    }

    /// <summary>Builds the table from slots in key order (a snapshot) in one pass.</summary>
    public static HashTrie<T> FromSorted(ReadOnlySpan<KeyedSlot<T>> sorted)
    {
        for (var i = 1; i < sorted.Length; i++)
            if (sorted[i].Key < sorted[i - 1].Key)
                throw new ArgumentException("The slots are not in key order.", nameof(sorted));
        return new HashTrie<T>(Build(sorted, 0), sorted.Length);
    }

    /// <summary>
    /// Adds many slots at once (a replay): small additions go one by one; large ones merge with the existing slots and
    /// rebuild, which costs one pass instead of a leaf copy per slot.
    /// </summary>
    public HashTrie<T> AddRange(IReadOnlyList<KeyedSlot<T>> slots)
    {
        // Stryker disable once all : which way is a matter of cost only; both give the same table (a test holds them together)
        if (slots.Count <= Math.Max(64, Count / 32))
        {
            var table = this;
            foreach (var slot in slots)
                table = table.Add(slot.Key, slot.Value);
            return table;
        }
        var added = slots.ToArray();
        // Stable, so that slots of one key keep the order they were added in.
        var order = Enumerable.Range(0, added.Length).ToArray();
        Array.Sort(order, (a, b) => added[a].Key != added[b].Key ? added[a].Key.CompareTo(added[b].Key) : a.CompareTo(b));
        var existing = ToSortedArray();
        var merged = new KeyedSlot<T>[existing.Length + added.Length];
        int i = 0, j = 0, k = 0;
        while (i < existing.Length || j < order.Length)
            merged[k++] = j == order.Length || (i < existing.Length && existing[i].Key <= added[order[j]].Key) ? existing[i++] : added[order[j++]];
        return new HashTrie<T>(Build(merged, 0), merged.Length);
    }

    public bool Equals(HashTrie<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || (Count == other.Count && ToSortedArray().AsSpan().SequenceEqual(other.ToSortedArray())));

    public override bool Equals(object? obj) => Equals(obj as HashTrie<T>);

    public override int GetHashCode() => Count;

    // Stryker disable once Bitwise : on an unsigned key >> and >>> are the same shift
    private static int ChildIndex(ulong key, int depth) => (int)(key >> (64 - BitsPerLevel * (depth + 1))) & (Fanout - 1);

    private static int LowerBound(KeyedSlot<T>[] leaf, ulong key)
    {
        int low = 0, high = leaf.Length;
        while (low < high)
        {
            // Stryker disable once Bitwise : both bounds are small and non-negative, so >> and >>> agree
            var middle = (low + high) >>> 1;
            if (leaf[middle].Key < key)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    private static object Insert(object node, int depth, KeyedSlot<T> slot)
    {
        if (node is object[] branch)
        {
            var copy = (object[])branch.Clone();
            var index = ChildIndex(slot.Key, depth);
            copy[index] = Insert(branch[index], depth + 1, slot);
            return copy;
        }
        var leaf = (KeyedSlot<T>[])node;
        // After the slots of the same key, so that they keep the order they were added in.
        var at = LowerBound(leaf, slot.Key);
        while (at < leaf.Length && leaf[at].Key == slot.Key)
            at++;
        var grown = new KeyedSlot<T>[leaf.Length + 1];
        Array.Copy(leaf, grown, at);
        grown[at] = slot;
        Array.Copy(leaf, at, grown, at + 1, leaf.Length - at);
        return grown.Length > LeafCapacity && depth < MaxDepth ? Build(grown, depth) : grown;
    }

    private static object Replace(object node, int depth, ulong key, T value)
    {
        if (node is object[] branch)
        {
            var copy = (object[])branch.Clone();
            var index = ChildIndex(key, depth);
            copy[index] = Replace(branch[index], depth + 1, key, value);
            return copy;
        }
        var leaf = (KeyedSlot<T>[])((KeyedSlot<T>[])node).Clone();
        leaf[LowerBound(leaf, key)] = new KeyedSlot<T>(key, value);
        return leaf;
    }

    private static object Remove(object node, int depth, ulong key)
    {
        if (node is object[] branch)
        {
            var copy = (object[])branch.Clone();
            var index = ChildIndex(key, depth);
            copy[index] = Remove(branch[index], depth + 1, key);
            return copy;
        }
        var leaf = (KeyedSlot<T>[])node;
        var at = LowerBound(leaf, key);
        var shrunk = new KeyedSlot<T>[leaf.Length - 1];
        Array.Copy(leaf, shrunk, at);
        Array.Copy(leaf, at + 1, shrunk, at, leaf.Length - at - 1);
        return shrunk;
    }

    /// <summary>A node for slots that share the key bits above <paramref name="depth"/>, sorted by key.</summary>
    private static object Build(ReadOnlySpan<KeyedSlot<T>> sorted, int depth)
    {
        if (sorted.Length <= LeafCapacity || depth >= MaxDepth)
            return sorted.ToArray();
        var children = new object[Fanout];
        var from = 0;
        for (var child = 0; child < Fanout; child++)
        {
            // Sorted by key, so each child's slots are one run.
            var to = from;
            while (to < sorted.Length && ChildIndex(sorted[to].Key, depth) == child)
                to++;
            children[child] = Build(sorted[from..to], depth + 1);
            from = to;
        }
        return children;
    }

    private static int CopyTo(object node, KeyedSlot<T>[] target, int at)
    {
        if (node is KeyedSlot<T>[] leaf)
        {
            leaf.CopyTo(target, at);
            return at + leaf.Length;
        }
        foreach (var child in (object[])node)
            at = CopyTo(child, target, at);
        return at;
    }
}

using TuyenGiao.Common.Compact;

namespace TuyenGiao.Domain.Tests.Common;

/// <summary>The compact table against a plain list of (key, value) pairs, over seeded random operations.</summary>
public class HashTrieTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Given_random_adds_sets_and_removes_When_compared_with_a_list_Then_every_key_finds_the_same_values_in_order(int seed)
    {
        var random = new Random(seed);
        var table = HashTrie<int>.Empty;
        var model = new List<KeyedSlot<int>>();
        // Few distinct high bits as well as random keys, so that leaves split deep and equal keys pile up.
        ulong NextKey() => random.Next(4) == 0 ? (ulong)random.Next(40) << 58 : (ulong)random.NextInt64() << 1 | (uint)random.Next(2);
        for (var step = 0; step < 3_000; step++)
        {
            var key = model.Count > 0 && random.Next(3) == 0 ? model[random.Next(model.Count)].Key : NextKey();
            switch (random.Next(6))
            {
                case 0:
                    table = table.SetFirst(key, step);
                    var at = model.FindIndex(s => s.Key == key);
                    if (at >= 0)
                        model[at] = new KeyedSlot<int>(key, step);
                    else
                        model.Add(new KeyedSlot<int>(key, step));
                    break;
                case 1:
                    table = table.RemoveFirst(key);
                    var first = model.FindIndex(s => s.Key == key);
                    if (first >= 0)
                        model.RemoveAt(first);
                    break;
                default:
                    table = table.Add(key, step);
                    model.Add(new KeyedSlot<int>(key, step));
                    break;
            }
            Assert.Equal(model.Where(s => s.Key == key).Select(s => s.Value), table.Find(key).ToArray().Select(s => s.Value));
        }

        Assert.Equal(model.Count, table.Count);
        Assert.Equal(model.OrderBy(s => s.Key).Select(s => s.Key), table.ToSortedArray().Select(s => s.Key));
        foreach (var key in model.Select(s => s.Key).Distinct())
            Assert.Equal(model.Where(s => s.Key == key).Select(s => s.Value), table.Find(key).ToArray().Select(s => s.Value));
        Assert.Equal(0, table.Find(ulong.MaxValue - 7).Length);
    }

    [Fact]
    public void Given_a_table_When_slots_are_added_removed_and_replaced_Then_the_version_before_is_unchanged()
    {
        var before = Enumerable.Range(0, 1_000).Aggregate(HashTrie<int>.Empty, (t, i) => t.Add(Key(i), i));
        var snapshot = before.ToSortedArray();

        var after = before.Add(Key(5), 99).SetFirst(Key(6), -6).RemoveFirst(Key(7));

        Assert.Equal(snapshot, before.ToSortedArray());
        Assert.Equal([5, 99], after.Find(Key(5)).ToArray().Select(s => s.Value));
        Assert.Equal(-6, after.Find(Key(6))[0].Value);
        Assert.Equal(0, after.Find(Key(7)).Length);
        Assert.Equal((1_000, 1_000), (before.Count, after.Count));
    }

    [Fact]
    public void Given_more_slots_than_a_leaf_holds_When_built_from_sorted_slots_or_added_in_bulk_Then_it_equals_adding_them_one_by_one()
    {
        var slots = Enumerable.Range(0, 20 * HashTrie<int>.LeafCapacity).Select(i => new KeyedSlot<int>(Key(i % 2_000), i)).ToList();
        var oneByOne = slots.Aggregate(HashTrie<int>.Empty, (t, s) => t.Add(s.Key, s.Value));
        var seeded = slots.Take(100).Aggregate(HashTrie<int>.Empty, (t, s) => t.Add(s.Key, s.Value));

        var bulk = seeded.AddRange(slots.Skip(100).ToList());
        var rebuilt = HashTrie<int>.FromSorted(oneByOne.ToSortedArray());

        Assert.Equal(oneByOne, bulk);
        Assert.Equal(oneByOne, rebuilt);
        Assert.Equal(slots.Where(s => s.Key == Key(3)).Select(s => s.Value), bulk.Find(Key(3)).ToArray().Select(s => s.Value));
        Assert.NotEqual(oneByOne, oneByOne.Add(Key(1), 0));
    }

    [Fact]
    public void Given_slots_out_of_key_order_When_built_as_sorted_Then_refused() =>
        Assert.Throws<ArgumentException>(() => HashTrie<int>.FromSorted([new KeyedSlot<int>(2, 0), new KeyedSlot<int>(1, 0)]));

    [Fact]
    public void Given_a_table_When_a_key_is_looked_up_first_Then_found_only_when_present_and_the_first_added_wins()
    {
        var table = HashTrie<int>.Empty.Add(Key(1), 10).Add(Key(1), 11);

        Assert.True(table.TryGetFirst(Key(1), out var first));
        Assert.False(table.TryGetFirst(Key(2), out var none));
        Assert.Equal((10, 0), (first, none));
    }

    [Fact]
    public void Given_tables_of_the_same_size_When_their_slots_differ_Then_they_are_not_equal()
    {
        var one = HashTrie<int>.Empty.Add(Key(1), 1).Add(Key(2), 2);

        Assert.NotEqual(one, HashTrie<int>.Empty.Add(Key(1), 1).Add(Key(3), 2));
        Assert.NotEqual(one, HashTrie<int>.Empty.Add(Key(1), 1).Add(Key(2), 3));
        Assert.Equal(one, HashTrie<int>.Empty.Add(Key(2), 2).Add(Key(1), 1));
        Assert.False(one.Equals(null));
        Assert.False(TuyenGiao.Contests.SubmissionTable.Empty.Equals(null));
        Assert.False(TuyenGiao.Contests.AuthorCounts.Empty.Equals(null));
    }

    [Theory]
    [InlineData(HashTrie<int>.LeafCapacity, 1)]
    [InlineData(HashTrie<int>.LeafCapacity + 1, 16)]
    public void Given_as_many_slots_as_a_leaf_holds_or_one_more_When_added_or_built_Then_a_leaf_splits_only_past_its_capacity(int slots, int leaves)
    {
        // Keys spread over the first four bits, so that a split gives sixteen leaves.
        var keyed = Enumerable.Range(0, slots).Select(i => new KeyedSlot<int>((ulong)(i % 16) << 60 | (uint)i, i)).OrderBy(s => s.Key).ToArray();

        var added = keyed.Aggregate(HashTrie<int>.Empty, (t, s) => t.Add(s.Key, s.Value));
        var built = HashTrie<int>.FromSorted(keyed);

        Assert.Equal(leaves, added.LeafSizes().Count);
        Assert.Equal(leaves, built.LeafSizes().Count);
        Assert.All(added.LeafSizes().Concat(built.LeafSizes()), size => Assert.True(size <= HashTrie<int>.LeafCapacity));
    }

    [Fact]
    public void Given_more_slots_of_one_key_than_a_leaf_holds_When_added_and_built_Then_they_stay_in_one_leaf_in_order()
    {
        var table = Enumerable.Range(0, 200).Aggregate(HashTrie<int>.Empty.Add(Key(9), -1), (t, i) => t.Add(Key(7), i));

        Assert.Equal(Enumerable.Range(0, 200), table.Find(Key(7)).ToArray().Select(s => s.Value));
        Assert.Contains(200, table.LeafSizes());
        Assert.Equal(table, HashTrie<int>.FromSorted(table.ToSortedArray()));
        Assert.Equal(-1, table.Find(Key(9))[0].Value);
    }

    [Fact]
    public void Given_a_table_whose_keys_all_follow_the_added_ones_When_many_are_added_at_once_Then_none_of_either_is_lost()
    {
        var existing = Enumerable.Range(0, 100).Aggregate(HashTrie<int>.Empty, (t, i) => t.Add(ulong.MaxValue - (ulong)i, i));
        var added = Enumerable.Range(0, 500).Select(i => new KeyedSlot<int>((ulong)i, -i)).ToList();

        var bulk = existing.AddRange(added);

        Assert.Equal(added.Aggregate(existing, (t, s) => t.Add(s.Key, s.Value)), bulk);
        Assert.Equal(600, bulk.Count);
        Assert.Equal(99, bulk.Find(ulong.MaxValue - 99)[0].Value);
    }

    /// <summary>Spread keys, as hashes are.</summary>
    private static ulong Key(int i) => (ulong)i * 0x9E37_79B9_7F4A_7C15UL;
}

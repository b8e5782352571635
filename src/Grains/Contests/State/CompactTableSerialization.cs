using System.Runtime.InteropServices;
using TuyenGiao.Common.Compact;

namespace TuyenGiao.Contests;

// Snapshots store the compact tables as their slots' bytes in key order: written and read as one block (a memory copy),
// and rebuilt in one pass. Slots are blittable and snapshots are read by the same code on the same architecture
// (little-endian x64 or ARM64); a snapshot that does not fit is discarded by its shape and the events are folded instead.

[GenerateSerializer]
public struct CompactTableSurrogate
{
    [Id(0)]
    public byte[] Slots;

    public static CompactTableSurrogate Write<T>(HashTrie<T> table) where T : unmanaged =>
        new() { Slots = MemoryMarshal.AsBytes(table.ToSortedArray().AsSpan()).ToArray() };

    public static HashTrie<T> Read<T>(in CompactTableSurrogate surrogate) where T : unmanaged =>
        HashTrie<T>.FromSorted(MemoryMarshal.Cast<byte, KeyedSlot<T>>(surrogate.Slots));
}

[RegisterConverter]
public sealed class SubmissionTableConverter : IConverter<SubmissionTable, CompactTableSurrogate>
{
    public SubmissionTable ConvertFromSurrogate(in CompactTableSurrogate surrogate) => new(CompactTableSurrogate.Read<SubmissionSeen>(surrogate));

    public CompactTableSurrogate ConvertToSurrogate(in SubmissionTable value) => CompactTableSurrogate.Write(value.Slots);
}

[RegisterConverter]
public sealed class AuthorCountsConverter : IConverter<AuthorCounts, CompactTableSurrogate>
{
    public AuthorCounts ConvertFromSurrogate(in CompactTableSurrogate surrogate) => new(CompactTableSurrogate.Read<int>(surrogate));

    public CompactTableSurrogate ConvertToSurrogate(in AuthorCounts value) => CompactTableSurrogate.Write(value.Slots);
}

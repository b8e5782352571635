using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using TuyenGiao.Common;

namespace TuyenGiao.Contests;

/// <summary>Stable identities derived from a submission, so that duplicates are recognised wherever they arrive.</summary>
public static class SubmissionIdentity
{
    /// <summary>
    /// The event id of a submission, named by the contest and the client's submission id: a second copy is impossible
    /// even from a second activation.
    /// </summary>
    public static Guid EventId(string contestId, string submissionId) =>
        NameBasedId.For($"tuyengiao/contest/{contestId}/submission/{submissionId}");

    /// <summary>
    /// A fingerprint of what was submitted (texts already in NFC), to tell a retry from a different body. The author is in
    /// it by their pseudonym, not their name: a fingerprint stays in the events after the name is erased, and a hash of
    /// the name would let a guessed name be checked against it.
    /// </summary>
    public static long Fingerprint(SubmitEntry entry) =>
        Hash($"{entry.AuthorKey}\u001F{entry.CommitteeCode}\u001F{entry.Title}\u001F{entry.Words}\u001F{entry.QuestionsAnswered}\u001F{entry.QuestionsCorrect}");

    /// <summary>
    /// How the contest state remembers a submission id: 64 bits of its SHA-256 as the table's key and 32 more to tell apart
    /// two ids whose keys collide (ids would need to agree on 96 bits to be confused).
    /// </summary>
    public static SubmissionKey Key(string submissionId)
    {
        Span<byte> hash = stackalloc byte[32];
        HashParts(hash, "tuyengiao/submission", submissionId);
        return new SubmissionKey(BinaryPrimitives.ReadUInt64BigEndian(hash), BinaryPrimitives.ReadUInt32BigEndian(hash[8..]));
    }

    /// <summary>The author an entry counts for: the pseudonym it was stored with, or for an entry stored before names were sealed, <see cref="LegacyAuthorKey"/>.</summary>
    public static long AuthorOf(EntrySubmitted entry) => entry.AuthorKey ?? LegacyAuthorKey(entry.AuthorName, entry.CommitteeCode);

    /// <summary>
    /// How authors were counted before names were sealed: a plain hash of the NFC name within a committee. Only for
    /// events and rows of that time, which hold the name in plain anyway; new entries count by their pseudonym.
    /// </summary>
    public static long LegacyAuthorKey(string authorName, string committeeCode)
    {
        Span<byte> hash = stackalloc byte[32];
        HashParts(hash, authorName, committeeCode);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }

    private static long Hash(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }

    /// <summary>
    /// SHA-256 of the two texts in UTF-8 joined by U+001F, as <c>Hash($"{first}\u001F{second}")</c> computes it, without
    /// building the joined string or its bytes on the heap: a replay computes this twice per entry.
    /// </summary>
    private static void HashParts(Span<byte> hash, string first, string second)
    {
        var length = Encoding.UTF8.GetMaxByteCount(first.Length + second.Length + 1);
        var rented = length > 1_024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        var buffer = rented ?? stackalloc byte[length];
        var written = Encoding.UTF8.GetBytes(first, buffer);
        buffer[written++] = 0x1F;
        written += Encoding.UTF8.GetBytes(second, buffer[written..]);
        SHA256.HashData(buffer[..written], hash);
        if (rented is not null)
            ArrayPool<byte>.Shared.Return(rented);
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TuyenGiao.Contests;

/// <summary>Stable identities derived from a submission, so that duplicates are recognised wherever they arrive.</summary>
public static class SubmissionIdentity
{
    /// <summary>
    /// The event id of a submission: a name-based UUID (version 8) of the contest and the client's submission id.
    /// The store's unique index on event ids makes a second copy impossible, even from a second activation.
    /// </summary>
    public static Guid EventId(string contestId, string submissionId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"tuyengiao/contest/{contestId}/submission/{submissionId}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A fingerprint of what was submitted (texts already in NFC), to tell a retry from a different body.</summary>
    public static long Fingerprint(SubmitEntry entry) =>
        Hash($"{entry.AuthorName}\u001F{entry.CommitteeCode}\u001F{entry.Title}\u001F{entry.Words}\u001F{entry.QuestionsAnswered}\u001F{entry.QuestionsCorrect}");

    /// <summary>The author as counted for the per-author limit: the NFC name within a committee.</summary>
    public static long AuthorKey(string authorName, string committeeCode) => Hash($"{authorName}\u001F{committeeCode}");

    private static long Hash(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TuyenGiao.PersonalData;

/// <summary>
/// A person as the rules count them and as an erasure finds them, without their name: 64 bits of HMAC-SHA-256 under a
/// secret of this installation (<see cref="PersonalDataVault"/> keeps it, wrapped by the master key) of who they are
/// (an author: the NFC name within a committee). Unlike a plain hash, it cannot be recomputed from a guessed name by
/// whoever reads the database: after an erasure, the events cannot be searched for a name.
/// </summary>
public static class PersonPseudonym
{
    public const int SecretLength = 32;

    /// <param name="name">Already in NFC (the rules normalise it before they count).</param>
    public static long OfAuthor(ReadOnlySpan<byte> secret, string name, string committeeCode)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"author\u001F{name}\u001F{committeeCode}"), mac);
        return BinaryPrimitives.ReadInt64BigEndian(mac);
    }

    /// <summary>As auditors and the access log show it.</summary>
    public static string Show(long personKey) => ((ulong)personKey).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}

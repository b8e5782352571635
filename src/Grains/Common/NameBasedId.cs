using System.Security.Cryptography;
using System.Text;

namespace TuyenGiao.Common;

/// <summary>
/// Event ids derived from a name, for commands that are idempotent by nature (an entry's submission id, a report's id):
/// the store's unique index on event ids then refuses a second copy atomically, even from a second activation.
/// </summary>
public static class NameBasedId
{
    /// <summary>A name-based UUID (version 8, SHA-256) of <paramref name="name"/>.</summary>
    public static Guid For(string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(name), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true);
    }
}

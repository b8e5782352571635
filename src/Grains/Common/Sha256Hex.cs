using System.Buffers;
using System.Security.Cryptography;

namespace TuyenGiao.Common;

/// <summary>A SHA-256 value written as hex text (a chain's link, a participant key's hash), read back to its 32 bytes.</summary>
public static class Sha256Hex
{
    /// <summary>The 32 bytes, or null when the text is not 64 hex digits (so that a caller reports or refuses it, never throws).</summary>
    public static byte[]? Parse(string? hex)
    {
        var bytes = new byte[SHA256.HashSizeInBytes];
        return hex is { Length: SHA256.HashSizeInBytes * 2 } && Convert.FromHexString(hex, bytes, out _, out _) == OperationStatus.Done ? bytes : null;
    }
}

using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace TuyenGiao.PersonalData;

/// <summary>
/// A personal text as it is stored: AES-256-GCM under a data key, written as one string in place of the text, so the
/// event keeps its shape and the hash chain covers the ciphertext.
/// <c>U+FDD0 · key id (22 base64url) · "." · base64url(nonce 12 · ciphertext · tag 16)</c>.
/// <para>
/// U+FDD0 is a Unicode noncharacter, set aside for a program's internal use: the input guard and the name rules refuse
/// it, so no text from outside can pass for a sealed one (or copy another person's). The key id is bound into the tag:
/// a sealed text moved under another key does not open.
/// </para>
/// </summary>
public static class SealedText
{
    public const char Marker = '\uFDD0';

    /// <summary>What every reader shows in place of a text whose key is destroyed (erased, or lost).</summary>
    public const string Erased = "[đã xoá]";

    public const int KeyLength = 32;

    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int KeyIdLength = 22; // 16 bytes in base64url without padding

    public static bool IsSealed([NotNullWhen(true)] string? text) => text is { Length: > KeyIdLength + 2 } && text[0] == Marker;

    public static string Seal(string plain, Guid keyId, ReadOnlySpan<byte> dataKey)
    {
        Span<byte> id = stackalloc byte[16];
        keyId.TryWriteBytes(id, bigEndian: true, out _);
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[NonceLength + plainBytes.Length + TagLength];
        var nonce = sealedBytes.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(dataKey, TagLength))
            aes.Encrypt(nonce, plainBytes, sealedBytes.AsSpan(NonceLength, plainBytes.Length), sealedBytes.AsSpan(NonceLength + plainBytes.Length), id);
        return string.Concat([Marker], Base64Url.EncodeToString(id), ".", Base64Url.EncodeToString(sealedBytes));
    }

    /// <summary>The key a sealed text was sealed with; false when the text is not one (or is malformed).</summary>
    public static bool TryKeyId([NotNullWhen(true)] string? text, out Guid keyId)
    {
        keyId = Guid.Empty;
        if (!IsSealed(text) || text[KeyIdLength + 1] != '.')
            return false;
        Span<byte> id = stackalloc byte[18];
        if (!Base64Url.TryDecodeFromChars(text.AsSpan(1, KeyIdLength), id, out var written) || written != 16)
            return false;
        keyId = new Guid(id[..16], bigEndian: true);
        return true;
    }

    /// <summary>The text, or null when it does not open with this key (not sealed, malformed, tampered with, another key).</summary>
    public static string? Open(string text, Guid keyId, ReadOnlySpan<byte> dataKey)
    {
        if (!TryKeyId(text, out var sealedUnder) || sealedUnder != keyId)
            return null;
        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(text.AsSpan(KeyIdLength + 2));
        }
        catch (FormatException)
        {
            return null;
        }
        if (sealedBytes.Length < NonceLength + TagLength)
            return null;
        Span<byte> id = stackalloc byte[16];
        keyId.TryWriteBytes(id, bigEndian: true, out _);
        var plain = new byte[sealedBytes.Length - NonceLength - TagLength];
        try
        {
            using var aes = new AesGcm(dataKey, TagLength);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceLength), sealedBytes.AsSpan(NonceLength, plain.Length), sealedBytes.AsSpan(NonceLength + plain.Length), plain, id);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        return Encoding.UTF8.GetString(plain);
    }
}

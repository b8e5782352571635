using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace TuyenGiao.PersonalData;

/// <summary>
/// Where a data key is found: its person (the pseudonym) and its id, made with the key and ordered by time (a UUIDv7 at
/// its event's recording). Keys made before keys had ids of their own carry their event's id.
/// </summary>
public readonly record struct DataKeyRef(long Person, Guid Id);

/// <summary>A data key made for one event, wrapped by the master key: stored with its event, in the same transaction.</summary>
/// <param name="EventId">The event it seals: a contest's retention finds its stream's keys through it.</param>
public sealed record WrappedDataKey(DataKeyRef Key, Guid EventId, byte[] Wrapped);

/// <summary>
/// A personal text as it is stored: AES-256-GCM under its event's data key, written as one string in place of the text,
/// so the event keeps its shape and the hash chain covers the ciphertext:
/// <c>U+FDD0 · key (32 base64url: person 8 bytes, key id 16) · n · base64url(ciphertext · tag 16)</c>, where the digit n
/// is the text's number within its event and the nonce (<see cref="TextSealer"/>). Texts stored before texts were
/// numbered carry a random nonce instead, and still open: <c>… key · "." · base64url(nonce 12 · ciphertext · tag 16)</c>.
/// <para>
/// U+FDD0 is a Unicode noncharacter, set aside for a program's internal use: the input guard and the name rules refuse
/// it, so no text from outside can pass for a sealed one (or copy another person's). The key's address is bound into
/// the tag: a sealed text moved under another key does not open.
/// </para>
/// </summary>
public static class SealedText
{
    public const char Marker = '\uFDD0';

    /// <summary>What every reader shows in place of a text whose key is destroyed (erased, or lost).</summary>
    public const string Erased = "[đã xoá]";

    public const int KeyLength = 32;

    internal const int NonceLength = 12;
    internal const int TagLength = 16;
    internal const int RefBytes = 24;
    internal const int RefLength = 32; // 24 bytes in base64url without padding

    /// <summary>What follows the key's address in a text of the first format, whose nonce is stored with it.</summary>
    private const char RandomNonce = '.';

    public static bool IsSealed([NotNullWhen(true)] string? text) => text is { Length: > RefLength + 2 } && text[0] == Marker;

    /// <summary>The key a sealed text was sealed with; false when the text is not one (or is malformed).</summary>
    public static bool TryKey([NotNullWhen(true)] string? text, out DataKeyRef key)
    {
        key = default;
        if (!IsSealed(text) || text[RefLength + 1] is not (RandomNonce or >= '0' and <= '9'))
            return false;
        var encoded = text.AsSpan(1, RefLength);
        // Decoding throws, rather than answer false, on a character outside base64url.
        if (!Base64Url.IsValid(encoded))
            return false;
        Span<byte> address = stackalloc byte[RefBytes + 2];
        // Stryker disable once Logical : 32 base64url characters decode to 24 bytes whenever they decode at all.
        if (!Base64Url.TryDecodeFromChars(encoded, address, out var written) || written != RefBytes)
            return false;
        key = new DataKeyRef(BinaryPrimitives.ReadInt64BigEndian(address), new Guid(address.Slice(8, 16), bigEndian: true));
        return true;
    }

    /// <summary>The text, or null when it does not open with this key (not sealed, malformed, tampered with, another key).</summary>
    public static string? Open(string text, DataKeyRef key, ReadOnlySpan<byte> dataKey)
    {
        // Stryker disable once Logical : a text sealed under another key fails the tag anyway (the key is bound into it); this only saves the work.
        if (!TryKey(text, out var sealedUnder) || sealedUnder != key)
            return null;
        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(text.AsSpan(RefLength + 2));
        }
        catch (FormatException)
        {
            return null;
        }
        // A numbered text's nonce is its number; a text of the first format carries its nonce before the ciphertext.
        var numbered = text[RefLength + 1] != RandomNonce;
        var start = numbered ? 0 : NonceLength;
        if (sealedBytes.Length < start + TagLength)
            return null;
        Span<byte> nonce = stackalloc byte[NonceLength];
        if (numbered)
            Number(text[RefLength + 1] - '0', nonce);
        else
            sealedBytes.AsSpan(0, NonceLength).CopyTo(nonce);
        var cipher = sealedBytes.AsSpan(start);
        Span<byte> address = stackalloc byte[RefBytes];
        WriteAddress(key, address);
        var plain = new byte[cipher.Length - TagLength];
        try
        {
            using var aes = new AesGcm(dataKey, TagLength);
            aes.Decrypt(nonce, cipher[..plain.Length], cipher[plain.Length..], plain, address);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The nonce of a text's number within its event: the number, big-endian, in 12 bytes.</summary>
    internal static void Number(int number, Span<byte> nonce)
    {
        // Stryker disable once Statement : every caller passes a fresh stackalloc, zeroed already; cleared so as not to rely on it.
        nonce.Clear();
        BinaryPrimitives.WriteInt32BigEndian(nonce[^4..], number);
    }

    /// <summary>The key's address (person, key id), as bound into every tag and written in every text.</summary>
    internal static void WriteAddress(DataKeyRef key, Span<byte> address)
    {
        BinaryPrimitives.WriteInt64BigEndian(address, key.Person);
        key.Id.TryWriteBytes(address.Slice(8, 16), bigEndian: true, out _);
    }
}

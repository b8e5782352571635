using System.Security.Cryptography;

namespace TuyenGiao.PersonalData;

/// <summary>
/// The master keys from settings: the current one wraps every new data key; retired ones only unwrap the data keys
/// they wrapped until a rewrap moves them to the current key. A key is named by a hash of itself, so a stored data key
/// says which master key wraps it without the settings naming keys. A wrapped key is AES-256-GCM of the data key,
/// bound to the data key's id: <c>nonce 12 · ciphertext 32 · tag 16</c>.
/// </summary>
public sealed class MasterKeyRing
{
    public const int NonceLength = 12;
    private const int TagLength = 16;

    private readonly byte[] _current;
    private readonly Dictionary<string, ThreadLocal<AesGcm>> _byId;

    public MasterKeyRing(string masterKey, IEnumerable<string> retired)
    {
        _current = TryDecode(masterKey) ?? throw new ArgumentException("The master key must be base64 of 32 bytes.", nameof(masterKey));
        CurrentId = IdOf(_current);
        // A key is wrapped per sealed event and unwrapped per name read: one cipher per thread and master key, not one
        // set up for each.
        // Stryker disable once Linq : the order of the keys does not matter, only that all are there.
        _byId = retired.Select(k => TryDecode(k) ?? throw new ArgumentException("A retired master key must be base64 of 32 bytes.", nameof(retired)))
            .Append(_current)
            .DistinctBy(IdOf)
            .ToDictionary(IdOf, key => new ThreadLocal<AesGcm>(() => new AesGcm(key, TagLength)));
    }

    /// <summary>The id of the key that wraps new data keys.</summary>
    public string CurrentId { get; }

    public static byte[]? TryDecode(string? base64)
    {
        var bytes = new byte[SealedText.KeyLength];
        return base64 is not null && Convert.TryFromBase64String(base64, bytes, out var length) && length == SealedText.KeyLength ? bytes : null;
    }

    /// <summary>The first 8 bytes of the key's SHA-256, as hex: names the key without revealing it.</summary>
    public static string IdOf(byte[] masterKey) => Convert.ToHexStringLower(SHA256.HashData(masterKey).AsSpan(0, 8));

    public byte[] Wrap(ReadOnlySpan<byte> dataKey, Guid keyId) => Wrap(dataKey, keyId, RandomNumberGenerator.GetBytes(NonceLength));

    /// <param name="nonce">12 random bytes, drawn by the caller (with the data key, in one draw).</param>
    public byte[] Wrap(ReadOnlySpan<byte> dataKey, Guid keyId, ReadOnlySpan<byte> nonce)
    {
        if (nonce.Length != NonceLength)
            throw new ArgumentException($"A nonce is {NonceLength} bytes.", nameof(nonce));
        var wrapped = new byte[NonceLength + SealedText.KeyLength + TagLength];
        nonce.CopyTo(wrapped);
        _byId[CurrentId].Value!.Encrypt(wrapped.AsSpan(0, NonceLength), dataKey, wrapped.AsSpan(NonceLength, SealedText.KeyLength), wrapped.AsSpan(NonceLength + SealedText.KeyLength),
            keyId.ToByteArray(bigEndian: true));
        return wrapped;
    }

    /// <summary>
    /// The data key, or null when the wrapped bytes do not open (tampered with, or bound to another key id). A master key
    /// the settings do not hold is a misconfiguration, not an erasure: it throws, saying which key is missing.
    /// </summary>
    public byte[]? Unwrap(string masterKeyId, ReadOnlySpan<byte> wrapped, Guid keyId)
    {
        if (!_byId.TryGetValue(masterKeyId, out var master))
            throw new MissingMasterKeyException(masterKeyId);
        if (wrapped.Length != NonceLength + SealedText.KeyLength + TagLength)
            return null;
        var dataKey = new byte[SealedText.KeyLength];
        try
        {
            master.Value!.Decrypt(wrapped[..NonceLength], wrapped.Slice(NonceLength, SealedText.KeyLength), wrapped[(NonceLength + SealedText.KeyLength)..], dataKey,
                keyId.ToByteArray(bigEndian: true));
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
        return dataKey;
    }
}

/// <summary>A data key is wrapped by a master key that is neither PersonalData:MasterKey nor one of PersonalData:RetiredMasterKeys.</summary>
public sealed class MissingMasterKeyException(string masterKeyId)
    : InvalidOperationException($"A data key is wrapped by master key {masterKeyId}, which the settings do not hold: add it to PersonalData:RetiredMasterKeys.")
{
    public string MasterKeyId { get; } = masterKeyId;
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace TuyenGiao.PersonalData;

/// <summary>
/// Seals the personal texts of one event (<see cref="SealedText"/>) under that event's data key, which seals nothing
/// else: so a text's number within the event (0, 1, …) is a nonce used once under the key, as GCM requires. Nothing
/// random is drawn per text and no nonce is stored (16 bytes less in the event and in every read model that copies the
/// text), and the key's cipher is set up once for all of the event's texts. The number is written as one digit: an event
/// seals at most <see cref="MaxTexts"/>.
/// </summary>
public sealed class TextSealer : IDisposable
{
    public const int MaxTexts = 10;

    private readonly AesGcm _cipher;
    private readonly byte[] _address = new byte[SealedText.RefBytes];
    private readonly string _addressText;
    private int _next;

    public TextSealer(DataKeyRef key, ReadOnlySpan<byte> dataKey)
    {
        _cipher = new AesGcm(dataKey, SealedText.TagLength);
        SealedText.WriteAddress(key, _address);
        _addressText = Base64Url.EncodeToString(_address);
    }

    public string Seal(string plain)
    {
        if (_next == MaxTexts)
            throw new InvalidOperationException($"An event seals at most {MaxTexts} texts under its key.");
        var number = _next++;
        Span<byte> nonce = stackalloc byte[SealedText.NonceLength];
        SealedText.Number(number, nonce);
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var sealedBytes = new byte[plainBytes.Length + SealedText.TagLength];
        _cipher.Encrypt(nonce, plainBytes, sealedBytes.AsSpan(0, plainBytes.Length), sealedBytes.AsSpan(plainBytes.Length), _address);
        return string.Concat([SealedText.Marker], _addressText, [(char)('0' + number)], Base64Url.EncodeToString(sealedBytes));
    }

    public void Dispose() => _cipher.Dispose();
}

using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace TuyenGiao.Api.Security;

/// <summary>
/// The shared key ring's keys are stored encrypted (AES-256-GCM) with a key derived by HKDF from Auth:SigningKey, which
/// every node already holds: reading the database alone gives no cookie key, and the cookie keys are exactly as secret
/// as the signing key, which can mint an admin's token anyway. Rotating the signing key makes the stored cookie keys
/// unreadable: sessions end, and Data Protection makes a new key.
/// </summary>
public sealed class SharedKeyRingEncryptor(byte[] signingKey) : IXmlEncryptor
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        var sealedBytes = new byte[plain.Length];
        var tag = new byte[TagBytes];
        using (var aes = new AesGcm(KeyFrom(signingKey), TagBytes))
            aes.Encrypt(nonce, plain, sealedBytes, tag);
        var element = new XElement("encryptedKey",
            new XAttribute("nonce", Convert.ToBase64String(nonce)),
            new XAttribute("tag", Convert.ToBase64String(tag)),
            Convert.ToBase64String(sealedBytes));
        return new EncryptedXmlInfo(element, typeof(SharedKeyRingDecryptor));
    }

    /// <summary>The cookie keys' key: HKDF-SHA256 of the signing key, bound to this use by its info string.</summary>
    internal static byte[] KeyFrom(byte[] signingKey) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, signingKey, 32, info: "tuyengiao data protection key ring"u8.ToArray());
}

/// <summary>Reads what <see cref="SharedKeyRingEncryptor"/> wrote; Data Protection creates it by type, with the services.</summary>
public sealed class SharedKeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var signingKey = Convert.FromBase64String(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthSettings>>().Value.SigningKey!);
        var nonce = Convert.FromBase64String((string)encryptedElement.Attribute("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Attribute("tag")!);
        var sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        var plain = new byte[sealedBytes.Length];
        using (var aes = new AesGcm(SharedKeyRingEncryptor.KeyFrom(signingKey), 16))
            aes.Decrypt(nonce, sealedBytes, tag, plain);
        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plain));
    }
}

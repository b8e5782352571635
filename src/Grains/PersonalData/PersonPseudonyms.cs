using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TuyenGiao.PersonalData;

/// <summary>
/// People as the rules count them and as an erasure finds them, without their data: 64 bits of HMAC-SHA-256 under a
/// secret of this installation (<see cref="PersonalDataVault"/> keeps it, wrapped by the master key) of who they are.
/// Unlike a plain hash, a pseudonym cannot be recomputed from a guessed name or number by whoever reads the database:
/// after an erasure, the events cannot be searched for a person. Pure: the rules take it as they take the clock.
/// </summary>
public sealed class PersonPseudonyms
{
    public const int SecretLength = 32;

    private readonly byte[] _secret;

    public PersonPseudonyms(byte[] secret)
    {
        if (secret.Length != SecretLength)
            throw new ArgumentException($"a pseudonym secret is {SecretLength} bytes", nameof(secret));
        _secret = secret;
    }

    /// <summary>An author: their NFC name within a committee.</summary>
    public long OfAuthor(string name, string committeeCode) => Of($"author\u001F{name}\u001F{committeeCode}");

    /// <summary>A quiz participant: their normalised number (+84…), one person per number.</summary>
    public long OfParticipant(string phone) => Of($"participant\u001F{phone}");

    /// <summary>
    /// What tells a participant registering again from someone else with their number: their NFC name and year of birth,
    /// compared without being kept.
    /// </summary>
    public long OfParticipantDetails(string name, int birthYear) =>
        Of($"participant-details\u001F{name}\u001F{birthYear.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>As auditors and the access log show it.</summary>
    public static string Show(long personKey) => ((ulong)personKey).ToString("x16", CultureInfo.InvariantCulture);

    private long Of(string who)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(who), mac);
        return BinaryPrimitives.ReadInt64BigEndian(mac);
    }
}

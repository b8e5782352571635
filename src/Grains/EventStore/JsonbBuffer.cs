using Npgsql;

namespace TuyenGiao.EventStore;

/// <summary>
/// Reads a jsonb column's UTF-8 text into one reused buffer, for System.Text.Json to decode as it is: reading it as a
/// string would transcode every event to UTF-16 and back, and allocate it. jsonb's binary form is a version byte
/// (1) and then the text.
/// </summary>
public sealed class JsonbBuffer
{
    private const byte JsonbVersion = 1;
    private byte[] _bytes = new byte[8 * 1024];

    public async ValueTask<ReadOnlyMemory<byte>> ReadAsync(NpgsqlDataReader reader, int ordinal, CancellationToken ct)
    {
        await using var column = await reader.GetStreamAsync(ordinal, ct);
        var length = (int)column.Length;
        if (length > _bytes.Length)
            _bytes = new byte[Math.Max(length, _bytes.Length * 2)];
        await column.ReadExactlyAsync(_bytes.AsMemory(0, length), ct);
        if (length == 0 || _bytes[0] != JsonbVersion)
            throw new InvalidDataException($"A jsonb value of version {(length == 0 ? "none" : _bytes[0])}, where version {JsonbVersion} was expected.");
        return _bytes.AsMemory(1, length - 1);
    }
}

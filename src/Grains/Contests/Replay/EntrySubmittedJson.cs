using System.Text.Json;

namespace TuyenGiao.Contests;

/// <summary>
/// Reads the entry event, which is nearly every event of a large contest's stream, with a <see cref="Utf8JsonReader"/>
/// straight into the record. The generated reader takes System.Text.Json's general path for a record of twelve
/// constructor parameters (each value boxed into an array, then the constructor called), which was most of a replay's
/// decoding. It answers as the generated reader does for the JSON Marten writes (tested against it): a member missing
/// is its default, an unknown one is skipped; anything else it does not expect (a number as text, a string where a
/// number goes) it leaves to the generated reader, answering null.
/// </summary>
public static class EntrySubmittedJson
{
    public static EntrySubmitted? TryRead(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return null;
        string? contestId = null, submissionId = null, authorName = null, committeeCode = null, title = null;
        IReadOnlyList<string>? committeePath = null;
        int entryNumber = 0, words = 0;
        int? questionsAnswered = null, questionsCorrect = null;
        long fingerprint = 0;
        long? authorKey = null;
        DateTimeOffset submittedAt = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader;
            if (!reader.Read())
                return null;
            var known =
                name.ValueTextEquals("contestId"u8) ? TryString(ref reader, out contestId)
                : name.ValueTextEquals("entryNumber"u8) ? reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out entryNumber)
                : name.ValueTextEquals("submissionId"u8) ? TryString(ref reader, out submissionId)
                : name.ValueTextEquals("authorName"u8) ? TryString(ref reader, out authorName)
                : name.ValueTextEquals("committeeCode"u8) ? TryString(ref reader, out committeeCode)
                : name.ValueTextEquals("committeePath"u8) ? TryStrings(ref reader, out committeePath)
                : name.ValueTextEquals("title"u8) ? TryString(ref reader, out title)
                : name.ValueTextEquals("words"u8) ? reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out words)
                : name.ValueTextEquals("questionsAnswered"u8) ? TryNullableInt(ref reader, out questionsAnswered)
                : name.ValueTextEquals("questionsCorrect"u8) ? TryNullableInt(ref reader, out questionsCorrect)
                : name.ValueTextEquals("fingerprint"u8) ? reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out fingerprint)
                : name.ValueTextEquals("submittedAt"u8) ? reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out submittedAt)
                : name.ValueTextEquals("authorKey"u8) ? TryNullableLong(ref reader, out authorKey)
                : reader.TrySkip();
            if (!known)
                return null;
        }
        return reader.TokenType == JsonTokenType.EndObject
            ? new EntrySubmitted(contestId!, entryNumber, submissionId!, authorName!, committeeCode!, committeePath!, title!, words, questionsAnswered,
                questionsCorrect, fingerprint, submittedAt, authorKey)
            : null;
    }

    private static bool TryString(ref Utf8JsonReader reader, out string? value)
    {
        value = reader.TokenType is JsonTokenType.String or JsonTokenType.Null ? reader.GetString() : null;
        return reader.TokenType is JsonTokenType.String or JsonTokenType.Null;
    }

    private static bool TryNullableInt(ref Utf8JsonReader reader, out int? value)
    {
        // A number beyond an int is refused here as TryGetInt32 would: the generated reader then answers for it.
        var known = TryNullableLong(ref reader, out var number) && number is null or (>= int.MinValue and <= int.MaxValue);
        value = known ? (int?)number : null;
        return known;
    }

    private static bool TryNullableLong(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
            return true;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var number))
            return false;
        value = number;
        return true;
    }

    private static bool TryStrings(ref Utf8JsonReader reader, out IReadOnlyList<string>? values)
    {
        values = null;
        if (reader.TokenType == JsonTokenType.Null)
            return true;
        if (reader.TokenType != JsonTokenType.StartArray)
            return false;
        var list = new List<string>(4);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
                return false;
            list.Add(reader.GetString()!);
        }
        values = list;
        return true;
    }
}

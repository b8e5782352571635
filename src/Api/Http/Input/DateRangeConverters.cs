using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using TuyenGiao.Common;

namespace TuyenGiao.Api.Http.Input;

/// <summary>Every date in a request body lies within <see cref="AcceptedDates"/>, or the request is a 400 naming it.</summary>
public sealed class BoundedDateOnlyConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String
            || !DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            throw new JsonException("must be a date written yyyy-MM-dd");
        return AcceptedDates.Contains(day) ? day : throw new JsonException(AcceptedDates.Reason);
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

/// <summary>Every instant in a request body lies within <see cref="AcceptedDates"/>, or the request is a 400 naming it.</summary>
public sealed class BoundedInstantConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var instant))
            throw new JsonException("must be a date and time in ISO 8601, for example 2023-06-01T00:00:00+07:00");
        return AcceptedDates.Contains(instant) ? instant : throw new JsonException(AcceptedDates.Reason);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace TuyenGiao.Api.Http.Input;

/// <summary>
/// Reads every string of every request body through <see cref="TextGuard"/>: a refusal is a <see cref="JsonException"/>,
/// which the error handler answers as a 400 naming the field by its JSON path (for example <c>details.description</c>).
/// </summary>
public sealed class GuardedStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException("has a value of the wrong type: a string is expected");
        var text = reader.GetString()!;
        return TextGuard.Check(text) is { } reason ? throw new JsonException(reason) : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

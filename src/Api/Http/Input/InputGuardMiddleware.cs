using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;
using TuyenGiao.Common;

namespace TuyenGiao.Api.Http.Input;

/// <summary>
/// The edge's check of what does not come through the JSON reader: the path, every query value (text through
/// <see cref="TextGuard"/>, a value written as a date or an instant within <see cref="AcceptedDates"/>), and a body's
/// character set, which must be UTF-8 (the only one the API reads; another is a 415, never a 500).
/// </summary>
public static class InputGuardMiddleware
{
    public static IApplicationBuilder UseInputGuard(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (Refusal(http.Request) is { } refusal)
        {
            await Problems.WriteAsync(http, refusal.Status, refusal.Field, refusal.Reason);
            return;
        }
        await next(http);
    });

    private readonly record struct Refused(int Status, string Field, string Reason);

    private static Refused? Refusal(HttpRequest request)
    {
        if (TextGuard.Check(request.Path.Value ?? "") is { } badPath)
            return new Refused(StatusCodes.Status400BadRequest, "path", badPath);
        foreach (var (key, values) in request.Query)
        {
            if (TextGuard.Check(key) is { } badKey)
                return new Refused(StatusCodes.Status400BadRequest, "query", $"a parameter name {badKey}");
            foreach (var value in values)
            {
                if (value is null)
                    continue;
                if (TextGuard.Check(value) is { } bad)
                    return new Refused(StatusCodes.Status400BadRequest, key, bad);
                if (IsDateOutOfRange(value))
                    return new Refused(StatusCodes.Status400BadRequest, key, AcceptedDates.Reason);
            }
        }
        if (request.ContentType is { } contentType && MediaTypeHeaderValue.TryParse(contentType, out var media)
            && media.Charset.HasValue && !IsUtf8(media.Charset.Value!))
            return new Refused(StatusCodes.Status415UnsupportedMediaType, "Content-Type", $"charset '{TextGuard.Show(media.Charset.Value!)}' is not supported: send UTF-8");
        return null;
    }

    private static bool IsUtf8(string charset) =>
        charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Trim('"').Equals("utf8", StringComparison.OrdinalIgnoreCase);

    /// <summary>A query value written as a date (yyyy-MM-dd) or an instant (ISO 8601) outside the accepted range.</summary>
    private static bool IsDateOutOfRange(string value)
    {
        if (value.Length < 10 || !char.IsAsciiDigit(value[0]) || value[4] != '-')
            return false;
        if (value.Length == 10)
            return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && !AcceptedDates.Contains(day);
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) && !AcceptedDates.Contains(instant);
    }
}

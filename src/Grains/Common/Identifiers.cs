using System.Text.RegularExpressions;

namespace TuyenGiao.Common;

/// <summary>
/// The two kinds of id that reach URLs and stream ids: an aggregate's id (a contest, a campaign), upper-case so that
/// it reads the same everywhere, and a client's id for a record it creates (a submission, a report, a programme),
/// which makes a retry recognisable. Neither can carry a path, a space or a look-alike letter.
/// </summary>
public static partial class Identifiers
{
    public static string NormalizeAggregateId(string id) => AsciiUpper(id.Trim());

    /// <summary>
    /// Upper-cases a-z only. <see cref="string.ToUpperInvariant"/> also maps letters outside ASCII onto ASCII (the long s
    /// 'ſ' becomes 'S', the dotless 'ı' becomes 'I'), which would make two different codes one; left as they are, such
    /// letters fail the ASCII pattern and the code is refused.
    /// </summary>
    public static string AsciiUpper(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
            span[i] = char.IsAsciiLetterLower(source[i]) ? (char)(source[i] - 32) : source[i];
    });

    public static Rejection? ValidateAggregateId(string field, string id) =>
        AggregateIdPattern().IsMatch(id) ? null : Rejection.Invalid(field, "must be 2 to 64 characters of A-Z, 0-9, '-' or '_', starting with a letter or digit");

    public static Rejection? ValidateClientId(string field, string? id) =>
        id is not null && ClientIdPattern().IsMatch(id) ? null : Rejection.Invalid(field, "must be 1 to 100 characters of letters, digits, '.', '_', ':' or '-'");

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_-]{1,63}$")]
    private static partial Regex AggregateIdPattern();

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,100}$")]
    private static partial Regex ClientIdPattern();
}

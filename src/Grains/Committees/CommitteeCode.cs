using System.Text.RegularExpressions;
using TuyenGiao.Common;

namespace TuyenGiao.Committees;

/// <summary>
/// A committee's code is its identity in URLs and stream ids: upper-case ASCII letters, digits, '-' and '_',
/// 2 to 32 characters, so it can never carry a path, a space or a look-alike letter.
/// </summary>
public static partial class CommitteeCode
{
    public const int MaxLength = 32;

    public static string Normalize(string code) => Identifiers.AsciiUpper(code.Trim());

    public static Rejection? Validate(string field, string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
            return Rejection.Invalid(field, "must not be empty");
        var normalized = Normalize(code);
        if (!Pattern().IsMatch(normalized))
            return Rejection.Invalid(field, $"must be 2 to {MaxLength} characters of A-Z, 0-9, '-' or '_', starting with a letter or digit (got '{Truncate(code)}')");
        return null;
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    [GeneratedRegex("^[A-Z0-9][A-Z0-9_-]{1,31}$")]
    private static partial Regex Pattern();
}

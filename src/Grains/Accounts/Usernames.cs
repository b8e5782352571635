using System.Text.RegularExpressions;
using TuyenGiao.Common;

namespace TuyenGiao.Accounts;

/// <summary>
/// A username: 3 to 64 of a-z, 0-9, '.', '-' and '_', starting with a letter, compared in lower case (what officers
/// type on a phone keyboard, and safe in a stream id, a URL and a claim).
/// </summary>
public static partial class Usernames
{
    public static string Normalize(string username) => username.Trim().ToLowerInvariant();

    /// <summary>The username as stored, or null when the text cannot be one.</summary>
    public static string? TryNormalize(string? text) =>
        text is not null && Validate("username", Normalize(text)) is null ? Normalize(text) : null;

    public static Rejection? Validate(string field, string? username) => username is not null && Shape().IsMatch(username)
        ? null
        : Rejection.Invalid(field, "must be 3 to 64 of a-z, 0-9, '.', '-' and '_', starting with a letter");

    [GeneratedRegex("^[a-z][a-z0-9._-]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}

using System.Globalization;
using System.Text;

namespace TuyenGiao.Common;

/// <summary>
/// Names and titles are stored and compared in Unicode NFC, so that "Khát vọng" typed with combining
/// marks is the same text as the precomposed one.
/// </summary>
public static class VietnameseText
{
    /// <summary>
    /// Trims and normalises to NFC; null stays null. Text that is not valid UTF-16 (an unpaired surrogate) cannot
    /// be normalised and is returned trimmed as it is, for <see cref="ValidateName"/> to reject.
    /// </summary>
    public static string? Normalize(string? text)
    {
        if (text is null)
            return null;
        var trimmed = text.Trim();
        return HasUnpairedSurrogate(trimmed) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
    }

    /// <summary>Whether the text holds half of a surrogate pair alone: then it is not valid UTF-16, not text.</summary>
    public static bool HasUnpairedSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(text[i]))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Checks a required name or title: present, within <paramref name="maxLength"/> characters (counted in NFC),
    /// valid UTF-16, and free of control and invisible formatting characters (zero-width spaces and joiners),
    /// which make two names look equal while they differ.
    /// </summary>
    public static Rejection? ValidateName(string field, string? normalized, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(normalized))
            return Rejection.Invalid(field, "must not be empty");
        if (normalized.Length > maxLength)
            return Rejection.Invalid(field, $"must be at most {maxLength} characters (got {normalized.Length})");
        if (HasUnpairedSurrogate(normalized))
            return Rejection.Invalid(field, "contains an unpaired surrogate (invalid UTF-16)");
        // Surrogate halves are neither control nor format characters, so a char-by-char look is enough.
        foreach (var c in normalized)
        {
            if (char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format)
                return Rejection.Invalid(field, $"contains the invisible or control character U+{(int)c:X4}");
            if (IsNoncharacter(c))
                return Rejection.Invalid(field, $"contains the noncharacter U+{(int)c:X4}");
        }
        return null;
    }

    /// <summary>
    /// A Unicode noncharacter of the Basic Multilingual Plane: U+FDD0-U+FDEF, U+FFFE, U+FFFF. They are for a program's
    /// internal use (sealed personal data starts with U+FDD0), never text that people write.
    /// </summary>
    public static bool IsNoncharacter(char c) => c is >= '\uFDD0' and <= '\uFDEF' or '\uFFFE' or '\uFFFF';

    /// <summary>
    /// The text as a search compares it: lower case, without diacritics (đ as d), spaces collapsed, so that
    /// "khat vong" finds "Khát vọng Trà Vinh" and "KHÁT VỌNG" finds it too.
    /// </summary>
    public static string SearchKey(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        var space = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsWhiteSpace(c))
            {
                if (!space)
                    key.Append(' ');
                space = true;
                continue;
            }
            key.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
            space = false;
        }
        return key.ToString().TrimEnd();
    }
}

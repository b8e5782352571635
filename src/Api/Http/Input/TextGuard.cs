using System.Text;
using TuyenGiao.Common;

namespace TuyenGiao.Api.Http.Input;

/// <summary>
/// The one check every string from outside passes, wherever it comes from (a JSON body through
/// <see cref="GuardedStringConverter"/>, a query or path through <see cref="InputGuardMiddleware"/>), so a field added
/// later cannot skip it. It refuses what no text of this domain contains and what PostgreSQL or a reader would choke on:
/// control characters other than tab and line breaks (U+0000 cannot be stored in jsonb at all), unpaired surrogates
/// (not text), and the noncharacters (U+FDD0-U+FDEF, U+FFFE, U+FFFF: for a program's internal use, and this one marks
/// sealed personal data with U+FDD0, which no text from outside may imitate). Names are checked further by the rules (invisible characters).
/// </summary>
public static class TextGuard
{
    /// <returns>Why the text is refused, or null when it passes.</returns>
    public static string? Check(string text)
    {
        if (VietnameseText.HasUnpairedSurrogate(text))
            return "contains an unpaired surrogate (not valid Unicode text)";
        foreach (var c in text)
        {
            // Surrogate halves are neither control characters nor noncharacters, so a char-by-char look is enough.
            if (c is '\t' or '\n' or '\r')
                continue;
            if (char.IsControl(c))
                return $"contains the control character U+{(int)c:X4}";
            if (VietnameseText.IsNoncharacter(c))
                return $"contains the noncharacter U+{(int)c:X4}";
        }
        return null;
    }

    /// <summary>For messages: the text cut short, control characters shown as code points.</summary>
    public static string Show(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Length <= 40 ? text : text[..40])
            shown.Append(char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString());
        return text.Length <= 40 ? shown.ToString() : shown + "…";
    }
}

using System.Text.RegularExpressions;
using TuyenGiao.Common;

namespace TuyenGiao.Quizzes;

/// <summary>
/// A Vietnamese phone number as one person: "0912 345 678", "+84 912.345.678" and "84912345678" are the same
/// number, kept as +84 followed by the national number without its leading 0.
/// </summary>
public static partial class PhoneNumbers
{
    /// <summary>The number in its one form, or why it is not a Vietnamese number.</summary>
    public static Rejection? TryNormalize(string? text, out string normalized)
    {
        normalized = "";
        var digits = Separators().Replace(text ?? "", "");
        var national = digits switch
        {
            _ when digits.StartsWith("+84", StringComparison.Ordinal) => digits[3..],
            _ when digits.StartsWith("84", StringComparison.Ordinal) && digits.Length >= 11 => digits[2..],
            _ when digits.StartsWith('0') => digits[1..],
            _ => null,
        };
        if (national is null || !National().IsMatch(national))
            return Rejection.Invalid("phone", "must be a Vietnamese phone number: 0 or +84, then 9 or 10 digits (for example 0912 345 678)");
        normalized = "+84" + national;
        return null;
    }

    [GeneratedRegex(@"[\s.\-()]")]
    private static partial Regex Separators();

    /// <summary>The national number: 9 digits for a mobile, 10 for a landline; never a leading 0.</summary>
    [GeneratedRegex("^[1-9][0-9]{8,9}$")]
    private static partial Regex National();
}

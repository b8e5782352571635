using TuyenGiao.Common;

namespace TuyenGiao.Accounts;

/// <summary>
/// What a password must be (NIST SP 800-63B's advice: length over composition rules): 10 to 128 characters, and not the
/// username nor a run of one character.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    public static Rejection? Check(string field, string? password, string username)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
            return Rejection.Invalid(field, $"must be at least {MinLength} characters");
        if (password.Length > MaxLength)
            return Rejection.Invalid(field, $"must be at most {MaxLength} characters");
        if (password.Contains(username, StringComparison.OrdinalIgnoreCase))
            return Rejection.Invalid(field, "must not contain the username");
        if (password.Distinct().Count() == 1)
            return Rejection.Invalid(field, "must not be one character repeated");
        return null;
    }
}

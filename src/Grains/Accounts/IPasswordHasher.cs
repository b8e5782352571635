namespace TuyenGiao.Accounts;

/// <summary>One-way password hashing with a per-password salt and a deliberate cost.</summary>
public interface IPasswordHasher
{
    string Hash(string password);

    bool Verify(string hash, string password);
}

/// <summary>
/// ASP.NET Core Identity's hasher (PBKDF2 with HMAC-SHA512, 100,000 iterations, a 128-bit salt per password, its
/// format versioned in the hash): a well-kept implementation rather than one of our own.
/// </summary>
public sealed class IdentityPasswordHasher : IPasswordHasher
{
    private static readonly Microsoft.AspNetCore.Identity.PasswordHasher<Account> Hasher = new();

    public string Hash(string password) => Hasher.HashPassword(null!, password);

    public bool Verify(string hash, string password) =>
        Hasher.VerifyHashedPassword(null!, hash, password) != Microsoft.AspNetCore.Identity.PasswordVerificationResult.Failed;
}

namespace TuyenGiao.Quizzes;

/// <summary>
/// The questions of an attempt, drawn at random from the bank. The draw is a function of the recorded seed alone
/// (SplitMix64 driving a partial Fisher–Yates shuffle), so an attempt replays to the same questions on any machine and
/// any .NET version; System.Random promises neither. The attempt's event also records the drawn numbers themselves.
/// </summary>
public static class QuizDraw
{
    /// <param name="bank">The bank's question numbers, in the bank's order.</param>
    /// <param name="count">How many to draw; at most the bank's size.</param>
    public static IReadOnlyList<int> Draw(IReadOnlyList<int> bank, int count, ulong seed)
    {
        // A negative count fails at the slice below; one above the bank would divide by zero first.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, bank.Count);
        var pool = bank.ToArray();
        var state = seed;
        for (var i = 0; i < count; i++)
        {
            var j = i + (int)(Next(ref state) % (ulong)(pool.Length - i));
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..count];
    }

    /// <summary>SplitMix64 (Steele, Lea and Flood, 2014): one 64-bit step.</summary>
    // Stryker disable Bitwise: on an unsigned value >> and >>> are the same shift.
    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
    // Stryker restore Bitwise
}

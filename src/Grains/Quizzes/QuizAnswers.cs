using System.Buffers.Binary;
using System.Security.Cryptography;

namespace TuyenGiao.Quizzes;

/// <summary>Answers as recorded, and what the state keeps of them.</summary>
public static class QuizAnswers
{
    /// <summary>By question, each one's options ascending: the same answers compare equal however they were sent.</summary>
    public static List<QuizAnswer> InOrder(IEnumerable<QuizAnswer> answers) =>
        answers.OrderBy(a => a.Question).Select(a => a with { Chosen = a.Chosen.Order().ToList() }).ToList();

    /// <summary>
    /// The first 16 bytes of SHA-256 over the answers in order (question, then its options, each as 32 bits, a question's
    /// options closed by -1): equal answers give equal fingerprints; different ones differ but with odds of 2^-128.
    /// </summary>
    public static UInt128 Fingerprint(IEnumerable<QuizAnswer> answers)
    {
        var words = new List<int>();
        foreach (var answer in InOrder(answers))
        {
            words.Add(answer.Question);
            words.AddRange(answer.Chosen);
            words.Add(-1);
        }
        var bytes = new byte[words.Count * sizeof(int)];
        for (var i = 0; i < words.Count; i++)
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * sizeof(int)), words[i]);
        return BinaryPrimitives.ReadUInt128LittleEndian(SHA256.HashData(bytes));
    }
}

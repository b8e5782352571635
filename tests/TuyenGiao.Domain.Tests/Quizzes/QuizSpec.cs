using System.Security.Cryptography;
using System.Text;
using TuyenGiao.Common;
using TuyenGiao.PersonalData;
using TuyenGiao.Quizzes;

namespace TuyenGiao.Domain.Tests.Quizzes;

/// <summary>
/// The Trà Vinh bloc's weekly online quiz: two rounds in June 2023 (Vietnam time), 5 questions an attempt from a bank
/// of 12, 15 minutes, 2 attempts a round, the best counting; and helpers to drive it.
/// </summary>
internal static class QuizSpec
{
    public const string Id = "TN-LICH-SU-DANG";
    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    public static readonly DateTimeOffset ContestOpens = new(2023, 6, 1, 0, 0, 0, Vietnam);
    public static readonly DateTimeOffset ContestCloses = new(2023, 7, 1, 0, 0, 0, Vietnam);
    public static readonly QuizRound Week1 = new(1, new(2023, 6, 5, 0, 0, 0, Vietnam), new(2023, 6, 12, 0, 0, 0, Vietnam));
    public static readonly QuizRound Week2 = new(2, new(2023, 6, 12, 0, 0, 0, Vietnam), new(2023, 6, 19, 0, 0, 0, Vietnam));
    public static readonly DateTimeOffset Before = new(2023, 6, 2, 8, 0, 0, Vietnam);
    public static readonly DateTimeOffset InWeek1 = new(2023, 6, 6, 20, 0, 0, Vietnam);
    public static readonly string[] CellPath = ["TV-KHOI-SGD", "TV-KHOI", "TV"];
    public static readonly string[] Eligible = ["TV-KHOI"];
    public const string Phone = "+84912345678";
    public const string Key = "khoa-cua-an";

    public static QuizRules Rules(int perAttempt = 5, int attempts = 2, AttemptCounting counting = AttemptCounting.Best, int minutes = 15) =>
        new(perAttempt, TimeSpan.FromMinutes(minutes), attempts, counting, [Week1, Week2],
            "Dự đoán có bao nhiêu người trả lời đúng tất cả các câu hỏi của tuần?");

    /// <summary>Question n: its right option is n mod 4; question 12 has two right options (0 and 2).</summary>
    public static QuizQuestion Question(int n) =>
        new(n, $"Câu hỏi số {n} về lịch sử Đảng bộ tỉnh Trà Vinh?", ["Phương án A", "Phương án B", "Phương án C", "Phương án D"], n == 12 ? [0, 2] : [n % 4]);

    public static IReadOnlyList<QuizQuestion> Bank(int size = 12) => Enumerable.Range(1, size).Select(Question).ToList();

    public static string HashOf(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static RegisterParticipant Registration(string phone = "0912 345 678", string name = "Nguyễn Văn An", int birthYear = 1985, string key = Key) =>
        new(name, phone, birthYear, "TV-KHOI-SGD", true, HashOf(key));

    /// <summary>The pseudonyms of these tests, under a fixed secret (a node's come from its vault).</summary>
    public static PersonPseudonyms Pseudonyms => Contests.ContestSpec.Pseudonyms;

    /// <summary>The id the quiz knows a person by, from their normalised number.</summary>
    public static string IdOf(string phone = Phone) => Quiz.ParticipantId(Pseudonyms.OfParticipant(phone));

    /// <summary>A registration as the rules record it (name, number and year as the write path then seals them).</summary>
    public static ParticipantRegisteredV2 Registered(string phone = Phone, string name = "Nguyễn Văn An", int birthYear = 1985, string key = Key,
        IReadOnlyList<string>? path = null) =>
        new(Id, Pseudonyms.OfParticipant(phone), phone, name, birthYear.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Pseudonyms.OfParticipantDetails(name, birthYear), (path ?? CellPath)[0], path ?? CellPath, HashOf(key), QuizDecisions.Consent);

    public static Quiz Given(params object[] events) => events.Aggregate(Quiz.None(Id), QuizEvolution.Evolve);

    /// <summary>Rules set, no bank yet: where a bank is loaded.</summary>
    public static Quiz WithRules => Given(new QuizRulesSet(Id, Rules()));

    /// <summary>Set up (rules and bank) and one person registered with <see cref="Key"/>.</summary>
    public static Quiz Ready(QuizRules? rules = null, int bankSize = 12) => Given(
        new QuizRulesSet(Id, rules ?? Rules()), new QuestionBankLoaded(Id, Bank(bankSize)), Registered());

    public static Quiz Then(Quiz state, Decision decision)
    {
        Assert.Null(decision.Rejection);
        return decision.Events.Aggregate(state, QuizEvolution.Evolve);
    }

    public static void ThenRejected(Decision decision, RejectionKind kind, string field)
    {
        var rejection = Assert.IsType<Rejection>(decision.Rejection);
        Assert.Equal((kind, field), (rejection.Kind, rejection.Field));
    }

    /// <summary>The right answer to each question of an attempt, or a wrong one for the first <paramref name="wrong"/>.</summary>
    public static List<QuizAnswer> Answers(IReadOnlyList<int> questions, int wrong = 0) =>
        questions.Select((q, i) => new QuizAnswer(q, i < wrong ? [(Question(q).Correct[0] + 1) % 4] : Question(q).Correct)).ToList();
}

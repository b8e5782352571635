using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using TuyenGiao.Quizzes;

namespace TuyenGiao.Bench;

/// <summary>
/// How much managed memory a quiz grain's state holds per registered person and per attempt, and how long the round's
/// ranking takes at that size: the state is folded from realistic events (Vietnamese names, twelve committees, 20
/// questions an attempt, all submitted) and measured after a full collection. In memory only: no database.
/// </summary>
public static class QuizStateMemory
{
    public sealed record Result(int People, int Attempts, long PeopleBytes, long AttemptBytes, TimeSpan Fold, TimeSpan Ranking, int Ranked);

    public static Result Measure(int people, int attempts)
    {
        var opens = new DateTimeOffset(2023, 6, 5, 0, 0, 0, TimeSpan.FromHours(7));
        var rules = new QuizRules(20, TimeSpan.FromMinutes(15), 1, AttemptCounting.First,
            [new QuizRound(1, opens, opens.AddDays(7))], "Dự đoán có bao nhiêu người trả lời đúng tất cả các câu hỏi của tuần?");
        var committees = Enumerable.Range(1, 12).Select(i => $"TV-KHOI-{i:D2}").ToArray();
        var bank = Enumerable.Range(1, 60).Select(n => new QuizQuestion(n, $"Câu hỏi số {n} về lịch sử Đảng?", ["Một", "Hai", "Ba", "Bốn"], [n % 4])).ToList();

        var baseline = Collect();
        var clock = Stopwatch.StartNew();
        var state = QuizEvolution.Evolve(QuizEvolution.Evolve(Quiz.None("BENCH"), new QuizRulesSet("BENCH", rules)), new QuestionBankLoaded("BENCH", bank));
        for (var i = 0; i < people; i++)
        {
            var committee = committees[i % committees.Length];
            // Each event as a replay reads it: its own strings and lists.
            state = QuizEvolution.Evolve(state, new ParticipantRegistered("BENCH", Phone(i), $"Nguyễn Văn {i}", 1960 + i % 45, committee,
                [committee, "TV-KHOI", "TV"], Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Phone(i)))), QuizDecisions.Consent));
        }
        var afterPeople = Collect();
        for (var i = 0; i < attempts; i++)
        {
            var started = opens.AddSeconds(i % 600_000);
            var questions = Enumerable.Range(0, 20).Select(k => (i * 7 + k * 3) % 60 + 1).Distinct().ToList();
            state = QuizEvolution.Evolve(state, new AttemptStarted("BENCH", $"lượt-{i:D8}", Phone(i % people), 1, questions, (ulong)i, started, started.AddMinutes(15)));
            state = QuizEvolution.Evolve(state, new AttemptSubmitted("BENCH", $"lượt-{i:D8}",
                questions.Select(q => new QuizAnswer(q, [q % 4])).ToList(), 100 + i % 900, 20 - i % 4, started.AddMinutes(5 + i % 9)));
        }
        var fold = clock.Elapsed;
        var afterAttempts = Collect();

        clock.Restart();
        var ranking = QuizDecisions.RankRound(state, 1, opens.AddDays(8))!;
        var rank = clock.Elapsed;
        GC.KeepAlive(state);
        return new Result(people, attempts, afterPeople - baseline, afterAttempts - afterPeople, fold, rank, ranking.Ranking.Count);
    }

    private static string Phone(int i) => $"+8491{i:D7}";

    private static long Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

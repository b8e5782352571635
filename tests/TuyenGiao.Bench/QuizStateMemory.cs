using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using TuyenGiao.PersonalData;
using TuyenGiao.Quizzes;

namespace TuyenGiao.Bench;

/// <summary>
/// How much managed memory a quiz grain's state holds per registered person and per attempt, and how long the round's
/// ranking takes at that size: the state is folded from realistic events (Vietnamese names and numbers sealed as the
/// store keeps them, twelve committees, 20 questions an attempt, all submitted) and measured after a full collection. At that size, it also times what runs on
/// every call (the decision of a start, the participation's count) and the snapshot an activation restores. In memory
/// only: no database.
/// </summary>
public static class QuizStateMemory
{
    /// <summary>How many people's starts are decided for <see cref="Result.StartDecision"/>'s mean.</summary>
    public const int Decisions = 1_000;

    /// <param name="StartDecision">The mean time to decide a start (a second attempt in the round, refused) for one person.</param>
    /// <param name="Participation">The time to count the participation of every committee once.</param>
    public sealed record Result(int People, int Attempts, long PeopleBytes, long AttemptBytes, TimeSpan Fold, TimeSpan Ranking, int Ranked,
        TimeSpan StartDecision, TimeSpan Participation, SnapshotRoundTrip.Result Snapshot);

    private static readonly PersonPseudonyms Pseudonyms = new(RandomNumberGenerator.GetBytes(PersonPseudonyms.SecretLength));

    public static Result Measure(int people, int attempts)
    {
        var dataKey = RandomNumberGenerator.GetBytes(SealedText.KeyLength);
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
            var person = Pseudonyms.OfParticipant(Phone(i));
            using var sealer = new TextSealer(new DataKeyRef(person, Guid.NewGuid()), dataKey);
            state = QuizEvolution.Evolve(state, new ParticipantRegisteredV2("BENCH", person, sealer.Seal(Phone(i)),
                sealer.Seal($"Nguyễn Văn {i}"), sealer.Seal($"{1960 + i % 45}"), Pseudonyms.OfParticipantDetails($"Nguyễn Văn {i}", 1960 + i % 45),
                committee, [committee, "TV-KHOI", "TV"], KeyHash(i), QuizDecisions.Consent));
        }
        var afterPeople = Collect();
        for (var i = 0; i < attempts; i++)
        {
            var started = opens.AddSeconds(i % 600_000);
            var questions = Enumerable.Range(0, 20).Select(k => (i * 7 + k * 3) % 60 + 1).Distinct().ToList();
            state = QuizEvolution.Evolve(state, new AttemptStarted("BENCH", $"lượt-{i:D8}", Quiz.ParticipantId(Pseudonyms.OfParticipant(Phone(i % people))), 1, questions, (ulong)i, started, started.AddMinutes(15)));
            state = QuizEvolution.Evolve(state, new AttemptSubmitted("BENCH", $"lượt-{i:D8}",
                questions.Select(q => new QuizAnswer(q, [q % 4])).ToList(), 100 + i % 900, 20 - i % 4, started.AddMinutes(5 + i % 9)));
        }
        var fold = clock.Elapsed;
        var afterAttempts = Collect();

        clock.Restart();
        var ranking = QuizDecisions.RankRound(state, 1, opens.AddDays(8))!;
        var rank = clock.Elapsed;

        var inRound = opens.AddDays(6);
        clock.Restart();
        for (var i = 0; i < Decisions; i++)
        {
            var person = i * (people / Decisions) % people;
            var decision = QuizDecisions.Start(state, new StartAttempt($"again-{i}", Phone(person), KeyHash(person), 1), Pseudonyms, inRound);
            if (decision.Rejection is null && person < attempts)
                throw new InvalidOperationException("a second attempt in a round of one was accepted");
        }
        var start = clock.Elapsed / Decisions;

        var members = committees.Select(c => new ParticipatingCommittee(c, c, "TV-KHOI", 500)).Append(new ParticipatingCommittee("TV-KHOI", "Khối", "TV", 6_000)).ToList();
        clock.Restart();
        var participation = QuizParticipation.Of(state, members);
        var count = clock.Elapsed;
        if (participation.Single(c => c.Code == "TV-KHOI").People != Math.Min(people, attempts))
            throw new InvalidOperationException("the participation does not count everyone who took part");

        var snapshot = SnapshotRoundTrip.Measure(state, quiz => System.Text.Json.JsonSerializer.Serialize(QuizParticipation.Of(quiz, members)));
        GC.KeepAlive(state);
        return new Result(people, attempts, afterPeople - baseline, afterAttempts - afterPeople, fold, rank, ranking.Ranking.Count, start, count, snapshot);
    }

    private static string KeyHash(int i) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Phone(i))));

    private static string Phone(int i) => $"+8491{i:D7}";

    private static long Collect()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

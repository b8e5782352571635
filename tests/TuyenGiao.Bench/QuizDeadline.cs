using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace TuyenGiao.Bench;

/// <summary>
/// An online quiz at national volume over HTTP, through the public endpoints as people take it: everyone registers, then
/// the round opens and some of them start an attempt, and then all of those submit at once, as the last minutes before a
/// round's deadline bring them; once the round closes its results are asked for. Each person sends from an address of
/// their own (the X-Forwarded-For of a proxy on the node's host, which the node trusts), as phones on a carrier's
/// network do, so the per-address limits hold as they would. Every answer other than the expected one is an error.
/// </summary>
public static class QuizDeadline
{
    private const int QuestionsPerAttempt = 20;
    private const int BankSize = 60;

    public sealed record Phase(string Name, long Done, long Errors, double Seconds, double PerSecond, Percentiles LatencyMs, IReadOnlyList<string> FirstErrors);

    /// <param name="ResultsSeconds">From the round's close to the results (the ranking of every attempt and its key) answered.</param>
    public sealed record Result(int People, int Attempts, int Clients, Phase Registration, Phase Starts, Phase Submissions, double ResultsSeconds, int Ranked,
        long ApiWorkingSetBytes);

    public static async Task<Result> RunAsync(ApiProcess api, int people, int attempts, int clients, TimeSpan round, Action<string> progress)
    {
        using var admin = api.Client(TimeSpan.FromMinutes(5));
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var (province, cells) = ($"QP{suffix}", Enumerable.Range(1, 12).Select(i => $"QG{i:D2}{suffix}").ToArray());
        await Send(admin, HttpMethod.Post, "/api/committees", new { code = province, name = "Tỉnh ủy", level = "Province", memberCount = people });
        foreach (var cell in cells)
            await Send(admin, HttpMethod.Post, "/api/committees", new { code = cell, name = "Đảng bộ cơ sở", level = "Grassroots", parentCode = province, memberCount = people / 12 });
        var contest = $"QUIZ-{suffix}";
        var now = DateTimeOffset.UtcNow;
        await Send(admin, HttpMethod.Post, "/api/contests", new
        {
            contestId = contest, organiserCode = province, kind = "Quiz", title = "Tìm hiểu lịch sử Đảng bộ tỉnh", opensAt = now.AddMinutes(-1),
            closesAt = now.AddDays(2), target = people, perAuthorLimit = 1, individualPrizes = new[] { new { name = "Giải nhất", count = 1 } },
        });
        // Registration needs the rules, not an open round: the round is first set a day ahead, then, once everyone is
        // registered, set again to open in a few seconds (rules may change until the first round opens).
        var root = $"/api/quizzes/{contest}";
        Task SetRound(DateTimeOffset opens) => Send(admin, HttpMethod.Put, $"{root}/rules", new
        {
            questionsPerAttempt = QuestionsPerAttempt, timeLimitMinutes = (int)Math.Min(180, Math.Ceiling(round.TotalMinutes)), attemptsPerRound = 1, counting = "First",
            rounds = new[] { new { opensAt = opens, closesAt = opens + round } }, predictionQuestion = "Dự đoán có bao nhiêu người trả lời đúng tất cả các câu hỏi của tuần?",
        });
        await SetRound(now.AddDays(1));
        await Send(admin, HttpMethod.Put, $"{root}/bank", new
        {
            questions = Enumerable.Range(1, BankSize).Select(n => new
            {
                text = $"Câu hỏi số {n} về lịch sử Đảng bộ tỉnh?", options = new[] { "Phương án A", "Phương án B", "Phương án C", "Phương án D" }, correct = new[] { n % 4 },
            }),
        });

        using var anonymous = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(60),
        };
        var keys = new string?[people];
        var registration = await RunPhase("registration", people, clients, progress, async i =>
        {
            using var response = await Post(anonymous, HttpMethod.Post, $"{root}/participants", i, null,
                new { name = $"Nguyễn Văn {i}", phone = Phone(i), birthYear = 1960 + i % 45, committeeCode = cells[i % cells.Length], consent = true });
            if (response.StatusCode != HttpStatusCode.OK)
                return await Failed(response);
            keys[i] = (await response.Content.ReadFromJsonAsync<Registered>())!.ParticipantKey;
            return null;
        });

        var opens = DateTimeOffset.UtcNow.AddSeconds(10);
        var closes = opens + round;
        await SetRound(opens);
        progress("waiting 10 s for the round to open");
        await Task.Delay(opens - DateTimeOffset.UtcNow);
        var questions = new int[attempts][];
        var starts = await RunPhase("starts", attempts, clients, progress, async i =>
        {
            using var response = await Post(anonymous, HttpMethod.Post, $"{root}/attempts", i, keys[i], new { attemptId = $"attempt-{i}", phone = Phone(i) });
            if (response.StatusCode != HttpStatusCode.Created)
                return await Failed(response);
            questions[i] = (await response.Content.ReadFromJsonAsync<Started>())!.Questions.Select(q => q.Number).ToArray();
            return null;
        });
        var submissions = await RunPhase("submissions", attempts, clients, progress, async i =>
        {
            if (questions[i] is not { } drawn)
                return "never started";
            // Most answers right, one in eight wrong; predictions spread, so that the ranking's every level is used.
            var answers = drawn.Select((q, k) => new { question = q, chosen = new[] { (q + (k + i) % 8 / 7) % 4 } });
            using var response = await Post(anonymous, HttpMethod.Put, $"{root}/attempts/{Uri.EscapeDataString($"attempt-{i}")}/submission", i, keys[i],
                new { phone = Phone(i), answers, prediction = (long)(i % 1_000) });
            return response.StatusCode == HttpStatusCode.OK ? null : await Failed(response);
        });

        var untilClose = closes - DateTimeOffset.UtcNow;
        if (untilClose < TimeSpan.Zero)
            throw new InvalidOperationException($"the round of {round} closed before the submissions ended: give it more time (--round-minutes)");
        progress($"waiting {untilClose.TotalSeconds:N0} s for the round to close");
        await Task.Delay(untilClose);
        var clock = Stopwatch.StartNew();
        using var results = await admin.GetAsync($"{root}/rounds/1/results");
        var ranked = results.IsSuccessStatusCode ? (await results.Content.ReadFromJsonAsync<Ranked>())!.Ranking.Count : -1;
        var resultsSeconds = clock.Elapsed.TotalSeconds;
        return new Result(people, attempts, clients, registration, starts, submissions, Math.Round(resultsSeconds, 2), ranked, api.WorkingSetBytes);
    }

    private static string Phone(int i) => $"09{i:D8}";

    /// <summary>The requests of one phase, person 0 to count-1, by <paramref name="clients"/> at a time; a null from <paramref name="one"/> is a success.</summary>
    private static async Task<Phase> RunPhase(string name, int count, int clients, Action<string> progress, Func<int, Task<string?>> one)
    {
        var latencies = new Latencies();
        var errors = new ConcurrentQueue<string>();
        long next = -1, done = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        using var report = new Timer(_ => progress($"{name}: {Interlocked.Read(ref done):N0} of {count:N0}, {Interlocked.Read(ref failed):N0} errors"), null,
            TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            for (var i = (int)Interlocked.Increment(ref next); i < count; i = (int)Interlocked.Increment(ref next))
            {
                var started = clock.Elapsed;
                string? error;
                try
                {
                    error = await one(i);
                }
                catch (HttpRequestException ex)
                {
                    error = ex.Message;
                }
                catch (TaskCanceledException)
                {
                    error = "timed out";
                }
                latencies.Add(clock.Elapsed - started);
                Interlocked.Increment(ref error is null ? ref done : ref failed);
                if (error is not null && errors.Count < 5)
                    errors.Enqueue(error);
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        return new Phase(name, done, failed, Math.Round(seconds, 1), Math.Round(done / seconds), latencies.Summarise(), [.. errors]);
    }

    private static async Task<HttpResponseMessage> Post(HttpClient http, HttpMethod method, string path, int person, string? key, object body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", $"10.{person >> 16 & 0xFF}.{person >> 8 & 0xFF}.{person & 0xFF}");
        if (key is not null)
            request.Headers.Add("X-Participant-Key", key);
        return await http.SendAsync(request);
    }

    private static async Task<string?> Failed(HttpResponseMessage response) => $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";

    private static async Task Send(HttpClient http, HttpMethod method, string path, object body)
    {
        using var response = await http.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private sealed record Registered(string ParticipantKey);

    private sealed record Started(IReadOnlyList<QuestionNumber> Questions);

    private sealed record QuestionNumber(int Number);

    private sealed record Ranked(IReadOnlyList<object> Ranking);
}

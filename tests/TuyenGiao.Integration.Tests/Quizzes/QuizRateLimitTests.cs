using System.Net;
using TuyenGiao.Api.Quizzes;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Quizzes;

/// <summary>The quiz's anonymous endpoints, limited per network address and per person: a 429 with Retry-After that records nothing.</summary>
public class QuizRateLimitTests
{
    private static Dictionary<string, string?> Limits(int addressBurst, int personBurst) => new()
    {
        ["RateLimits:QuizPerAddressPerSecond"] = "1", ["RateLimits:QuizAddressBurst"] = addressBurst.ToString(),
        ["RateLimits:QuizPerPersonPerSecond"] = "1", ["RateLimits:QuizPersonBurst"] = personBurst.ToString(),
    };

    [Fact]
    public async Task Given_many_registrations_from_one_address_When_past_the_burst_Then_429_with_Retry_After_and_nothing_recorded()
    {
        var (database, node, root, contest, _) = await QuizScenario.InOpenRoundAsync(Limits(addressBurst: 3, personBurst: 100));
        await using var _ = database;
        await using var __ = node;
        using var client = node.Anonymous();

        for (var i = 1; i <= 3; i++)
            await Read<ParticipantResponse>(await client.PostJson($"{root}/participants",
                new { name = $"Người thứ {i}", phone = $"091234567{i}", birthYear = 1990, committeeCode = contest.CellA, consent = true }), HttpStatusCode.OK);
        var refused = await client.PostJson($"{root}/participants", new { name = "Người thứ 4", phone = "0912345674", birthYear = 1990, committeeCode = contest.CellA, consent = true });

        await AssertProblem(refused, HttpStatusCode.TooManyRequests, "address");
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(3, (await Read<QuizResponse>(await client.GetAsync(root), HttpStatusCode.OK)).Participants);
    }

    [Fact]
    public async Task Given_one_person_hammering_When_past_their_burst_Then_429_on_the_phone_and_nothing_recorded()
    {
        var (database, node, root, contest, _) = await QuizScenario.InOpenRoundAsync(Limits(addressBurst: 100, personBurst: 2));
        await using var _ = database;
        await using var __ = node;
        using var client = node.Anonymous();
        var person = await Read<ParticipantResponse>(await client.PostJson($"{root}/participants",
            new { name = "Nguyễn Văn An", phone = "0912345678", birthYear = 1990, committeeCode = contest.CellA, consent = true }), HttpStatusCode.OK);
        client.DefaultRequestHeaders.Add(QuizEndpoints.KeyHeader, person.ParticipantKey);

        await Read<AttemptResponse>(await client.PostJson($"{root}/attempts", new { attemptId = "an-1", phone = "0912345678" }), HttpStatusCode.Created);
        // The same person written the other way is the same person.
        await AssertProblem(await client.PostJson($"{root}/attempts", new { attemptId = "an-2", phone = "+84 912 345 678" }), HttpStatusCode.TooManyRequests, "phone");

        // Another person from the same address is not held back.
        await Read<ParticipantResponse>(await client.PostJson($"{root}/participants",
            new { name = "Trần Thị Bình", phone = "0987654321", birthYear = 1991, committeeCode = contest.CellA, consent = true }), HttpStatusCode.OK);
        Assert.Equal(3, await database.ScalarAsync("SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = @s AND type <> 'quiz_rules_set' AND type <> 'question_bank_loaded'",
            ("s", $"quiz/{contest.ContestId}")));
    }
}

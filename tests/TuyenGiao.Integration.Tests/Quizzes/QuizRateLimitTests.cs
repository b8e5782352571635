using System.Net;
using System.Net.Http.Json;
using TuyenGiao.Access;
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

    [Fact]
    public async Task Given_people_behind_a_proxy_on_the_same_host_When_one_address_passes_its_burst_Then_another_address_behind_the_proxy_is_still_served()
    {
        // Loopback is trusted by default: a reverse proxy on the node's host forwards each person's own address.
        var (database, node, root, contest, _) = await QuizScenario.InOpenRoundAsync(Limits(addressBurst: 2, personBurst: 100));
        await using var _ = database;
        await using var __ = node;
        using var client = node.Anonymous();
        HttpRequestMessage From(string address, int i) => Registration(root, contest.CellA, i, address);

        await Read<ParticipantResponse>(await client.SendAsync(From("203.0.113.7", 1)), HttpStatusCode.OK);
        await Read<ParticipantResponse>(await client.SendAsync(From("203.0.113.7", 2)), HttpStatusCode.OK);
        await AssertProblem(await client.SendAsync(From("203.0.113.7", 3)), HttpStatusCode.TooManyRequests, "address");
        await Read<ParticipantResponse>(await client.SendAsync(From("198.51.100.20", 4)), HttpStatusCode.OK);

        Assert.Equal(3, (await Read<QuizResponse>(await client.GetAsync(root), HttpStatusCode.OK)).Participants);
    }

    [Fact]
    public async Task Given_a_node_trusting_only_its_ingress_network_When_a_client_elsewhere_claims_new_addresses_Then_the_claim_is_ignored_and_its_own_address_is_limited()
    {
        var settings = Limits(addressBurst: 2, personBurst: 100);
        settings["Http:TrustedProxies"] = "10.0.0.0/8";
        var (database, node, root, contest, _) = await QuizScenario.InOpenRoundAsync(settings);
        await using var _ = database;
        await using var __ = node;
        using var client = node.Anonymous();

        for (var i = 1; i <= 3; i++)
        {
            var response = await client.SendAsync(Registration(root, contest.CellA, i, $"203.0.113.{i}"));
            if (i <= 2)
                await Read<ParticipantResponse>(response, HttpStatusCode.OK);
            else
                await AssertProblem(response, HttpStatusCode.TooManyRequests, "address");
        }
    }

    [Fact]
    public async Task Given_many_people_each_from_their_own_address_When_they_register_Then_the_limits_hold_in_a_bounded_number_of_activations()
    {
        // A national quiz brings millions of addresses and phones: a bucket each must not be a grain activation each.
        var (database, node, root, contest, _) = await QuizScenario.InOpenRoundAsync(Limits(addressBurst: 2, personBurst: 100));
        await using var _ = database;
        await using var __ = node;
        using var client = node.Anonymous();

        for (var i = 1; i <= 90; i++)
            await Read<ParticipantResponse>(await client.SendAsync(Registration(root, contest.CellA, i, $"203.0.113.{i}")), HttpStatusCode.OK);
        await Read<ParticipantResponse>(await client.SendAsync(Registration(root, contest.CellA, 91, "203.0.113.90")), HttpStatusCode.OK);
        await AssertProblem(await client.SendAsync(Registration(root, contest.CellA, 92, "203.0.113.90")), HttpStatusCode.TooManyRequests, "address");

        var statistics = await node.Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var limiting = statistics.Where(s => s.GrainType.Contains("RateLimit", StringComparison.Ordinal) || s.GrainType.Contains("Quota", StringComparison.Ordinal))
            .Sum(s => s.ActivationCount);
        Assert.InRange(limiting, 1, RateLimitShards.Count);
    }

    /// <summary>Person <paramref name="i"/> registering, through a proxy that says they come from <paramref name="forwardedFor"/>.</summary>
    private static HttpRequestMessage Registration(string root, string committee, int i, string forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{root}/participants")
        {
            Content = JsonContent.Create(new { name = $"Người thứ {i}", phone = $"09123456{i:D2}", birthYear = 1990, committeeCode = committee, consent = true }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }
}

using System.Net;
using TuyenGiao.Access;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Security;

/// <summary>Submissions are limited per user: on a node configured for a burst of 3 and 1 per second.</summary>
public class RateLimitTests
{
    [Fact]
    public async Task Given_a_user_over_the_submission_limit_When_they_submit_Then_429_with_Retry_After_stores_nothing_and_other_users_go_on()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"rate-{Guid.NewGuid():N}"[..16],
            settings: new Dictionary<string, string?> { ["RateLimits:SubmissionBurst"] = "3", ["RateLimits:SubmissionsPerSecond"] = "1" });
        var contest = await ContestScenario.OpenNowAsync(node.Http, perAuthorLimit: 10);
        using var first = node.ClientAs("officer-1", Role.Officer, contest.Bloc);
        using var second = node.ClientAs("officer-2", Role.Officer, contest.Bloc);

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Created, (await contest.Submit(contest.Entry($"burst-{i}"), first)).StatusCode);
        var before = await database.EventCountAsync();
        var throttled = await contest.Submit(contest.Entry("burst-3"), first);

        await AssertProblem(throttled, HttpStatusCode.TooManyRequests, "submissions");
        var retryAfter = RetryAfter(throttled);
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.Equal(before, await database.EventCountAsync());
        Assert.Equal(HttpStatusCode.Created, (await contest.Submit(contest.Entry("other-user"), second)).StatusCode);

        // A client that waits as told gets through. Retry-After is the limiter's estimate and its refill runs on a
        // timer, which a loaded machine can run late: such a client may be told to wait once more, not for ever.
        HttpResponseMessage retried;
        var attempts = 0;
        do
        {
            await Task.Delay(retryAfter);
            retried = await contest.Submit(contest.Entry("burst-3"), first);
            attempts++;
            if (retried.StatusCode == HttpStatusCode.TooManyRequests)
                retryAfter = RetryAfter(retried);
        }
        while (retried.StatusCode == HttpStatusCode.TooManyRequests && attempts < 3);
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
    }

    [Fact]
    public async Task Given_two_nodes_When_a_user_sends_their_burst_through_both_Then_the_limit_counts_across_the_cluster()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = $"rate2-{Guid.NewGuid():N}"[..16];
        var limits = new Dictionary<string, string?> { ["RateLimits:SubmissionBurst"] = "3", ["RateLimits:SubmissionsPerSecond"] = "1" };
        await using var one = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId, settings: limits);
        await using var two = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId, settings: limits);
        var contest = await ContestScenario.OpenNowAsync(one.Http, perAuthorLimit: 10);
        using var viaOne = one.ClientAs("officer-1", Role.Officer, contest.Bloc);
        using var viaTwo = two.ClientAs("officer-1", Role.Officer, contest.Bloc);

        Assert.Equal(HttpStatusCode.Created, (await contest.Submit(contest.Entry("n1-a"), viaOne)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await contest.Submit(contest.Entry("n2-a"), viaTwo)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await contest.Submit(contest.Entry("n1-b"), viaOne)).StatusCode);

        // A limit counted per node would let this one through (node two has seen only one).
        await AssertProblem(await contest.Submit(contest.Entry("n2-b"), viaTwo), HttpStatusCode.TooManyRequests, "submissions");
    }

    private static TimeSpan RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta ?? TimeSpan.Parse("00:00:" + response.Headers.GetValues("Retry-After").Single());
}

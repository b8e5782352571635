using System.Net;
using System.Text.Json;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Observability;

/// <summary>/metrics in Prometheus' format: the frameworks' instruments and the product's own, counting what happened.</summary>
[Collection(NodeCollection.Name)]
public class MetricsTests(NodeFixture fixture)
{
    private const string Submissions = "tuyengiao_contests_submissions_total";

    [Fact]
    public async Task Given_an_accepted_and_a_refused_entry_When_metrics_are_scraped_Then_the_submission_counter_counts_each_by_outcome_and_kind()
    {
        var contest = await ContestScenario.OpenNowAsync(fixture.Node.Http, perAuthorLimit: 1);
        using var anonymous = fixture.Node.Anonymous();
        var before = await Scrape(anonymous);

        await Read<JsonElement>(await contest.Submit(contest.Entry("metrics-1", author: "Nguyễn Văn Đo")), HttpStatusCode.Created);
        await AssertProblem(await contest.Submit(contest.Entry("metrics-2", author: "Nguyễn Văn Đo")), HttpStatusCode.UnprocessableEntity, "authorName");

        // Other tests in this process may submit too: the counters must have grown by at least these two.
        var after = await ScrapeUntil(anonymous, scrape =>
            scrape.Sum(Submissions, ("outcome", "accepted")) >= before.Sum(Submissions, ("outcome", "accepted")) + 1
            && scrape.Sum(Submissions, ("outcome", "rejected"), ("kind", "RuleViolation")) >= before.Sum(Submissions, ("outcome", "rejected"), ("kind", "RuleViolation")) + 1);
        Assert.True(after.Sum("tuyengiao_eventstore_append_batch_size_count") > before.Sum("tuyengiao_eventstore_append_batch_size_count"),
            "no append was measured");
        // Where an append's time goes: waiting for a transaction, then the transaction itself.
        Assert.True(after.Sum("tuyengiao_eventstore_append_wait_milliseconds_count") > before.Sum("tuyengiao_eventstore_append_wait_milliseconds_count"),
            "no append's wait for its transaction was measured");
        Assert.True(after.Sum("tuyengiao_eventstore_commit_duration_milliseconds_count") > before.Sum("tuyengiao_eventstore_commit_duration_milliseconds_count"),
            "no transaction's duration was measured");
        Assert.True(after.Sum("tuyengiao_eventstore_commit_duration_milliseconds_sum") > before.Sum("tuyengiao_eventstore_commit_duration_milliseconds_sum"),
            "a transaction was measured as taking no time");
    }

    [Fact]
    public async Task Given_a_live_follower_When_an_entry_changes_the_tally_Then_the_tally_latency_histogram_measures_the_push()
    {
        const string latency = "tuyengiao_contests_tally_latency_milliseconds_count";
        var contest = await ContestScenario.OpenNowAsync(fixture.Node.Http);
        using var anonymous = fixture.Node.Anonymous();
        using var live = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/contests/{contest.ContestId}/tally/live"),
            HttpCompletionOption.ResponseHeadersRead);
        var follower = new SseReader(await live.Content.ReadAsStreamAsync());
        Assert.Equal(0, (await follower.NextTally(TimeSpan.FromSeconds(10))).Accepted);
        var before = await Scrape(anonymous);

        await Read<JsonElement>(await contest.Submit(contest.Entry("latency-1")), HttpStatusCode.Created);
        Assert.Equal(1, (await follower.NextTally(TimeSpan.FromSeconds(10))).Accepted);

        await ScrapeUntil(anonymous, scrape => scrape.Sum(latency) >= before.Sum(latency) + 1);
    }

    [Fact]
    public async Task Given_a_running_node_When_metrics_are_scraped_anonymously_Then_ASP_NET_Core_Orleans_Npgsql_and_runtime_instruments_are_there()
    {
        using var anonymous = fixture.Node.Anonymous();
        await fixture.Node.Http.GetAsync("/api/committees");

        var response = await anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        var names = new PrometheusText(await response.Content.ReadAsStringAsync()).Names.ToHashSet();

        Assert.Contains("http_server_request_duration_seconds_count", names);
        Assert.Contains(names, n => n.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("db_client_", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("dotnet_gc_", StringComparison.Ordinal));
    }

    private static async Task<PrometheusText> Scrape(HttpClient http)
    {
        var response = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new PrometheusText(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The exporter caches a scrape briefly, so a change shows within a second or so, not at once.</summary>
    private static async Task<PrometheusText> ScrapeUntil(HttpClient http, Func<PrometheusText, bool> holds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var scrape = await Scrape(http);
            if (holds(scrape))
                return scrape;
            Assert.True(DateTime.UtcNow < deadline, "the counters did not grow within 10 s");
            await Task.Delay(200);
        }
    }
}

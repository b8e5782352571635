using System.Net;
using System.Text.Json;
using TuyenGiao.Access;
using TuyenGiao.Api.Http;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using TuyenGiao.Testing;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Observability;

/// <summary>
/// A node as its own process, logging as it does in production: one JSON object a line on standard output, with
/// scopes. What a grain logs about a command carries the correlation id of the request that sent it.
/// </summary>
public class StructuredLogTests
{
    [Fact]
    public async Task Given_requests_with_correlation_ids_When_the_grain_records_and_refuses_Then_its_JSON_log_lines_carry_each_id_and_actor()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TestNodeProcesses.StartApiAsync(database, $"logs-{Guid.NewGuid():N}"[..16], "logs",
            new Dictionary<string, string> { ["Logging__LogLevel__TuyenGiao"] = "Debug" });
        using var admin = TestNodeProcesses.Client(node, TestNodeProcesses.Tokens.Issue("log-admin", Role.Admin));
        var contest = await ContestScenario.OpenNowAsync(admin, perAuthorLimit: 1);

        var accepted = $"accept-{Guid.NewGuid():N}";
        var refused = $"refuse-{Guid.NewGuid():N}";
        admin.DefaultRequestHeaders.Add(Correlation.Header, accepted);
        await Read<JsonElement>(await contest.Submit(contest.Entry("log-1", author: "Trần Thị Ánh")), HttpStatusCode.Created);
        admin.DefaultRequestHeaders.Remove(Correlation.Header);
        admin.DefaultRequestHeaders.Add(Correlation.Header, refused);
        await AssertProblem(await contest.Submit(contest.Entry("log-2", author: "Trần Thị Ánh")), HttpStatusCode.UnprocessableEntity, "authorName");

        var recorded = await LineWith(node, accepted, "events recorded");
        var refusal = await LineWith(node, refused, "command refused (RuleViolation) on authorName");

        foreach (var line in new[] { recorded, refusal })
        {
            Assert.StartsWith("TuyenGiao.Contests.", line.GetProperty("Category").GetString());
            Assert.Equal("Debug", line.GetProperty("LogLevel").GetString());
            Assert.EndsWith("Z", line.GetProperty("Timestamp").GetString());
            var scope = line.GetProperty("Scopes").EnumerateArray().Single(s => s.TryGetProperty("CorrelationId", out _));
            Assert.Equal("log-admin", scope.GetProperty("Actor").GetString());
            Assert.Equal($"contest/{contest.ContestId}", scope.GetProperty("Stream").GetString());
        }
        // Every line is one JSON object: a collector never has to guess where an entry ends.
        Assert.All(node.OutputLines, line => Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(line).RootElement.ValueKind));
    }

    /// <summary>The first log line whose scope has this correlation id and whose message has these words.</summary>
    private static async Task<JsonElement> LineWith(NodeProcess node, string correlationId, string words)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            foreach (var line in node.OutputLines.Where(l => l.Contains(correlationId, StringComparison.Ordinal)))
            {
                var entry = JsonDocument.Parse(line).RootElement;
                if (entry.GetProperty("Message").GetString()!.Contains(words, StringComparison.Ordinal)
                    && entry.GetProperty("Scopes").EnumerateArray().Any(s => s.TryGetProperty("CorrelationId", out var id) && id.GetString() == correlationId))
                    return entry;
            }
            Assert.True(DateTime.UtcNow < deadline, $"no log line with '{words}' under correlation id {correlationId} within 10 s");
            await Task.Delay(200);
        }
    }
}

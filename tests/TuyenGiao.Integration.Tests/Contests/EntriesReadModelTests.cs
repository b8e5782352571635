using System.Net;
using System.Text.Json;
using Npgsql;
using TuyenGiao.Api.Contests;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Contests;

/// <summary>
/// The contest_entries read model, which the grain relies on for every rule about one entry: it must be exactly what the
/// events say, after any mix of commands, and it must be read by its keys on a large contest.
/// </summary>
[Collection(NodeCollection.Name)]
public class EntriesReadModelTests(NodeFixture fixture)
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public async Task Given_random_submissions_retries_withdrawals_disqualifications_and_scores_When_they_settle_Then_the_read_model_equals_a_fold_of_the_events(int seed)
    {
        var random = new Random(seed);
        var http = fixture.Node.Http;
        var contest = await ContestScenario.OpenNowAsync(http, perAuthorLimit: 2);
        var root = $"/api/contests/{contest.ContestId}";
        await Read<ContestTally>(await http.PostJson($"{root}/judges", new { judgeId = "gk-p", name = "Giám khảo Tỉnh", committeeCode = contest.Province }), HttpStatusCode.OK);
        var committees = new[] { contest.CellA, contest.CellB, contest.Bloc };
        var sent = new List<string>();
        for (var round = 0; round < 12; round++)
        {
            // Several at once, so that some share an append.
            var requests = Enumerable.Range(0, 8).Select(k =>
            {
                var pick = random.Next(10);
                if (pick < 5 || sent.Count == 0)
                {
                    var id = $"rm-{round}-{k}";
                    sent.Add(id);
                    return contest.Submit(contest.Entry(id, author: $"Tác giả {random.Next(12)}", committee: committees[random.Next(3)]));
                }
                var earlier = sent[random.Next(sent.Count)];
                return pick switch
                {
                    5 => http.PostAsync($"{contest.Entries}/{earlier}/withdrawal", null),
                    6 => http.PostJson($"{contest.Entries}/{random.Next(1, sent.Count + 1)}/disqualification", new { reason = "Sai thể lệ" }),
                    7 or 8 => http.PutJson($"{contest.Entries}/{random.Next(1, sent.Count + 1)}/scores", new { judgeId = "gk-p", round = 1 + random.Next(2), score = random.Next(101) }),
                    _ => contest.Submit(contest.Entry(earlier)), // a retry, or a different body under a used id
                };
            }).ToList();
            foreach (var response in await Task.WhenAll(requests))
                Assert.True((int)response.StatusCode < 500, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var expected = await FoldOfEventsAsync(contest.ContestId);
        var actual = await ReadModelAsync(contest.ContestId);

        Assert.True(expected.Count > 20, $"only {expected.Count} entries were recorded");
        Assert.Contains(expected, row => row.Contains("|Withdrawn|", StringComparison.Ordinal));
        Assert.Contains(expected, row => row.Contains("gk-p/", StringComparison.Ordinal));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Given_a_contest_of_200000_entries_When_an_entry_is_found_by_submission_or_number_or_a_judge_pages_Then_each_query_reads_an_index()
    {
        var contestId = $"BIG-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using (var fill = new NpgsqlCommand($"""
            INSERT INTO {ContestEntryProjection.QualifiedName}
                (contest_id, entry_number, submission_id, author_name, committee_code, committee_path, title, words, fingerprint, submitted_at, day, status)
            SELECT @contest, n, 'sub-' || n, 'Tác giả ' || n, 'CELL-' || (n % 50), ARRAY['CELL-' || (n % 50), 'BLOC'], 'Bài ' || n, 1000, n,
                   now(), current_date, CASE WHEN n % 20 = 0 THEN 'Withdrawn' ELSE 'Accepted' END
            FROM generate_series(1, 200000) n;
            ANALYZE {ContestEntryProjection.QualifiedName};
            """, connection))
        {
            fill.Parameters.AddWithValue("contest", contestId);
            await fill.ExecuteNonQueryAsync();
        }

        var bySubmission = await PlanAsync(connection, ContestEntries.BySubmissionSql, contestId, "sub-123456");
        var byNumber = await PlanAsync(connection, ContestEntries.ByNumbersSql, contestId, new[] { 123_456 });
        var forJudge = await PlanAsync(connection, ContestEntries.ForJudgeSql, contestId, 150_000, "CELL-7", 50, true, new[] { 150_002 });

        Assert.Contains("ux_contest_entries_submission", bySubmission);
        Assert.Contains("contest_entries_pkey", byNumber);
        Assert.Contains("contest_entries_pkey", forJudge);
        Assert.All(new[] { bySubmission, byNumber, forJudge }, plan => Assert.DoesNotContain("Seq Scan", plan));
        var entries = new ContestEntries(NpgsqlDataSource.Create(fixture.Database.ConnectionString));
        Assert.Equal(123_456, (await entries.FindBySubmissionAsync(contestId, "sub-123456"))!.EntryNumber);
        Assert.Equal([150_001, 150_002, 150_003, 150_004, 150_005, 150_006], await entries.ForJudgeAsync(contestId, "CELL-7", false, [], 150_000, 6));
        Assert.DoesNotContain(160_000, await entries.ForJudgeAsync(contestId, "CELL-1", false, [], 159_990, 20)); // withdrawn
    }

    private static async Task<string> PlanAsync(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT TEXT) " + sql, connection);
        foreach (var value in parameters)
            explain.Parameters.Add(new NpgsqlParameter { Value = value });
        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            lines.Add(reader.GetString(0));
        return string.Join("\n", lines);
    }

    /// <summary>What the read model must hold, folded here from the stream's events as stored (JSON), independently of the projection.</summary>
    private async Task<List<string>> FoldOfEventsAsync(string contestId)
    {
        var rows = new SortedDictionary<int, (JsonElement Entry, string Status, SortedDictionary<string, int> Scores)>();
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT type, data::text FROM tuyengiao.mt_events WHERE stream_id = @stream ORDER BY version", connection);
        command.Parameters.AddWithValue("stream", $"contest/{contestId}");
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var data = JsonDocument.Parse(reader.GetString(1)).RootElement;
            var number = data.TryGetProperty("entryNumber", out var n) ? n.GetInt32() : 0;
            switch (reader.GetString(0))
            {
                case "entry_submitted":
                    rows[number] = (data, "Accepted", new SortedDictionary<string, int>(StringComparer.Ordinal));
                    break;
                case "entry_withdrawn" or "entry_disqualified" when rows[number].Status == "Accepted":
                    rows[number] = rows[number] with { Status = reader.GetString(0) == "entry_withdrawn" ? "Withdrawn" : "Disqualified" };
                    break;
                case "entry_scored":
                    rows[number].Scores[$"{data.GetProperty("judgeId").GetString()}/{data.GetProperty("round").GetInt32()}"] = data.GetProperty("score").GetInt32();
                    break;
            }
        }
        return rows.Select(r => Row(r.Key, r.Value.Entry.GetProperty("submissionId").GetString()!, r.Value.Entry.GetProperty("authorName").GetString()!,
            r.Value.Entry.GetProperty("committeeCode").GetString()!, r.Value.Entry.GetProperty("committeePath").EnumerateArray().Select(p => p.GetString()!),
            r.Value.Entry.GetProperty("title").GetString()!, r.Value.Entry.GetProperty("submittedAt").GetDateTimeOffset(), r.Value.Status,
            r.Value.Scores)).ToList();
    }

    private async Task<List<string>> ReadModelAsync(string contestId)
    {
        await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT entry_number, submission_id, author_name, committee_code, committee_path, title, submitted_at, status, scores::text
            FROM {ContestEntryProjection.QualifiedName} WHERE contest_id = @contest ORDER BY entry_number
            """, connection);
        command.Parameters.AddWithValue("contest", contestId);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var scores = JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(8))!;
            rows.Add(Row(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetFieldValue<string[]>(4),
                reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetString(7), new SortedDictionary<string, int>(scores, StringComparer.Ordinal)));
        }
        return rows;
    }

    private static string Row(int number, string submissionId, string author, string committee, IEnumerable<string> path, string title,
        DateTimeOffset submittedAt, string status, IDictionary<string, int> scores) =>
        $"{number}|{submissionId}|{author}|{committee}|{string.Join('>', path)}|{title}|{submittedAt.UtcTicks}|{status}|{string.Join(',', scores.Select(s => $"{s.Key}={s.Value}"))}";
}

using Microsoft.Extensions.DependencyInjection;
using TuyenGiao.Auditing;
using System.Net;
using System.Text.Json;
using Npgsql;
using TuyenGiao.Api.Committees;
using TuyenGiao.Committees;
using TuyenGiao.Common;
using TuyenGiao.Contests;
using TuyenGiao.EventStore;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using Xunit.Abstractions;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.EventStore;

/// <summary>
/// A model-based test of the write path: seeded random sequences of concurrent submissions (some repeating an id, some
/// repeating it with another body), withdrawals, a committee moved between two blocs and back, deactivations (and so activations from snapshots, taken every 20
/// events here), another writer appending between decide and write, acknowledgements lost after the commit,
/// connections lost before it, lookups failing past the bound, and definite refusals by the database. After each
/// sequence the promises are checked against what PostgreSQL holds. The seed is printed; TUYENGIAO_MODEL_SEED replays one.
/// </summary>
[Collection(FaultyNodeCollection.Name)]
public class WritePathModelTests(FaultyNodeFixture fixture, ITestOutputHelper output)
{
    private const int Sequences = 12;
    private const int StepsPerSequence = 30;
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Given_random_commands_and_faults_When_each_sequence_ends_Then_the_store_the_tally_and_every_answer_agree()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("TUYENGIAO_MODEL_SEED"), out var given) ? given : Environment.TickCount;
        var random = new Random(seed);
        var scenario = await ContestScenario.OpenNowAsync(fixture.Node.Http, perAuthorLimit: 3);
        var otherBloc = $"B2{scenario.Bloc}";
        await Read<CommitteeResponse>(await fixture.Node.Http.PostJson("/api/committees",
            new { code = otherBloc, name = "Đảng ủy Khối doanh nghiệp", level = "Bloc", parentCode = scenario.Province, memberCount = 50 }), HttpStatusCode.Created);
        var faults = new Dictionary<string, int>();
        var commands = 0;
        output.WriteLine($"seed {seed}");

        for (var sequence = 0; sequence < Sequences; sequence++)
        {
            var run = new SequenceRun(fixture, scenario, otherBloc, random, faults, $"M{seed & 0xFFFF:X4}-{sequence}");
            await run.AnnounceAsync();
            for (var step = 0; step < StepsPerSequence; step++)
                await run.StepAsync();
            await run.SettleAsync();
            await run.CheckAsync();
            commands += run.Commands;
        }

        output.WriteLine($"{Sequences} sequences of {StepsPerSequence} steps, {commands} commands; injected: " +
                         string.Join(", ", faults.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}")));
        Assert.True(faults.Values.Sum() >= Sequences, "the sequences injected too few faults to prove anything");
    }

    /// <summary>One contest's sequence: the commands sent, what each was answered, and the checks against the store.</summary>
    private sealed class SequenceRun(FaultyNodeFixture fixture, ContestScenario scenario, string otherBloc, Random random, Dictionary<string, int> faults,
        string contestId)
    {
        private static readonly CommandContext Context = new("model", "corr-model");
        private readonly IContestGrain _grain = fixture.Node.Grains.GetGrain<IContestGrain>(contestId);
        private readonly string _stream = Contest.StreamIdFor(contestId);

        /// <summary>Receipts given: submission id to entry number. Each must be stored exactly once under that number.</summary>
        private readonly Dictionary<string, int> _acknowledged = new(StringComparer.Ordinal);

        /// <summary>
        /// Requests answered 503 (in doubt) or failed as a bug, settled at the end by sending each again. A request is its
        /// id and its body: the same id with another body is another request, with an answer of its own.
        /// </summary>
        private readonly HashSet<SubmitEntry> _unsettled = [];

        /// <summary>Submissions another writer stored behind the grain's back.</summary>
        private readonly HashSet<string> _storedByOthers = new(StringComparer.Ordinal);

        private int _commands;

        public int Commands => _commands;

        public async Task AnnounceAsync()
        {
            var details = new ContestDetails("Cuộc thi mô hình", "Kiểm thử theo mô hình", DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(5),
                500, [], 3, [new PrizeTier("Giải nhất", 1)], []);
            var result = await _grain.Announce(new AnnounceContest(scenario.Province, ContestKind.Writing, details), Context);
            Assert.True(result.Succeeded, result.Rejection?.Reason);
        }

        /// <summary>An id from a small pool, so that ids repeat; its body depends on the id only, unless asked to differ.</summary>
        private SubmitEntry Entry(int id, bool otherBody = false) => new($"s-{id}", $"Tác giả {id % 9}", id % 2 == 0 ? scenario.CellA : scenario.CellB,
            otherBody ? "Một bài khác" : "Khát vọng vươn lên", 1_000 + id, null, null);

        private IReadOnlyList<string> PathOf(SubmitEntry entry) => [entry.CommitteeCode, entry.CommitteeCode == scenario.CellA ? scenario.Bloc : otherBloc, scenario.Province];

        private void Count(string fault) => faults[fault] = faults.GetValueOrDefault(fault) + 1;

        public async Task StepAsync()
        {
            var roll = random.Next(100);
            if (roll < 8)
            {
                Count("deactivation");
                await fixture.Node.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
                return;
            }
            if (roll < 18)
            {
                await WithdrawAsync();
                return;
            }
            if (roll < 22)
            {
                // The second cell changes bloc (the contest is the province's, so it stays eligible); the contest grain
                // sees the new path within its lookup lifetime, and each entry rolls up where it was recorded.
                Count("committee move");
                var cell = fixture.Node.Grains.GetGrain<ICommitteeGrain>(scenario.CellB);
                var parent = (await cell.Get())!.ParentCode == scenario.Bloc ? otherBloc : scenario.Bloc;
                var moved = await cell.MoveUnder(new MoveCommittee(parent), Context);
                Assert.True(moved.Succeeded, moved.Rejection?.Reason);
                return;
            }
            ArmFault();
            var burst = Enumerable.Range(0, random.Next(1, 7)).Select(_ =>
            {
                var id = random.Next(60);
                return Entry(id, otherBody: random.Next(20) == 0);
            }).ToList();
            await Task.WhenAll(burst.Select(SubmitAsync));
        }

        private void ArmFault()
        {
            switch (random.Next(12))
            {
                case 0:
                    Count("lost acknowledgement");
                    fixture.Journal.LoseAcknowledgements(_stream);
                    break;
                case 1:
                    Count("connection lost before commit");
                    fixture.Journal.DropBeforeCommit(_stream, random.Next(1, 3));
                    break;
                case 2:
                    Count("outcome never settled");
                    fixture.Journal.LoseAcknowledgements(_stream);
                    fixture.Journal.FailLookups(_stream, FaultyNodeFixture.MaxWriteAttempts);
                    break;
                case 3:
                    Count("definite refusal");
                    fixture.Journal.RefuseNextAppend(_stream);
                    break;
                case 4:
                    Count("second writer");
                    var other = Entry(100 + random.Next(1_000));
                    fixture.Journal.BeforeNextAppend(_stream, async journal =>
                    {
                        if (await SecondWriter.SubmitAsync(journal, contestId, other, PathOf(other)))
                            lock (_storedByOthers)
                                _storedByOthers.Add(other.SubmissionId);
                    });
                    break;
            }
        }

        private async Task SubmitAsync(SubmitEntry entry)
        {
            Interlocked.Increment(ref _commands);
            try
            {
                var outcome = await _grain.Submit(entry, Context).WaitAsync(AnswerWithin);
                if (outcome.Receipt is { } receipt)
                {
                    lock (_acknowledged)
                    {
                        if (_acknowledged.TryGetValue(receipt.SubmissionId, out var earlier))
                            Assert.Equal(earlier, receipt.EntryNumber); // a retry gets the first answer
                        _acknowledged[receipt.SubmissionId] = receipt.EntryNumber;
                        _unsettled.Remove(entry);
                    }
                }
                else
                {
                    // A rejection (author limit, the same id with another body) is a final answer: nothing written for it.
                    lock (_acknowledged)
                        _unsettled.Remove(entry);
                }
            }
            catch (TimeoutException)
            {
                Assert.Fail($"submission {entry.SubmissionId} got no answer within {AnswerWithin}");
            }
            catch (Exception ex) when (ex is EventStoreUnavailableException or InvalidOperationException)
            {
                // 503 (in doubt) or a refusal injected as a definite failure (answered as a bug): a client sends it again.
                lock (_acknowledged)
                    _unsettled.Add(entry);
            }
        }

        private async Task WithdrawAsync()
        {
            string? id;
            lock (_acknowledged)
                id = _acknowledged.Keys.OrderBy(_ => random.Next()).FirstOrDefault();
            if (id is null)
                return;
            Interlocked.Increment(ref _commands);
            try
            {
                await _grain.Withdraw(new WithdrawEntry(id), Context).WaitAsync(AnswerWithin);
            }
            catch (Exception ex) when (ex is EventStoreUnavailableException or InvalidOperationException)
            {
                // In doubt (503), or refused by the injected definite failure: the recount below decides what is stored.
            }
        }

        /// <summary>Every client sends what was left in doubt again until it is answered: then nothing may be in doubt.</summary>
        public async Task SettleAsync()
        {
            for (var round = 0; _unsettled.Count > 0; round++)
            {
                Assert.True(round < 20, $"still unsettled after 20 rounds: {string.Join(", ", _unsettled.Select(e => e.SubmissionId))}");
                await Task.Delay(100);
                foreach (var entry in _unsettled.ToList())
                    await SubmitAsync(entry);
            }
        }

        public async Task CheckAsync()
        {
            var stored = await StoredAsync();
            var submitted = stored.Where(e => e.Type == "entry_submitted").ToList();

            // Entry numbers are dense and unique, and so are submission ids.
            Assert.Equal(Enumerable.Range(1, submitted.Count), submitted.Select(e => e.Number));
            Assert.Equal(submitted.Count, submitted.Select(e => e.SubmissionId).Distinct().Count());

            // Every acknowledged submission is stored exactly once, under the number its receipt gave.
            var byId = submitted.ToDictionary(e => e.SubmissionId!, e => e.Number);
            foreach (var (id, number) in _acknowledged)
                Assert.Equal(number, byId.GetValueOrDefault(id));
            // Nothing is stored that nobody acknowledged, except what the other writer stored itself.
            Assert.All(byId.Keys, id => Assert.True(_acknowledged.ContainsKey(id) || _storedByOthers.Contains(id), $"{id} is stored but was never acknowledged"));

            // The grain answers, and its tally equals a recount of the stored events.
            var tally = await _grain.GetTally().WaitAsync(AnswerWithin);
            var withdrawnNumbers = stored.Where(e => e.Type == "entry_withdrawn").Select(e => e.Number).ToHashSet();
            Assert.Equal((submitted.Count - withdrawnNumbers.Count, withdrawnNumbers.Count, (long)stored.Count), (tally!.Accepted, tally.Withdrawn, tally.Version));

            // Per committee: every accepted entry counts for each committee on the path it was recorded with.
            var recount = submitted.Where(e => !withdrawnNumbers.Contains(e.Number)).SelectMany(e => e.Path)
                .GroupBy(code => code).ToDictionary(g => g.Key, g => g.Count());
            var tallied = tally.ByCommittee.Where(c => c.Accepted > 0).ToDictionary(c => c.Code, c => c.Accepted);
            Assert.Equal(recount.OrderBy(c => c.Key), tallied.OrderBy(c => c.Key));

            // Every event, the second writer's and those whose acknowledgement was lost included, holds its link in the chain.
            var chain = await fixture.Node.Services.GetRequiredService<IntegrityCheck>().VerifyAsync(_stream);
            Assert.True(chain.Intact, string.Join("; ", chain.Broken));
            Assert.Equal(stored.Count, chain.EventsChecked);
        }

        private async Task<List<(string Type, int Number, string? SubmissionId, string[] Path)>> StoredAsync()
        {
            var events = new List<(string, int, string?, string[])>();
            await using var connection = new NpgsqlConnection(fixture.Database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT type, coalesce((data->>'entryNumber')::int, 0), data->>'submissionId', coalesce(data->>'committeePath', '[]') " +
                "FROM tuyengiao.mt_events WHERE stream_id = @s ORDER BY version",
                connection);
            command.Parameters.AddWithValue("s", _stream);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                events.Add((reader.GetString(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                    JsonSerializer.Deserialize<string[]>(reader.GetString(3))!));
            return events;
        }
    }
}

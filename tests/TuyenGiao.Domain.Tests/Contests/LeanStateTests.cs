using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TuyenGiao.Common;
using TuyenGiao.Contests;
using static TuyenGiao.Domain.Tests.Common.DecisionAssertions;
using static TuyenGiao.Domain.Tests.Contests.ContestSpec;

namespace TuyenGiao.Domain.Tests.Contests;

/// <summary>The rules over the compact state: what it keeps per submission and per author, across a snapshot.</summary>
public class LeanStateTests
{
    private static readonly Serializer Snapshots = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(Contest).Assembly))
        .BuildServiceProvider().GetRequiredService<Serializer>();

    /// <summary>What a reactivated grain starts from: the state written as a snapshot and read back.</summary>
    private static Contest Reactivated(Contest state) => Snapshots.Deserialize<Contest>(Snapshots.SerializeToArray(state))!;

    private static Decision Submit(Contest state, SubmitEntry entry) =>
        ContestDecisions.Submit(state, ContestDecisions.Normalize(entry), CellPath, During);

    [Fact]
    public void Given_entries_and_a_snapshot_When_reactivated_and_an_id_is_sent_again_Then_a_retry_records_nothing_and_another_body_is_a_conflict()
    {
        var state = Enumerable.Range(1, 300).Aggregate(Given(Announced(details: Details(perAuthor: 100))),
            (s, i) => Submitted(s, Entry($"s-{i}", author: $"Tác giả {i % 7}")));

        var reactivated = Reactivated(state);

        Assert.Equal(state.Submissions, reactivated.Submissions);
        Assert.Equal(state.ActiveEntriesByAuthor, reactivated.ActiveEntriesByAuthor);
        Assert.Empty(Submit(reactivated, Entry("s-150", author: "Tác giả 3")).Events);
        Assert.Contains("entry 150", ThenRejected(Submit(reactivated, Entry("s-150", author: "Tác giả 4")), RejectionKind.Conflict, "submissionId").Reason);
        var next = Assert.IsType<EntrySubmitted>(Assert.Single(Submit(reactivated, Entry("s-301")).Events));
        Assert.Equal(301, next.EntryNumber);
    }

    [Fact]
    public void Given_an_author_at_the_limit_When_reactivated_from_a_snapshot_Then_still_refused_and_a_withdrawal_before_it_frees_a_place()
    {
        var state = Submitted(Submitted(Given(Announced(details: Details(perAuthor: 2))), Entry("s-1")), Entry("s-2", title: "Bài hai"));
        var withdrawn = ContestDecisions.Withdraw(state, new WithdrawEntry("s-1"), OnRecord(1, Entry("s-1")), During).Events
            .Aggregate(state, ContestEvolution.Evolve);

        ThenRejected(Submit(Reactivated(state), Entry("s-3", title: "Bài ba")), RejectionKind.RuleViolation, "authorName");
        var freed = Reactivated(withdrawn);
        Assert.Null(Submit(freed, Entry("s-3", title: "Bài ba")).Rejection);
        Assert.Equal(EntryStatus.Withdrawn, freed.Ended[1]);
        Assert.Equal(1, freed.ActiveEntriesByAuthor.Of(AuthorKey("Nguyễn Văn An", "TV-KHOI-SGD")));
    }

    [Fact]
    public void Given_another_id_whose_64_bit_key_collides_When_this_id_is_submitted_and_sent_again_Then_each_is_its_own_entry()
    {
        var id = SubmissionIdentity.Key("s-1");
        // A submission recorded earlier under a different id that happens to share the 64-bit key (the check differs).
        var collided = Given(Announced()) with { Submissions = SubmissionTable.Empty.Add(id with { Check = ~id.Check }, 1, 42) };

        var first = Assert.IsType<EntrySubmitted>(Assert.Single(Submit(collided, Entry("s-1")).Events));
        var after = ContestEvolution.Evolve(collided, first);

        Assert.Equal(2, first.EntryNumber);
        Assert.Empty(Submit(after, Entry("s-1")).Events);
        ThenRejected(Submit(after, Entry("s-1", title: "Bài khác")), RejectionKind.Conflict, "submissionId");
        Assert.Equal(2, after.Submissions.Slots.Find(id.Key).Length);
        Assert.Equal(1, after.Submissions.Find(id with { Check = ~id.Check })!.Value.EntryNumber);
        Assert.Equal(2, after.FindSubmission("s-1")!.Value.EntryNumber);
    }

    [Fact]
    public void Given_judged_and_awarded_entries_When_reactivated_Then_the_ranking_and_the_awards_per_committee_are_the_same()
    {
        var state = Submitted(Submitted(Given(Announced()), Entry("a", author: "A")), Entry("b", author: "B", committee: "TV-KHOI"), BlocPath);
        state = JudgingDecisions.AssignJudge(state, new AssignJudge("j1", "Giám khảo", "TV"), committeeExists: true).Events.Aggregate(state, ContestEvolution.Evolve);
        state = JudgingDecisions.Score(state, new ScoreEntry(2, "j1", 1, 90), OnRecord(2, Entry("b", author: "B", committee: "TV-KHOI"), BlocPath)).Events
            .Aggregate(state, ContestEvolution.Evolve);
        state = JudgingDecisions.GrantFromRanking(state).Events.Aggregate(state, ContestEvolution.Evolve);

        var reactivated = Reactivated(state);

        Assert.Equal(Ranking.Rank(state), Ranking.Rank(reactivated));
        Assert.Equal("TV-KHOI", Assert.Single(Ranking.Rank(reactivated)).CommitteeCode);
        Assert.Equal(ContestTallies.Build(state, 5, During).AwardsByCommittee, ContestTallies.Build(reactivated, 5, During).AwardsByCommittee);
    }
}

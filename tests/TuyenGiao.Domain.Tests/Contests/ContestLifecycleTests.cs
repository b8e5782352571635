using TuyenGiao.Committees;
using TuyenGiao.Common;
using TuyenGiao.Contests;
using static TuyenGiao.Domain.Tests.Contests.ContestSpec;
using static TuyenGiao.Domain.Tests.Common.DecisionAssertions;

namespace TuyenGiao.Domain.Tests.Contests;

public class ContestLifecycleTests
{
    private static readonly Committee Bloc = new("committee/TV-KHOI", "TV-KHOI", "Đảng ủy Khối", CommitteeLevel.Bloc, "TV", 6_110, true);

    [Fact]
    public void Given_no_contest_When_announced_by_a_registered_committee_Then_announced_with_times_in_UTC()
    {
        var decision = ContestDecisions.Announce(Given(), new AnnounceContest("tv-khoi", ContestKind.Writing, Details()), Bloc, []);

        var announced = Assert.IsType<ContestAnnounced>(Assert.Single(decision.Events));
        Assert.Equal(("TV-KHOI", 1_277, TimeSpan.Zero), (announced.OrganiserCode, announced.Details.Target, announced.Details.OpensAt.Offset));
        Assert.Equal(Opens, announced.Details.OpensAt);
    }

    [Fact]
    public void Given_an_announced_contest_When_announced_again_Then_conflict() =>
        ThenRejected(ContestDecisions.Announce(Given(Announced()), new AnnounceContest("TV-KHOI", ContestKind.Writing, Details()), Bloc, []),
            RejectionKind.Conflict, "contestId");

    [Fact]
    public void Given_no_contest_When_the_organiser_is_unknown_Then_not_found() =>
        ThenRejected(ContestDecisions.Announce(Given(), new AnnounceContest("NOPE", ContestKind.Writing, Details()), null, []),
            RejectionKind.NotFound, "organiserCode");

    [Theory]
    [MemberData(nameof(BadDetails))]
    public void Given_no_contest_When_the_details_are_malformed_Then_invalid(ContestDetails details, string field) =>
        ThenRejected(ContestDecisions.Announce(Given(), new AnnounceContest("TV-KHOI", ContestKind.Writing, details), Bloc, []),
            RejectionKind.Invalid, field);

    public static TheoryData<ContestDetails, string> BadDetails => new()
    {
        { Details() with { Title = " " }, "title" },
        { Details() with { ClosesAt = Opens }, "closesAt" },
        { Details() with { Target = 0 }, "target" },
        { Details() with { PerAuthorLimit = 0 }, "perAuthorLimit" },
        { Details() with { IndividualPrizes = [new PrizeTier("Giải nhất", 1), new PrizeTier("Giải nhất", 2)] }, "individualPrizes" },
        { Details() with { CollectivePrizes = [new PrizeTier("Tập thể", 0)] }, "collectivePrizes" },
        { Details() with { EligibleCommittees = ["../x"] }, "eligibleCommittees" },
    };

    [Fact]
    public void Given_an_announced_contest_When_amended_before_it_opens_Then_the_new_details_hold()
    {
        var state = Given(Announced());

        var decision = ContestDecisions.Amend(state, new AmendContest(Details(target: 1_500)), [], Opens.AddDays(-1));

        var amended = Assert.IsType<ContestAmended>(Assert.Single(decision.Events));
        Assert.Equal(1_500, ContestEvolution.Evolve(state, amended).Details!.Target);
    }

    [Fact]
    public void Given_an_open_contest_When_amended_Then_refused() =>
        ThenRejected(ContestDecisions.Amend(Given(Announced()), new AmendContest(Details(target: 1_500)), [], Opens), RejectionKind.RuleViolation, "contestId");

    [Fact]
    public void Given_an_announced_contest_When_cancelled_with_a_reason_Then_cancelled_and_cancelling_again_records_nothing()
    {
        var decision = ContestDecisions.Cancel(Given(Announced()), new CancelContest("Trùng lịch với hội nghị"));
        var cancelled = Given(Announced(), Assert.Single(decision.Events));

        Assert.Equal(ContestStatus.Cancelled, cancelled.Status);
        Assert.Empty(ContestDecisions.Cancel(cancelled, new CancelContest("lần hai")).Events);
        ThenRejected(ContestDecisions.Cancel(Given(Announced()), new CancelContest("")), RejectionKind.Invalid, "reason");
    }

    [Fact]
    public void Given_entries_When_one_is_withdrawn_and_one_disqualified_Then_counts_adjust_and_repeats_record_nothing()
    {
        var state = Submitted(Submitted(Given(Announced()), Entry("s-1")), Entry("s-2", author: "Trần Thị Bình"));
        var first = OnRecord(1, Entry("s-1"));
        var second = OnRecord(2, Entry("s-2", author: "Trần Thị Bình"));

        var withdrawn = ContestDecisions.Withdraw(state, new WithdrawEntry("s-1"), first, During).Events.Aggregate(state, ContestEvolution.Evolve);
        var decision = ContestDecisions.Disqualify(withdrawn, new DisqualifyEntry(2, "Đạo văn"), second);
        var after = decision.Events.Aggregate(withdrawn, ContestEvolution.Evolve);

        Assert.Equal((0, 1, 1), (after.Accepted, after.Withdrawn, after.Disqualified));
        Assert.Equal(0, after.ActiveEntriesByAuthor.Count);
        // The read model may still say accepted (it is looked up before the batch is decided): the state's own ends count.
        Assert.Empty(ContestDecisions.Withdraw(after, new WithdrawEntry("s-1"), first, During).Events);
        Assert.Empty(ContestDecisions.Disqualify(after, new DisqualifyEntry(2, "lần hai"), second).Events);
        ThenRejected(ContestDecisions.Disqualify(after, new DisqualifyEntry(1, "Đạo văn"), first), RejectionKind.RuleViolation, "entryNumber");
        ThenRejected(ContestDecisions.Withdraw(after, new WithdrawEntry("s-2"), second, During), RejectionKind.RuleViolation, "submissionId");
        // Or it may already say what another writer stored: that counts too.
        Assert.Empty(ContestDecisions.Withdraw(state, new WithdrawEntry("s-1"), first with { Status = EntryStatus.Withdrawn }, During).Events);
    }

    [Fact]
    public void Given_an_entry_When_withdrawn_after_the_close_Then_refused() =>
        ThenRejected(ContestDecisions.Withdraw(Submitted(Given(Announced()), Entry("s-1")), new WithdrawEntry("s-1"), OnRecord(1, Entry("s-1")), Closes), RejectionKind.RuleViolation, "submissionId");

    [Fact]
    public void Given_entries_When_an_unknown_one_is_withdrawn_or_disqualified_Then_not_found()
    {
        var state = Submitted(Given(Announced()), Entry("s-1"));

        ThenRejected(ContestDecisions.Withdraw(state, new WithdrawEntry("s-9"), null, During), RejectionKind.NotFound, "submissionId");
        ThenRejected(ContestDecisions.Disqualify(state, new DisqualifyEntry(9, "Lý do"), null), RejectionKind.NotFound, "entryNumber");
        // A lookup that found another entry than the one asked for is no answer either.
        ThenRejected(ContestDecisions.Withdraw(state, new WithdrawEntry("s-9"), OnRecord(1, Entry("s-1")), During), RejectionKind.NotFound, "submissionId");
        ThenRejected(ContestDecisions.Disqualify(state, new DisqualifyEntry(9, "Lý do"), OnRecord(1, Entry("s-1"))), RejectionKind.NotFound, "entryNumber");
    }
}

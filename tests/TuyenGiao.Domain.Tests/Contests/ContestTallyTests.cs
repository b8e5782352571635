using TuyenGiao.Contests;
using static TuyenGiao.Domain.Tests.Contests.ContestSpec;

namespace TuyenGiao.Domain.Tests.Contests;

public class ContestTallyTests
{
    [Fact]
    public void Given_the_Tra_Vinh_writing_contest_When_1650_entries_are_in_against_1277_Then_129_2_percent_and_373_over()
    {
        var state = Given(Announced());
        for (var i = 0; i < 1_650; i++)
            state = Submitted(state, Entry($"s-{i}", author: $"Tác giả {i}"));

        var tally = ContestTallies.Build(state, version: 1_651, now: During);

        Assert.Equal((1_650, 1_277, 129.2m, 373, 0), (tally.Accepted, tally.Target, tally.ProgressPercent, tally.OverTarget, tally.ShortOfTarget));
    }

    [Fact]
    public void Given_entries_from_a_cell_and_its_bloc_When_tallied_Then_each_ancestor_sums_its_subtree_and_names_its_parent()
    {
        var state = Given(Announced());
        state = Submitted(state, Entry("a", author: "A"));
        state = Submitted(state, Entry("b", author: "B"));
        state = Submitted(state, Entry("c", author: "C", committee: "TV-KHOI"), BlocPath);
        state = ContestDecisions.Disqualify(state, new DisqualifyEntry(2, "Sai thể lệ"), OnRecord(2, Entry("b", author: "B"))).Events.Aggregate(state, ContestEvolution.Evolve);

        var byCode = ContestTallies.Build(state, 5, During).ByCommittee.ToDictionary(c => c.Code);

        Assert.Equal(new CommitteeTally("TV-KHOI-SGD", 1, 1, 0, 1, "TV-KHOI"), byCode["TV-KHOI-SGD"]);
        Assert.Equal(new CommitteeTally("TV-KHOI", 1, 2, 0, 1, "TV"), byCode["TV-KHOI"]);
        Assert.Equal(new CommitteeTally("TV", 0, 2, 0, 1, null), byCode["TV"]);
    }

    [Fact]
    public void Given_a_cell_moved_to_another_bloc_between_its_entries_When_tallied_as_recorded_Then_each_entry_rolls_up_where_it_came_in()
    {
        string[] movedPath = ["TV-KHOI-SGD", "TV-KHOI2", "TV"];
        var state = Given(Announced(details: Details(eligible: "TV")));
        state = Submitted(state, Entry("before", author: "A"));
        state = Submitted(state, Entry("after-1", author: "B"), movedPath);
        state = Submitted(state, Entry("after-2", author: "C"), movedPath);
        state = ContestDecisions.Withdraw(state, new WithdrawEntry("after-2"), OnRecord(3, Entry("after-2", author: "C"), movedPath), During).Events.Aggregate(state, ContestEvolution.Evolve);

        var byCode = ContestTallies.Build(state, 5, During).ByCommittee.ToDictionary(c => c.Code);

        Assert.Equal(new CommitteeTally("TV-KHOI", 0, 1, 0, 0, "TV"), byCode["TV-KHOI"]);
        Assert.Equal(new CommitteeTally("TV-KHOI2", 0, 1, 1, 0, "TV"), byCode["TV-KHOI2"]);
        // The cell's own entries are one line, under the parent of its latest entry.
        Assert.Equal(new CommitteeTally("TV-KHOI-SGD", 2, 2, 1, 0, "TV-KHOI2"), byCode["TV-KHOI-SGD"]);
        Assert.Equal(new CommitteeTally("TV", 0, 2, 1, 0, null), byCode["TV"]);
    }

    [Fact]
    public void Given_a_cell_moved_away_and_back_When_tallied_Then_its_parent_is_the_one_of_its_latest_entry_whichever_path_came_first()
    {
        string[] movedPath = ["TV-KHOI-SGD", "TV-KHOI2", "TV"];
        var state = Given(Announced(details: Details(eligible: "TV")));
        state = Submitted(state, Entry("first", author: "A"));
        state = Submitted(state, Entry("away", author: "B"), movedPath);

        Assert.Equal("TV-KHOI2", ContestTallies.Build(state, 3, During).ByCommittee.Single(c => c.Code == "TV-KHOI-SGD").ParentCode);
        state = Submitted(state, Entry("back", author: "C"));
        Assert.Equal("TV-KHOI", ContestTallies.Build(state, 4, During).ByCommittee.Single(c => c.Code == "TV-KHOI-SGD").ParentCode);
    }

    [Fact]
    public void Given_entries_around_midnight_in_Vietnam_When_tallied_by_day_Then_days_follow_UTC_plus_7()
    {
        var state = Given(Announced());
        // 16:59 UTC on 14 June is 23:59 on 14 June in Vietnam; 17:00 UTC is already 15 June.
        state = Submitted(state, Entry("a", author: "A"), at: new DateTimeOffset(2023, 6, 14, 16, 59, 0, TimeSpan.Zero));
        state = Submitted(state, Entry("b", author: "B"), at: new DateTimeOffset(2023, 6, 14, 17, 0, 0, TimeSpan.Zero));

        var days = ContestTallies.Build(state, 3, During).ByDay;

        Assert.Equal([new DayTally(new DateOnly(2023, 6, 14), 1), new DayTally(new DateOnly(2023, 6, 15), 1)], days);
    }

    [Fact]
    public void Given_the_clock_When_the_tally_is_built_Then_it_says_where_the_window_stands()
    {
        var state = Given(Announced());

        Assert.Equal("NotYetOpen", ContestTallies.Build(state, 1, Opens.AddTicks(-1)).Window);
        Assert.Equal("Open", ContestTallies.Build(state, 1, Opens).Window);
        Assert.Equal("Closed", ContestTallies.Build(state, 1, Closes).Window);
    }
}

public class QuizTallyTests
{
    [Fact]
    public void Given_quiz_entries_When_one_is_withdrawn_Then_the_correct_rate_counts_the_accepted_ones_only()
    {
        var state = Given(Announced(ContestKind.Quiz));
        state = Submitted(state, Entry("a", author: "A") with { QuestionsAnswered = 20, QuestionsCorrect = 18 });
        state = Submitted(state, Entry("b", author: "B") with { QuestionsAnswered = 20, QuestionsCorrect = 17 });
        state = Submitted(state, Entry("c", author: "C") with { QuestionsAnswered = 20, QuestionsCorrect = 2 });

        state = ContestDecisions.Withdraw(state, new WithdrawEntry("c"), OnRecord(3, Entry("c", author: "C") with { QuestionsAnswered = 20, QuestionsCorrect = 2 }), During).Events.Aggregate(state, ContestEvolution.Evolve);

        Assert.Equal(87.5m, ContestTallies.Build(state, 4, During).QuizCorrectPercent);
        Assert.Null(ContestTallies.Build(Given(Announced()), 1, During).QuizCorrectPercent);
    }
}

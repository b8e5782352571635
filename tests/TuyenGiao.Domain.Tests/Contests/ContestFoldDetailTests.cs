using TuyenGiao.Contests;
using static TuyenGiao.Domain.Tests.Contests.ContestSpec;

namespace TuyenGiao.Domain.Tests.Contests;

/// <summary>What the fold takes off the counts when an entry ends, and how it completes events of the earlier layout.</summary>
public class ContestFoldDetailTests
{
    private static EntrySubmitted Entry(int n, string committee = "TV-KHOI-SGD", int hour = 0, IReadOnlyList<string>? path = null, string? author = null) =>
        new(Id, n, $"s-{n}", author ?? $"Tác giả {n}", committee, path ?? (committee == "TV-KHOI" ? BlocPath : CellPath), $"Bài {n}", 1_500, null, null, n,
            During.AddHours(hour).ToUniversalTime());

    [Fact]
    public void Given_an_old_layout_ending_When_fed_to_the_incremental_fold_Then_it_is_refused_and_events_of_today_are_taken()
    {
        var fold = new ContestEvolution.Fold(Contest.None(Id));

        Assert.True(fold.Add(Announced()));
        Assert.True(fold.Add(Entry(1)));
        Assert.True(fold.Add(new EntryWithdrawn(Id, 1, "s-1", EntryFacts.Of(Entry(1)))));
        Assert.False(fold.Add(new EntryDisqualified(Id, 1, "Sao chép")));
        Assert.False(fold.Add(new AwardGranted(Id, "Giải nhất", false, 1, null, null)));
        Assert.True(fold.Add(new AwardGranted(Id, "Giải nhất tập thể", true, null, "TV-KHOI", "Tốt")));
        Assert.Equal((0, 1, 1), (fold.Result().Accepted, fold.Result().Withdrawn, fold.Result().Judging.Awards.Count));
    }

    [Fact]
    public void Given_old_layout_awards_to_entries_nothing_else_names_When_the_stream_is_folded_Then_the_awards_roll_up_their_entries_paths()
    {
        var events = new object[]
        {
            Announced(), Entry(1), Entry(2, "TV-KHOI"), Entry(3),
            new AwardGranted(Id, "Giải nhất", false, 2, null, null),
            new AwardGranted(Id, "Giải nhì", false, 1, null, null),
            new ResultsPublished(Id, Closes),
            new AwardCorrected(Id, "Giải nhì", false, 1, null, 3, null, "Đạo văn"),
        };

        var state = ContestEvolution.EvolveAll(Contest.None(Id), events);
        var byCode = ContestTallies.Build(state, events.Length, Closes).AwardsByCommittee.ToDictionary(c => c.Code);

        Assert.Equal("TV-KHOI", state.Judging.FactsOf(2).CommitteeCode);
        Assert.Equal(CellPath, state.Judging.FactsOf(3).CommitteePath);
        Assert.Equal(new CommitteeAwards("TV-KHOI", 2, 0), byCode["TV-KHOI"]);
        Assert.Equal(new CommitteeAwards("TV-KHOI-SGD", 1, 0), byCode["TV-KHOI-SGD"]);
        Assert.False(byCode.ContainsKey("X"));
    }

    [Fact]
    public void Given_an_entry_recorded_without_a_path_When_folded_and_withdrawn_Then_it_counts_under_its_own_committee()
    {
        var unplaced = Entry(1, path: []);
        var state = Given(Announced(), unplaced);
        var withdrawn = ContestEvolution.Evolve(state, new EntryWithdrawn(Id, 1, "s-1", EntryFacts.Of(unplaced)));

        Assert.Equal(new[] { "TV-KHOI-SGD" }, state.ByRecordedPath["TV-KHOI-SGD"].Path);
        Assert.Equal((0, 1), (withdrawn.ByRecordedPath["TV-KHOI-SGD"].Accepted, withdrawn.ByRecordedPath["TV-KHOI-SGD"].Withdrawn));
    }

    [Fact]
    public void Given_two_awarded_entries_and_a_collective_award_When_one_entry_is_withdrawn_Then_only_its_own_award_goes_and_its_day_counts_one_less()
    {
        var state = Given(Announced(), Entry(1, hour: 0), Entry(2, hour: 1), Entry(3, hour: 48),
            new AwardGranted(Id, "Giải nhì", false, 1, null, null, EntryFacts.Of(Entry(1, hour: 0))),
            new AwardGranted(Id, "Giải nhì", false, 2, null, null, EntryFacts.Of(Entry(2, hour: 1))),
            new AwardGranted(Id, "Giải nhất tập thể", true, null, "TV-KHOI-SGD", "Tốt"));
        var firstDay = VietnamDay(0);
        var thirdDay = VietnamDay(48);

        var one = ContestEvolution.Evolve(state, new EntryWithdrawn(Id, 1, "s-1", EntryFacts.Of(Entry(1, hour: 0))));
        var both = ContestEvolution.Evolve(one, new EntryDisqualified(Id, 3, "Sai thể lệ", EntryFacts.Of(Entry(3, hour: 48))));

        Assert.Equal([(2, false), (null, true)], one.Judging.Awards.Select(a => (a.EntryNumber, a.Collective)));
        Assert.Equal((2, 1), (state.AcceptedByDay[firstDay], state.AcceptedByDay[thirdDay]));
        Assert.Equal(1, one.AcceptedByDay[firstDay]);
        Assert.False(both.AcceptedByDay.ContainsKey(thirdDay));
        Assert.Equal(1, both.AcceptedByDay[firstDay]);
    }

    [Fact]
    public void Given_a_tier_held_by_two_entries_When_the_second_holder_is_corrected_Then_the_first_keeps_its_award()
    {
        var state = Given(Announced(), Entry(1), Entry(2), Entry(3), Entry(4),
            new AwardGranted(Id, "Giải nhì", false, 2, null, null, EntryFacts.Of(Entry(2))),
            new AwardGranted(Id, "Giải nhì", false, 3, null, null, EntryFacts.Of(Entry(3))),
            new AwardGranted(Id, "Giải nhất tập thể", true, null, "TV-KHOI-SGD", "Tốt"),
            new ResultsPublished(Id, Closes));

        var corrected = ContestEvolution.Evolve(state, new AwardCorrected(Id, "Giải nhì", false, 3, null, 4, null, "Đạo văn", EntryFacts.Of(Entry(4, "TV-KHOI"))));
        var collective = ContestEvolution.Evolve(state, new AwardCorrected(Id, "Giải nhất tập thể", true, null, "TV-KHOI-SGD", null, "TV-KHOI", "Đếm lại"));

        Assert.Equal([2, 4], corrected.Judging.Awards.Where(a => a.Tier == "Giải nhì").Select(a => a.EntryNumber!.Value));
        Assert.Equal("TV-KHOI", corrected.Judging.FactsOf(4).CommitteeCode);
        Assert.Equal("TV-KHOI", collective.Judging.Awards.Single(a => a.Collective).CommitteeCode);
        Assert.False(collective.Judging.Entries.ContainsKey(0));
        Assert.Equal(2, collective.Judging.Entries.Count);
    }

    [Fact]
    public void Given_an_award_granted_to_an_unscored_entry_When_tallied_Then_its_holder_and_committees_come_from_the_award_itself()
    {
        var state = Given(Announced(), Entry(1), Entry(2, "TV-KHOI"),
            new AwardGranted(Id, "Giải nhất", false, 2, null, "Xuất sắc", EntryFacts.Of(Entry(2, "TV-KHOI"))),
            new AwardGranted(Id, "Giải nhất tập thể", true, null, "TV-KHOI-SGD", "Tốt"));

        var tally = ContestTallies.Build(state, 5, During);

        Assert.Equal("TV-KHOI", Assert.Single(tally.Awards.Single(t => t.Tier == "Giải nhất").Holders).CommitteeCode);
        Assert.Equal(new CommitteeAwards("TV", 1, 0), tally.AwardsByCommittee.Single(c => c.Code == "TV"));
        Assert.Single(state.Judging.Entries);
    }

    [Fact]
    public void Given_many_authors_some_of_whom_withdraw_everything_When_folded_at_once_Then_the_counts_equal_the_event_by_event_fold()
    {
        var events = new List<object> { Announced() };
        for (var n = 1; n <= 400; n++)
            events.Add(Entry(n, author: $"Tác giả {n % 150}"));
        // Authors 0 to 9 withdraw every entry; every seventh entry is withdrawn as well.
        static bool Withdrawn(int n) => n % 150 < 10 || (n - 1) % 7 == 0;
        foreach (var n in Enumerable.Range(1, 400).Where(Withdrawn))
            events.Add(new EntryWithdrawn(Id, n, $"s-{n}", EntryFacts.Of(Entry(n, author: $"Tác giả {n % 150}"))));
        static int Expected(int author) => Enumerable.Range(1, 400).Count(n => n % 150 == author && !Withdrawn(n));

        var atOnce = ContestEvolution.EvolveAll(Contest.None(Id), events);
        var oneByOne = events.Aggregate(Contest.None(Id), ContestEvolution.Evolve);

        Assert.Equal(oneByOne.ActiveEntriesByAuthor, atOnce.ActiveEntriesByAuthor);
        Assert.All(Enumerable.Range(0, 150), author =>
            Assert.Equal(Expected(author), atOnce.ActiveEntriesByAuthor.Of(SubmissionIdentity.LegacyAuthorKey($"Tác giả {author}", "TV-KHOI-SGD"))));
        // Authors left with none are not kept.
        Assert.Equal(Enumerable.Range(0, 150).Count(author => Expected(author) > 0), atOnce.ActiveEntriesByAuthor.Count);
        Assert.True(atOnce.ActiveEntriesByAuthor.Count <= 140);
    }

    private static DateOnly VietnamDay(int hour) => TuyenGiao.Common.VietnamTime.DayOf(During.AddHours(hour));
}

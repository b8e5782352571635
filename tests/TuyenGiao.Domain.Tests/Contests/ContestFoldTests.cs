using TuyenGiao.Contests;
using static TuyenGiao.Domain.Tests.Contests.ContestSpec;

namespace TuyenGiao.Domain.Tests.Contests;

/// <summary>A replay folds a whole stream at once; it must reach exactly the state that one event at a time reaches.</summary>
public class ContestFoldTests
{
    [Fact]
    public void Given_entries_withdrawals_disqualifications_and_awards_When_folded_all_at_once_Then_the_state_equals_the_event_by_event_fold()
    {
        var events = new List<object> { Announced() };
        for (var i = 1; i <= 40; i++)
        {
            var committee = i % 3 == 0 ? "TV-KHOI" : "TV-KHOI-SGD";
            IReadOnlyList<string> path = committee == "TV-KHOI" ? BlocPath : CellPath;
            events.Add(new EntrySubmitted(Id, i, $"s-{i}", $"Tác giả {i % 7}", committee, path, $"Bài {i}", 1_500, null, null, i,
                During.AddHours(i * 5).ToUniversalTime()));
            if (i == 10)
                events.Add(new AwardGranted(Id, "Giải nhất", false, 4, null, null));
            if (i == 20)
                events.Add(new EntryWithdrawn(Id, 4, "s-4")); // takes its award with it
            if (i == 30)
                events.Add(new EntryDisqualified(Id, 12, "Sao chép"));
            if (i == 35)
                events.Add(new EntryWithdrawn(Id, 12, "s-12")); // already out: changes nothing
        }
        events.Add(new AwardGranted(Id, "Giải nhất tập thể", true, null, "TV-KHOI", "Tổ chức tốt"));
        events.Add(new EntryWithdrawn(Id, 99, "nobody")); // no such entry: changes nothing

        // These events are in the layout of before contest state shape 4: the withdrawals and the award name their entry
        // by number only. Folded with the stream, they are completed from its EntrySubmitted events.
        var allAtOnce = ContestEvolution.EvolveAll(Contest.None(Id), events);
        var completed = EntryFactsOfEarlierEvents.Complete(events);
        var oneByOne = completed.Aggregate(Contest.None(Id), ContestEvolution.Evolve);

        Assert.Equal(Figures(oneByOne), Figures(allAtOnce));
        Assert.Equal((38, 1, 1), (allAtOnce.Accepted, allAtOnce.Withdrawn, allAtOnce.Disqualified));
        Assert.Equal([("Giải nhất tập thể", true)], allAtOnce.Judging.Awards.Select(a => (a.Tier, a.Collective)));
        Assert.Equal(Figures(allAtOnce), Figures(ContestEvolution.EvolveAll(Contest.None(Id), completed)));
        var withdrawal = Assert.IsType<EntryWithdrawn>(completed.First(e => e is EntryWithdrawn { EntryNumber: 4 }));
        var facts = withdrawal.Entry!;
        Assert.Equal(("TV-KHOI-SGD", SubmissionIdentity.LegacyAuthorKey("Tác giả 4", "TV-KHOI-SGD"), During.AddHours(20)), (facts.CommitteeCode, facts.AuthorKey, facts.SubmittedAt));
        Assert.Equal(CellPath, facts.CommitteePath);
    }

    [Fact]
    public void Given_an_old_layout_event_about_an_entry_When_folded_alone_Then_it_is_refused_rather_than_miscounted()
    {
        var state = Given(Announced(), new EntrySubmitted(Id, 1, "s-1", "A", "TV-KHOI-SGD", CellPath, "Bài", 1_500, null, null, 1, During));

        Assert.Throws<InvalidOperationException>(() => ContestEvolution.Evolve(state, new EntryWithdrawn(Id, 1, "s-1")));
        Assert.Throws<InvalidOperationException>(() => ContestEvolution.Evolve(state, new EntryScored(Id, 1, "j1", 1, 90)));
        Assert.Equal(0, ContestEvolution.EvolveAll(state, [new EntryWithdrawn(Id, 1, "s-1", EntryFacts.Of(
            new EntrySubmitted(Id, 1, "s-1", "A", "TV-KHOI-SGD", CellPath, "Bài", 1_500, null, null, 1, During)))]).Accepted);
    }

    [Fact]
    public void Given_a_state_When_more_events_are_folded_onto_it_Then_the_state_it_started_from_is_unchanged()
    {
        var first = new EntrySubmitted(Id, 1, "s-1", "A", "TV-KHOI-SGD", CellPath, "Bài", 1_500, null, null, 1, During);
        var before = Given(Announced(), first);

        var after = ContestEvolution.EvolveAll(before, [
            new EntrySubmitted(Id, 2, "s-2", "B", "TV-KHOI-SGD", CellPath, "Bài", 1_500, null, null, 2, During),
            new EntryWithdrawn(Id, 1, "s-1", EntryFacts.Of(first)),
        ]);

        Assert.Equal((1, 1, 0), (before.Accepted, before.EntryCount, before.Ended.Count));
        Assert.NotNull(before.FindSubmission("s-1"));
        Assert.Null(before.FindSubmission("s-2"));
        Assert.Equal((1, 2, EntryStatus.Withdrawn), (after.Accepted, after.EntryCount, after.Ended[1]));
        Assert.Equal(2, after.FindSubmission("s-2")!.Value.EntryNumber);
    }

    /// <summary>Everything the rules and the tallies read, as comparable values.</summary>
    private static string Figures(Contest contest) => string.Join("\n",
        contest.EntryCount,
        string.Join(";", contest.Submissions.Slots.ToSortedArray()),
        string.Join(";", contest.ActiveEntriesByAuthor.Slots.ToSortedArray()),
        string.Join(";", contest.Ended.OrderBy(e => e.Key)),
        string.Join(";", contest.ByRecordedPath.OrderBy(e => e.Key, StringComparer.Ordinal).Select(c => $"{c.Key}:{c.Value.Accepted}/{c.Value.Withdrawn}/{c.Value.Disqualified}")),
        string.Join(";", contest.AcceptedByDay),
        $"{contest.Accepted}/{contest.Withdrawn}/{contest.Disqualified}/{contest.Quiz}",
        string.Join(";", contest.Judging.Awards),
        string.Join(";", contest.Judging.Entries.OrderBy(e => e.Key).Select(e => $"{e.Key}:{e.Value.CommitteeCode}")));
}

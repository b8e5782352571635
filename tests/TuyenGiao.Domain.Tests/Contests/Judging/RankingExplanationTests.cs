using TuyenGiao.Common;
using TuyenGiao.Contests;
using static TuyenGiao.Domain.Tests.Contests.ContestSpec;
using static TuyenGiao.Domain.Tests.Contests.Judging.JudgingSpec;

namespace TuyenGiao.Domain.Tests.Contests.Judging;

/// <summary>The explanation of an entry's place: on the worked example by hand, then against an independent fold of random panels.</summary>
public class RankingExplanationTests
{
    private static readonly DateTimeOffset Start = new(2023, 7, 2, 1, 0, 0, TimeSpan.Zero);

    /// <summary>The contest's events as stored: each decision's events appended with the next version, and who recorded them.</summary>
    private sealed class Stream(Contest start)
    {
        public Contest State { get; private set; } = start;
        public List<StampedEvent> Events { get; } = [];

        public Stream Record(Func<Contest, Decision> decide, string actor = "to-chuc")
        {
            var decision = decide(State);
            Assert.Null(decision.Rejection);
            foreach (var e in decision.Events)
            {
                Events.Add(new StampedEvent(Events.Count + 1, e, Start.AddMinutes(Events.Count), e is EntryScored s ? s.JudgeId : actor));
                State = ContestEvolution.Evolve(State, e);
            }
            return this;
        }

        public long Version => Events.Count;

        public EntryExplanation Explain(int entry, long? version = null) => RankingExplanation.Explain(Id, entry, version ?? Version, Events);
    }

    /// <summary>The worked example (L lenient on 1 to 3, H harsh on 2 to 4), as events: the contest and panel first, unscored.</summary>
    private static Stream WorkedExample()
    {
        var stream = new Stream(Contest.None(Id)).Record(_ => Decision.Accept(Announced()));
        for (var i = 1; i <= 4; i++)
            stream.Record(s => ContestDecisions.Submit(s, ContestDecisions.Normalize(Entry($"sgd-{i}", author: $"Tác giả {i}")), CellPath, During));
        stream.Record(s => ContestDecisions.Submit(s, ContestDecisions.Normalize(Entry("khoi-5", author: "Tác giả 5", committee: "TV-KHOI")), BlocPath, During));
        foreach (var (id, name, committee) in new[] { ("L", "Giám khảo Lê", "TV"), ("H", "Giám khảo Hà", "TV-KHOI-KHAC"), ("M", "Giám khảo Mai", "TV") })
            stream.Record(s => JudgingDecisions.AssignJudge(s, new AssignJudge(id, name, committee), committeeExists: true));
        foreach (var (entry, judge, score) in new[] { (1, "L", 90), (2, "L", 85), (3, "L", 80), (2, "H", 60), (3, "H", 55), (4, "H", 70) })
            stream.Record(s => Score(s, entry, judge, score));
        return stream;
    }

    [Fact]
    public void Given_z_scores_chosen_When_the_winner_is_explained_Then_each_line_shows_the_hand_worked_figures_and_cites_its_event()
    {
        var stream = WorkedExample();
        var scoredByH = stream.Events.Single(e => e.Data is EntryScored { EntryNumber: 4 }).Version;
        stream.Record(s => JudgingDecisions.ChooseNormalisation(s, new ChooseNormalisation(1, ScoreNormalisationMethod.ZScore)));
        var chosen = stream.Version;
        stream.Record(JudgingDecisions.GrantFromRanking);
        var granted = stream.Events.Single(e => e.Data is AwardGranted { EntryNumber: 4 }).Version;

        var why = stream.Explain(4);

        Assert.Equal((EntryStanding.Ranked, 1, 1, 90.44m, ScoreNormalisationMethod.ZScore, "mean"),
            (why.Standing, why.Place, why.Round, why.Score, why.Normalisation, why.Aggregate));
        var line = Assert.Single(why.Scores);
        Assert.Equal((new ExplainedJudge("Giám khảo 2", "H", "Giám khảo Hà", "TV-KHOI-KHAC"), 70, 90.44m, ScoreStanding.Counted),
            (line.Judge, line.Score, line.Normalised, line.Standing));
        Assert.Equal(new EventCitation("contest/" + Id, scoredByH, Start.AddMinutes(scoredByH - 1), "H"), line.Event);
        var round = Assert.Single(why.Rounds);
        Assert.Equal((ScoreNormalisationMethod.ZScore, 73.33m, 12.80m, chosen), (round.Method, round.PanelMean, round.PanelSpread, round.Event!.Version));
        Assert.Equal(new ExplainedScale(line.Judge, 3, 61.67m, 6.24m, false), Assert.Single(round.Judges));
        var below = Assert.Single(why.Neighbours);
        Assert.Equal((1, 2, 89.01m, false, TieBreak.HigherScore), (below.EntryNumber, below.Place, below.Score, below.Above, below.DecidedBy));
        var award = Assert.Single(why.Awards);
        Assert.Equal(("Giải nhất", AwardChange.Granted, (string?)null, granted, "to-chuc"), (award.Tier, award.Change, award.Reason, award.Event.Version, award.Event.Actor));
    }

    [Fact]
    public void Given_the_explanation_of_published_results_When_later_events_come_Then_it_is_the_same_as_of_that_version_and_the_latest_shows_the_correction()
    {
        var stream = WorkedExample().Record(JudgingDecisions.GrantFromRanking).Record(s => JudgingDecisions.Publish(s, Closes));
        var published = stream.Version;
        var before = stream.Explain(1);

        stream.Record(s => JudgingDecisions.Correct(s, new CorrectAward("Giải nhất", false, 1, null, 5, null, "Phúc khảo"), false, Numbered(5)));

        Assert.Equivalent(before, stream.Explain(1, published), strict: true);
        Assert.Equal(published, before.Published!.Version);
        Assert.Equal([AwardChange.Granted, AwardChange.CorrectedAway], stream.Explain(1).Awards.Select(a => a.Change));
        Assert.Equal(("Phúc khảo", AwardChange.CorrectedTo), (stream.Explain(5).Awards.Single().Reason, stream.Explain(5).Awards.Single().Change));
    }

    [Fact]
    public void Given_equal_scores_When_explained_Then_the_earlier_entry_is_above_by_the_earlier_entry_rule()
    {
        var stream = WorkedExample().Record(s => Score(s, 1, "M", 60)).Record(s => Score(s, 4, "M", 80));

        var why = stream.Explain(4);

        // Entry 1: (90 + 60) / 2 = 75; entry 4: (70 + 80) / 2 = 75; entry 2: 72.5.
        Assert.Equal((2, 75m), (why.Place, why.Score));
        Assert.Equal([(1, true, TieBreak.EarlierEntry), (2, false, TieBreak.HigherScore)], why.Neighbours.Select(n => (n.EntryNumber, n.Above, n.DecidedBy)));
    }

    [Fact]
    public void Given_a_conflict_declared_after_scoring_and_a_rescore_When_explained_Then_the_set_aside_score_cites_the_conflict_and_the_rescore_counts_once()
    {
        var stream = WorkedExample().Record(s => Score(s, 2, "M", 70)).Record(s => Score(s, 2, "M", 75))
            .Record(s => Conflict(s, "L", 2, "Người thân của tác giả"), actor: "le");
        var declared = stream.Version;

        var why = stream.Explain(2);

        Assert.Equal([("L", ScoreStanding.SetAside, (decimal?)null, 0), ("H", ScoreStanding.Counted, 60m, 0), ("M", ScoreStanding.Counted, 75m, 1)],
            why.Scores.Select(s => (s.Judge.JudgeId!, s.Standing, s.Normalised, s.Superseded)));
        Assert.Equal(("Người thân của tác giả", false, declared, "le"),
            (why.Scores[0].Conflict!.Reason, why.Scores[0].Conflict!.ByOrganiser, why.Scores[0].Conflict!.Event.Version, why.Scores[0].Conflict!.Event.Actor));
        Assert.Equal(67.5m, why.Score);
    }

    [Fact]
    public void Given_a_conflict_lifted_by_the_organiser_When_explained_Then_the_judges_score_counts_again()
    {
        var stream = WorkedExample().Record(s => Conflict(s, "H", 4, "Ghi nhầm", byOrganiser: true));
        Assert.Equal(EntryStanding.AllScoresSetAside, stream.Explain(4).Standing);

        stream.Record(s => JudgingDecisions.LiftConflict(s, new LiftConflict("H", 4, "Ghi nhầm giám khảo")));

        var why = stream.Explain(4);
        Assert.Equal((EntryStanding.Ranked, 70m), (why.Standing, why.Score));
        Assert.Equal((ScoreStanding.Counted, (ExplainedConflict?)null), (why.Scores.Single().Standing, why.Scores.Single().Conflict));
    }

    [Fact]
    public void Given_five_judges_When_explained_Then_the_highest_and_lowest_are_marked_trimmed()
    {
        var stream = WorkedExample();
        foreach (var (id, committee) in new[] { ("N", "TV"), ("P", "TV") })
            stream.Record(s => JudgingDecisions.AssignJudge(s, new AssignJudge(id, "Giám khảo " + id, committee), committeeExists: true));
        foreach (var (judge, score) in new[] { ("M", 100), ("N", 80), ("P", 10) })
            stream.Record(s => Score(s, 2, judge, score));

        var why = stream.Explain(2);

        Assert.Equal("trimmed mean", why.Aggregate);
        Assert.Equal([("L", ScoreStanding.Counted), ("H", ScoreStanding.Counted), ("M", ScoreStanding.Trimmed), ("N", ScoreStanding.Counted), ("P", ScoreStanding.Trimmed)],
            why.Scores.Select(s => (s.Judge.JudgeId!, s.Standing)));
        Assert.Equal(75m, why.Score);
    }

    [Fact]
    public void Given_entries_withdrawn_unscored_or_in_an_earlier_round_When_explained_Then_the_standing_says_why_and_cites_the_end()
    {
        // M scores entry 1 in round 2, and entry 2 in round 1: a judge of round 1, but not of entry 1 there.
        var stream = WorkedExample().Record(s => Score(s, 1, "M", 50, round: 2)).Record(s => Score(s, 2, "M", 60))
            .Record(s => ContestDecisions.Disqualify(s, new DisqualifyEntry(3, "Đạo văn"), Numbered(3)));
        var disqualified = stream.Version;

        Assert.Equal((EntryStanding.Disqualified, disqualified), (stream.Explain(3).Standing, stream.Explain(3).EndedBy!.Version));
        Assert.Empty(stream.Explain(3).Scores);
        Assert.Equal((EntryStanding.NotScored, (int?)null), (stream.Explain(5).Standing, stream.Explain(5).Place));
        var first = stream.Explain(1);
        Assert.Equal((1, 2, 50m), (first.Place, first.Round, first.Score));
        Assert.Equal([(1, ScoreStanding.EarlierRound), (2, ScoreStanding.Counted)], first.Scores.Select(s => (s.Round, s.Standing)));
        Assert.Equal(TieBreak.LaterRound, first.Neighbours.Single().DecidedBy);
        // Each round the entry counts in, in order, with only this entry's judges of that round.
        Assert.Equal([(1, new[] { "L" }), (2, new[] { "M" })], first.Rounds.Select(r => (r.Round, r.Judges.Select(j => j.Judge.JudgeId!).ToArray())));
        Assert.Equal(["L", "H", "M"], stream.Explain(2).Rounds.Single().Judges.Select(j => j.Judge.JudgeId));
    }

    [Fact]
    public void Given_an_entry_ranked_by_a_later_round_When_explained_Then_its_neighbours_are_the_next_place_not_an_equal_score_of_another_round()
    {
        // Entry 4 reaches round 2 at 55; in round 1 entry 3 has (80 + 55) / 2 = 67.5 and entry 5, scored by M alone, 55.
        var stream = WorkedExample().Record(s => Score(s, 4, "M", 55, round: 2)).Record(s => Score(s, 5, "H", 55));

        var why = stream.Explain(4);

        Assert.Equal((1, 55m), (why.Place, why.Score));
        Assert.Equal(55m, stream.Explain(5).Score);
        Assert.Equal([2], why.Neighbours.Select(n => n.Place));
    }

    [Fact]
    public void Given_every_score_set_aside_When_explained_Then_not_ranked_and_says_so()
    {
        var stream = WorkedExample().Record(s => Conflict(s, "H", 4, "Thầy hướng dẫn", byOrganiser: true));

        Assert.Equal((EntryStanding.AllScoresSetAside, (int?)null), (stream.Explain(4).Standing, stream.Explain(4).Place));
    }

    [Fact]
    public void Given_the_public_When_they_read_an_explanation_Then_judges_are_numbered_and_their_usernames_left_out()
    {
        var stream = WorkedExample().Record(s => Conflict(s, "L", 2, "Đồng nghiệp"), actor: "le");

        var why = stream.Explain(2).ForPublic();

        Assert.All(why.Scores, s => Assert.Equal((null, null, null, null), (s.Judge.JudgeId, s.Judge.Name, s.Judge.CommitteeCode, s.Event.Actor)));
        Assert.Equal(["Giám khảo 1", "Giám khảo 2"], why.Scores.Select(s => s.Judge.Label));
        Assert.Null(why.Scores[0].Conflict!.Event.Actor);
        Assert.All(why.Rounds.SelectMany(r => r.Judges), j => Assert.Null(j.Judge.Name));
    }

    /// <summary>
    /// Random panels (judges of different committees, two rounds, rescoring, conflicts, disqualifications, normalisation
    /// chosen per round, awards): for every entry and a random past version, the explanation agrees with the contest's
    /// own fold and ranking, its score lines are the last score of each judge and round in the events, and its score is
    /// the (trimmed) mean of the lines it marks counted.
    /// </summary>
    [Fact]
    public void Given_random_panels_When_every_entry_is_explained_as_of_a_random_version_Then_it_equals_an_independent_recomputation()
    {
        var seen = new HashSet<string>();
        for (var seed = 1; seed <= 150; seed++)
        {
            var random = new Random(seed);
            var stream = RandomPanel(random);
            var version = random.Next((int)stream.Version / 2, (int)stream.Version + 1);
            var state = ContestEvolution.EvolveAll(Contest.None(Id), stream.Events.Where(e => e.Version <= version).Select(e => e.Data));
            var ranking = Ranking.Rank(state).ToDictionary(r => r.EntryNumber);

            for (var entry = 1; entry <= state.EntryCount; entry++)
            {
                var why = stream.Explain(entry, version);
                var context = $"seed {seed}, entry {entry}, version {version}";
                Assert.True(ranking.TryGetValue(entry, out var ranked) == (why.Standing == EntryStanding.Ranked), context);
                Assert.Equal((ranked?.Place, ranked?.Round, ranked?.Score, ranked?.Normalisation), (why.Place, why.Round, why.Score, why.Normalisation));
                Assert.Equal(ranking.Count, why.Ranked);
                if (ranked is null)
                    continue;
                var lastScores = stream.Events.Where(e => e.Version <= version).Select(e => e.Data).OfType<EntryScored>().Where(s => s.EntryNumber == entry)
                    .GroupBy(s => (s.JudgeId, s.Round)).Select(g => (g.Key.JudgeId, g.Key.Round, g.Last().Score)).OrderBy(s => s).ToList();
                Assert.Equal(lastScores, why.Scores.Select(s => (s.Judge.JudgeId!, s.Round, s.Score)).OrderBy(s => s).ToList());
                var counted = why.Scores.Where(s => s.Standing is ScoreStanding.Counted or ScoreStanding.Trimmed).ToList();
                Assert.All(counted, s => Assert.Equal(ranked.Round, s.Round));
                Assert.All(why.Scores.Where(s => s.Standing == ScoreStanding.SetAside), s => Assert.True(state.Judging.InConflict(s.Judge.JudgeId!, entry), context));
                seen.UnionWith(why.Scores.Select(s => s.Standing.ToString()).Append(why.Normalisation.ToString()!));
                var kept = why.Scores.Where(s => s.Standing == ScoreStanding.Counted).Select(s => s.Normalised!.Value).ToList();
                Assert.Equal(ranked.Score, Math.Round(kept.Sum() / kept.Count, 2, MidpointRounding.AwayFromZero));
                Assert.Equal(counted.Count >= Ranking.TrimFrom ? counted.Count - 2 : counted.Count, kept.Count);
            }
        }
        // The panels reached every case the explanation distinguishes.
        Assert.Superset(new HashSet<string>(Enum.GetNames<ScoreStanding>().Concat(Enum.GetNames<ScoreNormalisationMethod>())), seen);
    }

    private static Stream RandomPanel(Random random)
    {
        string[] committees = ["TV-KHOI-SGD", "TV-KHOI", "TV-KHOI-KHAC", "TV"];
        var stream = new Stream(Contest.None(Id)).Record(_ => Decision.Accept(Announced(details: Details() with
        {
            Judging = JudgingRules.Default with { Normalisation = (ScoreNormalisationMethod)random.Next(3) },
        })));
        var entries = random.Next(4, 13);
        var records = new Dictionary<int, EntryOnRecord>();
        for (var i = 1; i <= entries; i++)
        {
            var (committee, path) = random.Next(2) == 0 ? ("TV-KHOI-SGD", CellPath) : ("TV-KHOI", BlocPath);
            var entry = Entry($"e-{i}", author: $"Tác giả {i}", committee: committee);
            stream.Record(s => ContestDecisions.Submit(s, ContestDecisions.Normalize(entry), path, During));
            records[i] = OnRecord(i, entry, path);
        }
        var judges = Enumerable.Range(1, random.Next(3, 8)).Select(j => $"j{j}").ToList();
        foreach (var judge in judges)
            stream.Record(s => JudgingDecisions.AssignJudge(s, new AssignJudge(judge, "Giám khảo " + judge, committees[random.Next(committees.Length)]), true));
        for (var step = 0; step < entries * judges.Count; step++)
        {
            var entry = random.Next(1, entries + 1);
            var judge = judges[random.Next(judges.Count)];
            var choice = random.Next(100);
            var decision = choice switch
            {
                < 80 => JudgingDecisions.Score(stream.State, new ScoreEntry(entry, judge, random.Next(10) == 0 ? 2 : 1, random.Next(0, 101)), records[entry]),
                < 88 => JudgingDecisions.DeclareConflict(stream.State, new DeclareConflict(judge, entry, "Người quen", random.Next(2) == 0), records[entry]),
                < 90 => JudgingDecisions.LiftConflict(stream.State, new LiftConflict(judge, entry, "Ghi nhầm")),
                < 94 => JudgingDecisions.ChooseNormalisation(stream.State, new ChooseNormalisation(random.Next(1, 3), (ScoreNormalisationMethod)random.Next(3))),
                < 96 => ContestDecisions.Disqualify(stream.State, new DisqualifyEntry(entry, "Vi phạm thể lệ"), records[entry]),
                _ => JudgingDecisions.GrantFromRanking(stream.State),
            };
            // Refusals (own committee, a conflict, an entry already out) are part of the game: only what was accepted is recorded.
            if (decision.Rejection is null)
                stream.Record(_ => decision);
        }
        return stream;
    }
}

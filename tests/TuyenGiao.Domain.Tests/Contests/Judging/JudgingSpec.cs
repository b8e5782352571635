using TuyenGiao.Common;
using TuyenGiao.Contests;
using static TuyenGiao.Domain.Tests.Contests.ContestSpec;

namespace TuyenGiao.Domain.Tests.Contests.Judging;

/// <summary>
/// A contest with four entries of the SGD cell and one of the bloc itself, and the panel of the worked example: a
/// lenient judge L (of the province) and a harsh judge H (of another bloc), plus M (of the province) for third opinions.
/// </summary>
internal static class JudgingSpec
{
    public static readonly string[] OtherBlocPath = ["TV-KHOI-KHAC", "TV"];

    public static Contest Then(Contest state, Decision decision)
    {
        Assert.Null(decision.Rejection);
        return decision.Events.Aggregate(state, ContestEvolution.Evolve);
    }

    public static Contest Panel(JudgingRules? rules = null)
    {
        var state = Given(Announced(details: Details() with { Judging = rules }));
        for (var i = 1; i <= 4; i++)
            state = Submitted(state, Entry($"sgd-{i}", author: $"Tác giả {i}"));
        state = Submitted(state, Entry("khoi-5", author: "Tác giả 5", committee: "TV-KHOI"), BlocPath);
        foreach (var (id, name, committee) in new[] { ("L", "Giám khảo Lê", "TV"), ("H", "Giám khảo Hà", "TV-KHOI-KHAC"), ("M", "Giám khảo Mai", "TV") })
            state = Then(state, JudgingDecisions.AssignJudge(state, new AssignJudge(id, name, committee), committeeExists: true));
        return state;
    }

    /// <summary>Entry <paramref name="number"/> of <see cref="Panel"/> as the read model holds it; null past the five.</summary>
    public static EntryOnRecord? Numbered(int number) => number switch
    {
        >= 1 and <= 4 => OnRecord(number, Entry($"sgd-{number}", author: $"Tác giả {number}")),
        5 => OnRecord(5, Entry("khoi-5", author: "Tác giả 5", committee: "TV-KHOI"), BlocPath),
        _ => null,
    };

    public static Decision Score(Contest state, int entry, string judge, int? score, int round = 1, IReadOnlyList<CriterionScore>? sheet = null) =>
        JudgingDecisions.Score(state, new ScoreEntry(entry, judge, round, score, sheet), Numbered(entry));

    public static Contest Scored(Contest state, int entry, string judge, int score, int round = 1) => Then(state, Score(state, entry, judge, score, round));

    /// <summary>The worked example: L scores 1 to 3 at 90, 85, 80; H scores 2 to 4 at 60, 55, 70.</summary>
    public static Contest HarshAndLenient(JudgingRules? rules = null)
    {
        var state = Panel(rules);
        foreach (var (entry, judge, score) in new[] { (1, "L", 90), (2, "L", 85), (3, "L", 80), (2, "H", 60), (3, "H", 55), (4, "H", 70) })
            state = Scored(state, entry, judge, score);
        return state;
    }

    public static Decision Conflict(Contest state, string judge, int entry, string reason = "Người thân của tác giả", bool byOrganiser = false) =>
        JudgingDecisions.DeclareConflict(state, new DeclareConflict(judge, entry, reason, byOrganiser), Numbered(entry));
}

using TuyenGiao.Common;

namespace TuyenGiao.Contests;

/// <summary>
/// What a judge's score is: one number from 0 to 100, or, when the contest has a scoring sheet, the points given per
/// criterion (each within its own maximum), whose sum is the score.
/// </summary>
public static class ScoreSheet
{
    /// <param name="criteria">The contest's sheet; empty when it is scored as one number.</param>
    /// <param name="score">The score the judge gave: required without a sheet; with one, optional and checked against the sum.</param>
    /// <param name="sheet">The points per criterion, in any order.</param>
    /// <param name="total">The score to record.</param>
    /// <param name="ordered">The sheet to record: every criterion once, in the contest's order, names in NFC; null without a sheet.</param>
    public static Rejection? Read(IReadOnlyList<ScoringCriterion> criteria, int? score, IReadOnlyList<CriterionScore>? sheet,
        out int total, out IReadOnlyList<CriterionScore>? ordered)
    {
        total = 0;
        ordered = null;
        if (criteria.Count == 0)
        {
            if (sheet is { Count: > 0 })
                return Rejection.Invalid("sheet", $"this contest is scored as one number from 0 to {JudgingDecisions.MaxScore}, not by criteria");
            if (score is not { } given)
                return Rejection.Invalid("score", "is required");
            if (given is < 0 or > JudgingDecisions.MaxScore)
                return Rejection.Invalid("score", $"must be between 0 and {JudgingDecisions.MaxScore} (got {given})");
            total = given;
            return null;
        }
        if (sheet is not { Count: > 0 })
            return Rejection.Invalid("sheet", $"this contest is scored by criteria: give the points of each of {Listed(criteria)}");
        var points = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in sheet)
        {
            var name = VietnameseText.Normalize(line.Name) ?? "";
            if (criteria.FirstOrDefault(c => c.Name == name) is not { } criterion)
                return Rejection.Invalid("sheet", $"'{name}' is not a criterion of this contest ({Listed(criteria)})");
            if (!points.TryAdd(name, line.Points))
                return Rejection.Invalid("sheet", $"'{name}' is given twice");
            if (line.Points < 0 || line.Points > criterion.Points)
                return Rejection.Invalid("sheet", $"'{name}' is scored from 0 to {criterion.Points} (got {line.Points})");
        }
        if (criteria.Where(c => !points.ContainsKey(c.Name)).ToList() is { Count: > 0 } missing)
            return Rejection.Invalid("sheet", $"the points of {Listed(missing)} are missing");
        var sum = points.Values.Sum();
        if (score is { } stated && stated != sum)
            return Rejection.Invalid("score", $"must be the sum of the sheet's points ({sum}), or be left out");
        total = sum;
        ordered = criteria.Select(c => new CriterionScore(c.Name, points[c.Name])).ToList();
        return null;
    }

    private static string Listed(IEnumerable<ScoringCriterion> criteria) => string.Join(", ", criteria.Select(c => $"'{c.Name}' ({c.Points})"));
}

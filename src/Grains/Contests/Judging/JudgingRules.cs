using TuyenGiao.Common;

namespace TuyenGiao.Contests;

/// <summary>
/// How a contest is judged, set with its details when it is announced (and amendable with them until it opens).
/// </summary>
/// <param name="Normalisation">How each round's scores are made comparable across judges unless the organiser chooses
/// otherwise for a round (<see cref="NormalisationChosen"/>).</param>
/// <param name="ConflictsCoverSubtree">A judge may not score entries from their own committee (always) nor, when
/// true, from any committee below it.</param>
/// <param name="Criteria">The scoring sheet: each criterion with its points (together 100), scored one by one, the score
/// their sum (thang điểm: nội dung 40, hình thức 30, sáng tạo 30). Empty: one score of 0 to 100.</param>
[GenerateSerializer, Immutable]
public sealed record JudgingRules(
    [property: Id(0)] ScoreNormalisationMethod Normalisation,
    [property: Id(1)] bool ConflictsCoverSubtree,
    [property: Id(2)] IReadOnlyList<ScoringCriterion> Criteria)
{
    public const int MaxCriteria = 10;
    public const int MaxCriterionNameLength = 100;

    /// <summary>Contests announced before these rules existed, and those that name none: raw scores, own committee only, one number.</summary>
    public static readonly JudgingRules Default = new(ScoreNormalisationMethod.Raw, false, []);

    public static Rejection? Validate(JudgingRules rules)
    {
        if (!Enum.IsDefined(rules.Normalisation))
            return Rejection.Invalid("judging.normalisation", "must be Raw, ZScore or Rank");
        if (rules.Criteria.Count == 0)
            return null;
        if (rules.Criteria.Count > MaxCriteria)
            return Rejection.Invalid("judging.criteria", $"at most {MaxCriteria} criteria");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var criterion in rules.Criteria)
        {
            var name = VietnameseText.Normalize(criterion.Name);
            if (VietnameseText.ValidateName("judging.criteria", name, MaxCriterionNameLength) is { } badName)
                return badName;
            if (!names.Add(name!))
                return Rejection.Invalid("judging.criteria", $"the criterion '{name}' is listed twice");
            if (criterion.Points is < 1 or > JudgingDecisions.MaxScore)
                return Rejection.Invalid("judging.criteria", $"the criterion '{name}' must carry 1 to {JudgingDecisions.MaxScore} points");
        }
        var total = rules.Criteria.Sum(c => c.Points);
        return total == JudgingDecisions.MaxScore
            ? null
            : Rejection.Invalid("judging.criteria", $"the criteria's points must add up to {JudgingDecisions.MaxScore} (they add up to {total})");
    }

    public static JudgingRules Normalize(JudgingRules rules) => rules with
    {
        Criteria = rules.Criteria.Select(c => c with { Name = VietnameseText.Normalize(c.Name)! }).ToList(),
    };
}

/// <summary>A line of the scoring sheet: what is judged and the most points it can give.</summary>
[GenerateSerializer, Immutable]
public sealed record ScoringCriterion([property: Id(0)] string Name, [property: Id(1)] int Points);

/// <summary>A judge's points for one criterion of the sheet.</summary>
[GenerateSerializer, Immutable]
public sealed record CriterionScore([property: Id(0)] string Name, [property: Id(1)] int Points);

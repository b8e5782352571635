namespace TuyenGiao.Campaigns;

/// <summary>Đợt học tập, quán triệt chỉ thị, nghị quyết; chuyên đề năm; đợt tuyên truyền.</summary>
public enum CampaignKind
{
    /// <summary>Studying and applying a directive or resolution (for example Chỉ thị 05-CT/TW, Nghị quyết 35-NQ/TW).</summary>
    StudyDrive,
    /// <summary>The annual theme of a directive (chuyên đề năm).</summary>
    AnnualTheme,
    /// <summary>A propaganda drive (đợt tuyên truyền).</summary>
    PropagandaDrive,
}

public enum CampaignStatus
{
    /// <summary>No campaign has this id.</summary>
    None,
    Launched,
    Closed,
}

/// <summary>
/// What the launcher plans for the whole campaign (its subtree): a participation rate, study sessions, training
/// classes and learners. Each is optional; achievement is shown only against what was planned.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CampaignTargets(
    [property: Id(0)] decimal? ParticipationPercent,
    [property: Id(1)] int? StudySessions,
    [property: Id(2)] int? TrainingClasses,
    [property: Id(3)] int? Learners)
{
    public static readonly CampaignTargets None = new(null, null, null, null);
}

namespace TuyenGiao.Committees;

/// <summary>The tier of a Propaganda and Education Committee (cấp: trung ương, tỉnh, huyện, khối, cơ sở).</summary>
public enum CommitteeLevel
{
    Central,
    Province,
    District,
    Bloc,
    Grassroots,
}

/// <summary>
/// Which level may sit under which. A bloc of agencies and enterprises (Đảng ủy Khối) reports to a province or
/// to the centre; a grassroots organisation to a district, a bloc or, where a province runs it directly, a province.
/// </summary>
public static class CommitteePlacement
{
    private static readonly Dictionary<CommitteeLevel, CommitteeLevel[]> AllowedParents = new()
    {
        [CommitteeLevel.Central] = [],
        [CommitteeLevel.Province] = [CommitteeLevel.Central],
        [CommitteeLevel.District] = [CommitteeLevel.Province],
        [CommitteeLevel.Bloc] = [CommitteeLevel.Province, CommitteeLevel.Central],
        [CommitteeLevel.Grassroots] = [CommitteeLevel.District, CommitteeLevel.Bloc, CommitteeLevel.Province],
    };

    /// <summary>Central and province committees may stand at the top of a deployment; the others need a parent.</summary>
    public static bool MayBeRoot(CommitteeLevel level) => level is CommitteeLevel.Central or CommitteeLevel.Province;

    public static bool CanSitUnder(CommitteeLevel level, CommitteeLevel parentLevel) => AllowedParents[level].Contains(parentLevel);

    public static IReadOnlyList<CommitteeLevel> ParentsAllowedFor(CommitteeLevel level) => AllowedParents[level];
}

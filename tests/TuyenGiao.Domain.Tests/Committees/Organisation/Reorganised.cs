using TuyenGiao.Committees;
using TuyenGiao.Committees.Organisation;

namespace TuyenGiao.Domain.Tests.Committees.Organisation;

/// <summary>
/// A province with two districts and three grassroots organisations, as given events, to reorganise in the tests:
/// P; D1 (C11, C12) and D2 (C21) below it.
/// </summary>
internal static class Reorganised
{
    public static readonly DateOnly Recorded = new(2026, 1, 5);
    public static readonly DateOnly In2023 = new(2023, 12, 31);
    public static readonly DateOnly Reform = new(2025, 7, 1);
    public static readonly DateOnly Today = new(2026, 11, 23);

    public static Dictionary<string, CommitteeTimeline> ThreeLevels() => new[]
    {
        Registered("P", CommitteeLevel.Province, null),
        Registered("D1", CommitteeLevel.District, "P"),
        Registered("D2", CommitteeLevel.District, "P"),
        Registered("C11", CommitteeLevel.Grassroots, "D1"),
        Registered("C12", CommitteeLevel.Grassroots, "D1"),
        Registered("C21", CommitteeLevel.Grassroots, "D2"),
    }.ToDictionary(t => t.Code);

    public static CommitteeTimeline Registered(string code, CommitteeLevel level, string? parent) =>
        CommitteeTimeline.Evolve(null, new CommitteeRegistered(code, $"Ban {code}", level, parent, 100), Recorded)!;

    /// <summary>The timelines after <paramref name="events"/>, each applied to the committee it names.</summary>
    public static Dictionary<string, CommitteeTimeline> After(Dictionary<string, CommitteeTimeline> timelines, params object[] events)
    {
        var result = new Dictionary<string, CommitteeTimeline>(timelines);
        foreach (var e in events)
        {
            var code = (string)e.GetType().GetProperty("Code")!.GetValue(e)!;
            result[code] = CommitteeTimeline.Evolve(result.GetValueOrDefault(code), e, Recorded)!;
        }
        return result;
    }

    public static OrganisationChart On(this Dictionary<string, CommitteeTimeline> timelines, DateOnly day) => new(timelines.Values, day);

    /// <summary>The middle tier goes: both districts dissolved in favour of the province.</summary>
    public static Dictionary<string, CommitteeTimeline> WithoutDistricts() => After(ThreeLevels(),
        new CommitteeDissolved("D1", "P", Reform, "Nghị quyết 1/NQ-TU"),
        new CommitteeDissolved("D2", "P", Reform, "Nghị quyết 1/NQ-TU"));
}

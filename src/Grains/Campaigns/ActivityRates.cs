namespace TuyenGiao.Campaigns;

/// <summary>
/// Rates from counts. A rate over several committees is the sum of their numerators over the sum of their
/// denominators, never an average of their rates (a cell of 10 members must not weigh as much as a bloc of 6,000).
/// </summary>
public static class ActivityRates
{
    /// <summary>
    /// Participation in study: distinct party members who attended at least one study session, over the party members
    /// of the reporting committees, to one decimal (6,086 of 6,110 is 99.6). Null without members.
    /// </summary>
    public static decimal? ParticipationPercent(ActivityFigures f) => Percent(f.MembersStudied, f.PartyMembers, 1);

    /// <summary>Party members who wrote a personal pledge over the party members, to one decimal.</summary>
    public static decimal? PledgePercent(ActivityFigures f) => Percent(f.MembersPledged, f.PartyMembers, 1);

    /// <summary>Achievement against a plan in whole percent, as the reports state it (63 classes of 54 planned is 117).</summary>
    public static decimal? AchievementPercent(int actual, int? planned) => planned is > 0 ? Percent(actual, planned.Value, 0) : null;

    public static decimal? Percent(long numerator, long denominator, int decimals) =>
        denominator > 0 ? Math.Round(numerator * 100m / denominator, decimals, MidpointRounding.AwayFromZero) : null;
}

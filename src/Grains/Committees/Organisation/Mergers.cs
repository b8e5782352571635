using TuyenGiao.Common;
using TuyenGiao.Contests;

namespace TuyenGiao.Committees.Organisation;

/// <summary>
/// Several committees merged into one on the same day by the same decision. Each merger is an event on the merged
/// committee's own stream, written by its grain; there is no transaction across streams, so the whole set is first
/// decided against the chart of the day (nothing is written if any one is refused), then sent one by one. A merger
/// already recorded records nothing again, so a set interrupted half-way (a node lost, a race with another change)
/// is completed by sending it again.
/// </summary>
public sealed class Mergers(IGrainFactory grains, OrganisationHistory history, TimeProvider time)
{
    public const int MaxCommittees = 100;

    /// <returns>Null when every committee is merged; otherwise the first refusal, with the committees merged before it.</returns>
    public async Task<(Rejection? Refusal, IReadOnlyList<string> Merged)> MergeAsync(IReadOnlyList<string> codes, MergeCommittee command, CommandContext context)
    {
        var chart = await history.ChartAsync(command.EffectiveOn);
        var today = VietnamTime.DayOf(time.GetUtcNow());
        foreach (var code in codes)
        {
            if (ReorganisationDecisions.Merge(chart.TimelineOf(code), command, chart, today).Rejection is { } refused)
                return (Named(code, refused), []);
        }
        var merged = new List<string>();
        foreach (var code in codes)
        {
            var result = await grains.GetGrain<ICommitteeGrain>(code).Merge(command, context);
            if (result.Rejection is { } refused)
                return (Named(code, refused), merged);
            merged.Add(code);
        }
        return (null, merged);
    }

    /// <summary>A refusal of one committee of the set says which one it is.</summary>
    private static Rejection Named(string code, Rejection refusal) =>
        refusal with { Field = refusal.Field == "code" ? "committeeCodes" : refusal.Field, Reason = $"{code}: {refusal.Reason}" };
}

using TuyenGiao.Committees.Organisation;

namespace TuyenGiao.Contests;

/// <summary>The live figures of a contest, as organisers watch them.</summary>
[GenerateSerializer, Immutable]
public sealed record ContestTally(
    [property: Id(0)] string ContestId,
    [property: Id(1)] string Title,
    [property: Id(2)] ContestKind Kind,
    [property: Id(3)] string OrganiserCode,
    [property: Id(4)] ContestStatus Status,
    [property: Id(5)] string Window,
    [property: Id(6)] long Version,
    [property: Id(7)] int Target,
    [property: Id(8)] int Accepted,
    [property: Id(9)] int Withdrawn,
    [property: Id(10)] int Disqualified,
    [property: Id(11)] decimal ProgressPercent,
    [property: Id(12)] int OverTarget,
    [property: Id(13)] int ShortOfTarget,
    [property: Id(14)] IReadOnlyList<CommitteeTally> ByCommittee,
    [property: Id(15)] IReadOnlyList<DayTally> ByDay,
    [property: Id(16)] bool ResultsPublished,
    [property: Id(17)] IReadOnlyList<TierTally> Awards,
    [property: Id(18)] IReadOnlyList<CommitteeAwards> AwardsByCommittee,
    [property: Id(19)] decimal? QuizCorrectPercent)
{
    /// <summary>
    /// Which organisation <see cref="ByCommittee"/> follows: null, the committees' paths as they were when each entry
    /// came in; a day, the hierarchy as organised on that day (merged and dissolved committees under their successors).
    /// </summary>
    [Id(20)]
    public DateOnly? OrganisedAsOf { get; init; }
}

/// <summary>A prize tier: how many it allows, how many are granted, and to whom.</summary>
[GenerateSerializer, Immutable]
public sealed record TierTally(
    [property: Id(0)] string Tier,
    [property: Id(1)] bool Collective,
    [property: Id(2)] int Count,
    [property: Id(3)] int Granted,
    [property: Id(4)] IReadOnlyList<AwardHolder> Holders);

[GenerateSerializer, Immutable]
public sealed record AwardHolder([property: Id(0)] int? EntryNumber, [property: Id(1)] string CommitteeCode);

/// <summary>Awards per committee: individual ones to entries from it and below it; collective ones to it.</summary>
[GenerateSerializer, Immutable]
public sealed record CommitteeAwards([property: Id(0)] string Code, [property: Id(1)] int Individual, [property: Id(2)] int Collective);

/// <summary>
/// A committee's own entries, and with everything below it (<c>Accepted</c> etc.). Its parent, as organised when its
/// entries came in, lets a reader draw the tree (the organiser's member organisations, say) from the tally alone.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CommitteeTally(
    [property: Id(0)] string Code,
    [property: Id(1)] int OwnAccepted,
    [property: Id(2)] int Accepted,
    [property: Id(3)] int Withdrawn,
    [property: Id(4)] int Disqualified,
    [property: Id(5)] string? ParentCode);

/// <summary>Entries accepted on a day in Vietnam time (UTC+7).</summary>
[GenerateSerializer, Immutable]
public sealed record DayTally([property: Id(0)] DateOnly Day, [property: Id(1)] int Accepted);

public static class ContestTallies
{
    /// <summary>
    /// The tally as the public sees it: before the results are published, the prize tiers without who holds them
    /// (the organisers' working state, not a result).
    /// </summary>
    public static ContestTally WithoutUnpublishedAwards(ContestTally tally) =>
        tally.ResultsPublished
            ? tally
            : tally with { Awards = tally.Awards.Select(t => t with { Granted = 0, Holders = [] }).ToList(), AwardsByCommittee = [] };

    /// <summary>
    /// The tally with its committees rolled up as organised on the chart's day: each committee's own entries count for
    /// the committee standing for it that day and every one above. The totals do not change; only where they sit.
    /// </summary>
    public static ContestTally AsOrganised(ContestTally tally, Contest contest, OrganisationChart chart)
    {
        IReadOnlyDictionary<string, OrganisedRollUp.Line> Sum(Func<CommitteeEntries, int> figure) =>
            OrganisedRollUp.Sum(contest.ByRecordedPath.Values.Select(c => (c.Path[0], (long)figure(c))), chart).ToDictionary(l => l.Code);
        var accepted = Sum(e => e.Accepted);
        var withdrawn = Sum(e => e.Withdrawn);
        var disqualified = Sum(e => e.Disqualified);
        var byCommittee = accepted.Keys.Order(StringComparer.Ordinal)
            .Select(code => new CommitteeTally(code, (int)accepted[code].Own, (int)accepted[code].Total, (int)withdrawn[code].Total,
                (int)disqualified[code].Total, chart.ParentOf(code)))
            .ToList();
        return tally with { ByCommittee = byCommittee, OrganisedAsOf = chart.Day };
    }

    /// <summary>Builds the tally from the state alone: no event is read.</summary>
    public static ContestTally Build(Contest contest, long version, DateTimeOffset now)
    {
        var details = contest.Details ?? throw new InvalidOperationException("no contest");
        var rolled = new Dictionary<string, (int Own, int Accepted, int Withdrawn, int Disqualified)>(StringComparer.Ordinal);
        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        // A committee that moved has entries under more than one path: each rolls up where it was recorded. The parents
        // shown are those of the latest entry's path (paths taken in the order of their latest entry, later ones winning):
        // the cost follows the committees and paths, not the entries.
        foreach (var own in contest.ByRecordedPath.Values.OrderBy(p => p.LatestEntryNumber))
        {
            var code = own.Path[0];
            for (var i = 0; i < own.Path.Count; i++)
            {
                var ancestor = own.Path[i];
                parents[ancestor] = i + 1 < own.Path.Count ? own.Path[i + 1] : null;
                var sum = rolled.GetValueOrDefault(ancestor);
                rolled[ancestor] = (sum.Own + (ancestor == code ? own.Accepted : 0), sum.Accepted + own.Accepted,
                    sum.Withdrawn + own.Withdrawn, sum.Disqualified + own.Disqualified);
            }
        }
        var window = now < details.OpensAt ? "NotYetOpen" : now < details.ClosesAt ? "Open" : "Closed";
        return new ContestTally(
            contest.ContestId, details.Title, contest.Kind, contest.OrganiserCode, contest.Status, window, version,
            details.Target, contest.Accepted, contest.Withdrawn, contest.Disqualified,
            ProgressPercent(contest.Accepted, details.Target),
            Math.Max(0, contest.Accepted - details.Target),
            Math.Max(0, details.Target - contest.Accepted),
            rolled.OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new CommitteeTally(r.Key, r.Value.Own, r.Value.Accepted, r.Value.Withdrawn, r.Value.Disqualified, parents[r.Key])).ToList(),
            contest.AcceptedByDay.Select(d => new DayTally(d.Key, d.Value)).ToList(),
            contest.Judging.IsPublished,
            Tiers(contest),
            AwardsByCommittee(contest),
            contest.Kind == ContestKind.Quiz && contest.Quiz.Answered > 0
                ? Math.Round(contest.Quiz.Correct * 100m / contest.Quiz.Answered, 1, MidpointRounding.AwayFromZero)
                : null);
    }

    private static List<TierTally> Tiers(Contest contest)
    {
        TierTally Tally(PrizeTier tier, bool collective)
        {
            var holders = contest.Judging.Awards.Where(a => a.Tier == tier.Name && a.Collective == collective)
                .Select(a => new AwardHolder(a.EntryNumber, a.CommitteeCode ?? contest.Judging.FactsOf(a.EntryNumber!.Value).CommitteeCode))
                .ToList();
            return new TierTally(tier.Name, collective, tier.Count, holders.Count, holders);
        }
        return contest.Details!.IndividualPrizes.Select(t => Tally(t, false))
            .Concat(contest.Details.CollectivePrizes.Select(t => Tally(t, true))).ToList();
    }

    private static List<CommitteeAwards> AwardsByCommittee(Contest contest)
    {
        var counts = new Dictionary<string, (int Individual, int Collective)>(StringComparer.Ordinal);
        foreach (var award in contest.Judging.Awards)
        {
            if (award.Collective)
            {
                var own = counts.GetValueOrDefault(award.CommitteeCode!);
                counts[award.CommitteeCode!] = (own.Individual, own.Collective + 1);
                continue;
            }
            foreach (var ancestor in contest.Judging.FactsOf(award.EntryNumber!.Value).CommitteePath)
            {
                var sum = counts.GetValueOrDefault(ancestor);
                counts[ancestor] = (sum.Individual + 1, sum.Collective);
            }
        }
        return counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new CommitteeAwards(c.Key, c.Value.Individual, c.Value.Collective)).ToList();
    }

    /// <summary>Accepted entries as a percentage of the target, to one decimal (1,650 of 1,277 is 129.2).</summary>
    public static decimal ProgressPercent(int accepted, int target) =>
        Math.Round(accepted * 100m / target, 1, MidpointRounding.AwayFromZero);
}

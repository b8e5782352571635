using TuyenGiao.Common;

namespace TuyenGiao.Committees.Organisation;

/// <summary>
/// The rules of reorganisation as pure functions. Each is decided against the hierarchy as it will stand on the
/// effective day (<paramref name="chart"/> is that day's), so a change scheduled ahead is checked against the changes
/// already scheduled before it.
/// </summary>
public static class ReorganisationDecisions
{
    public const int MaxLegalReferenceLength = 200;

    /// <summary>The earliest and latest effective days accepted: the Party's committees, and a decade ahead.</summary>
    public static readonly DateOnly Earliest = new(1930, 1, 1);

    public static Decision Reparent(CommitteeTimeline? committee, ReparentCommittee command, OrganisationChart chart, DateOnly today)
    {
        if (Common(committee, command.EffectiveOn, command.LegalReference, chart, today, out var legal) is { } bad)
            return bad;
        var parent = CommitteeCode.Normalize(command.ParentCode);
        if (!chart.Stands(parent))
            return Rejection.NotFound("parentCode", $"no committee '{parent}' stands on {Show(chart.Day)}");
        if (parent == committee!.Code || chart.PathToRoot(parent).Contains(committee.Code))
            return Rejection.Conflict("parentCode", $"'{parent}' is '{committee.Code}' itself or lies below it on {Show(chart.Day)}: the move would make a cycle");
        if (!CommitteePlacement.CanSitUnder(committee.Level, chart.LevelOf(parent)!.Value))
            return Rejection.Conflict("parentCode", $"a {Describe(committee.Level)} committee cannot sit under the {Describe(chart.LevelOf(parent)!.Value)} committee '{parent}'");
        if (chart.ParentOf(committee.Code) == parent)
            return Decision.NothingToDo;
        return Decision.Accept(new CommitteeReparented(committee.Code, chart.ParentOf(committee.Code), parent, command.EffectiveOn, legal!));
    }

    public static Decision Rename(CommitteeTimeline? committee, RenameCommitteeOn command, OrganisationChart chart, DateOnly today)
    {
        if (Common(committee, command.EffectiveOn, command.LegalReference, chart, today, out var legal) is { } bad)
            return bad;
        var name = VietnameseText.Normalize(command.Name);
        if (VietnameseText.ValidateName("name", name, CommitteeDecisions.MaxNameLength) is { } badName)
            return badName;
        return committee!.NameOn(command.EffectiveOn) == name
            ? Decision.NothingToDo
            : Decision.Accept(new CommitteeRenamedOn(committee.Code, name!, command.EffectiveOn, legal!));
    }

    /// <summary>Merged into a committee of the same level, which takes over its records and its children.</summary>
    public static Decision Merge(CommitteeTimeline? committee, MergeCommittee command, OrganisationChart chart, DateOnly today)
    {
        if (AlreadyCeased(committee, command.SuccessorCode, command.EffectiveOn, dissolved: false))
            return Decision.NothingToDo;
        if (Successor(committee, command.SuccessorCode, command.EffectiveOn, command.LegalReference, chart, today, out var successor, out var legal) is { } bad)
            return bad;
        if (chart.LevelOf(successor!) != committee!.Level)
            return Rejection.Conflict("successorCode",
                $"a {Describe(committee.Level)} committee merges into another {Describe(committee.Level)} committee, not a {Describe(chart.LevelOf(successor!)!.Value)} one");
        return Decision.Accept(new CommitteeMerged(committee.Code, successor!, command.EffectiveOn, legal!));
    }

    /// <summary>Dissolved: its children move under the successor, which must be a committee they may sit under.</summary>
    public static Decision Dissolve(CommitteeTimeline? committee, DissolveCommittee command, OrganisationChart chart, DateOnly today)
    {
        if (AlreadyCeased(committee, command.SuccessorCode, command.EffectiveOn, dissolved: true))
            return Decision.NothingToDo;
        if (Successor(committee, command.SuccessorCode, command.EffectiveOn, command.LegalReference, chart, today, out var successor, out var legal) is { } bad)
            return bad;
        var successorLevel = chart.LevelOf(successor!)!.Value;
        foreach (var child in chart.ChildrenOf(committee!.Code))
        {
            if (!CommitteePlacement.CanSitUnder(chart.LevelOf(child)!.Value, successorLevel))
                return Rejection.Conflict("successorCode",
                    $"its child '{child}', a {Describe(chart.LevelOf(child)!.Value)} committee, cannot sit under the {Describe(successorLevel)} committee '{successor}'");
        }
        return Decision.Accept(new CommitteeDissolved(committee.Code, successor!, command.EffectiveOn, legal!));
    }

    /// <summary>The same cessation sent again (a retry, or one committee of a merger done twice) records nothing.</summary>
    private static bool AlreadyCeased(CommitteeTimeline? committee, string successorCode, DateOnly effectiveOn, bool dissolved) =>
        committee?.Ceased is { } ceased && ceased.On == effectiveOn && ceased.Dissolved == dissolved && ceased.SuccessorCode == CommitteeCode.Normalize(successorCode);

    private static Rejection? Successor(CommitteeTimeline? committee, string successorCode, DateOnly effectiveOn, string legalReference,
        OrganisationChart chart, DateOnly today, out string? successor, out string? legal)
    {
        successor = null;
        if (Common(committee, effectiveOn, legalReference, chart, today, out legal) is { } bad)
            return bad;
        successor = CommitteeCode.Normalize(successorCode);
        if (!chart.Stands(successor))
            return Rejection.NotFound("successorCode", $"no committee '{successor}' stands on {Show(chart.Day)}");
        if (successor == committee!.Code || chart.PathToRoot(successor).Contains(committee.Code))
            return Rejection.Conflict("successorCode", $"'{successor}' is '{committee.Code}' itself or lies below it: it cannot take over from it");
        return null;
    }

    private static Rejection? Common(CommitteeTimeline? committee, DateOnly effectiveOn, string legalReference, OrganisationChart chart, DateOnly today,
        out string? legal)
    {
        legal = VietnameseText.Normalize(legalReference);
        if (committee is null)
            return Rejection.NotFound("code", "no committee with this code is registered");
        if (chart.Day != effectiveOn)
            throw new ArgumentException("the chart must be the effective day's", nameof(chart));
        if (effectiveOn < Earliest || effectiveOn > today.AddYears(10))
            return Rejection.Invalid("effectiveOn", $"must be between {Show(Earliest)} and ten years from today");
        if (VietnameseText.ValidateName("legalReference", legal, MaxLegalReferenceLength) is { } badReference)
            return badReference;
        if (committee.Ceased is { } ceased && ceased.On <= effectiveOn)
            return Rejection.RuleViolation("code",
                $"'{committee.Code}' {(ceased.Dissolved ? "is dissolved" : "is merged into " + ceased.SuccessorCode)} from {Show(ceased.On)}: nothing can change it after that");
        return null;
    }

    private static string Show(DateOnly day) => day.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(CommitteeLevel level) => level.ToString().ToLowerInvariant();
}

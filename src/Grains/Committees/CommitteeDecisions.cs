using TuyenGiao.Common;

namespace TuyenGiao.Committees;

/// <summary>
/// The committee rules as pure functions: the current state, the command and what the grain looked up
/// (the parent, its path to the root) in; events or a typed rejection out.
/// </summary>
public static class CommitteeDecisions
{
    public const int MaxNameLength = 200;
    public const int MaxMemberCount = 10_000_000;

    /// <param name="today">Today in Vietnam: a committee set up by a reorganisation is established on a day near it.</param>
    public static Decision Register(Committee state, RegisterCommittee command, Committee? parent, DateOnly today)
    {
        if (CommitteeCode.Validate("code", state.Code) is { } badCode)
            return badCode;
        var name = VietnameseText.Normalize(command.Name);
        if (VietnameseText.ValidateName("name", name, MaxNameLength) is { } badName)
            return badName;
        if (ValidateMemberCount(command.MemberCount) is { } badCount)
            return badCount;
        if (state.IsRegistered)
            return Rejection.Conflict("code", $"a committee with code '{state.Code}' is already registered");
        if (command.EstablishedOn is { } established && (established < Organisation.ReorganisationDecisions.Earliest || established > today.AddYears(10)))
            return Rejection.Invalid("establishedOn", $"must be between 01/01/{Organisation.ReorganisationDecisions.Earliest.Year} and ten years from today");

        string? parentCode = null;
        if (command.ParentCode is null)
        {
            if (!CommitteePlacement.MayBeRoot(command.Level))
                return Rejection.Invalid("parentCode", $"a {Describe(command.Level)} committee needs a parent committee");
        }
        else
        {
            parentCode = CommitteeCode.Normalize(command.ParentCode);
            if (parent is null || !parent.IsRegistered)
                return Rejection.NotFound("parentCode", $"no committee with code '{parentCode}' is registered");
            if (Placement(command.Level, parent) is { } badPlacement)
                return badPlacement;
        }

        return Decision.Accept(new CommitteeRegistered(state.Code, name!, command.Level, parentCode, command.MemberCount, command.EstablishedOn));
    }

    public static Decision Rename(Committee state, RenameCommittee command)
    {
        if (NotRegistered(state) is { } missing)
            return missing;
        var name = VietnameseText.Normalize(command.Name);
        if (VietnameseText.ValidateName("name", name, MaxNameLength) is { } badName)
            return badName;
        return name == state.Name ? Decision.NothingToDo : Decision.Accept(new CommitteeRenamed(state.Code, name!));
    }

    public static Decision ChangeMemberCount(Committee state, ChangeMemberCount command)
    {
        if (NotRegistered(state) is { } missing)
            return missing;
        if (ValidateMemberCount(command.MemberCount) is { } badCount)
            return badCount;
        return command.MemberCount == state.MemberCount
            ? Decision.NothingToDo
            : Decision.Accept(new CommitteeMemberCountChanged(state.Code, command.MemberCount));
    }

    /// <param name="newParent">The committee named as the new parent, or null when none is registered.</param>
    /// <param name="newParentPathToRoot">Codes from the new parent up to the root, the new parent first.</param>
    public static Decision Move(Committee state, MoveCommittee command, Committee? newParent, IReadOnlyList<string> newParentPathToRoot)
    {
        if (NotRegistered(state) is { } missing)
            return missing;
        var parentCode = CommitteeCode.Normalize(command.ParentCode);
        if (parentCode == state.Code || newParentPathToRoot.Contains(state.Code))
            return Rejection.Conflict("parentCode", $"moving '{state.Code}' under '{parentCode}' would create a cycle: '{parentCode}' is '{state.Code}' itself or lies below it");
        if (newParent is null || !newParent.IsRegistered)
            return Rejection.NotFound("parentCode", $"no committee with code '{parentCode}' is registered");
        if (Placement(state.Level, newParent) is { } badPlacement)
            return badPlacement;
        return parentCode == state.ParentCode
            ? Decision.NothingToDo
            : Decision.Accept(new CommitteeMoved(state.Code, state.ParentCode, parentCode));
    }

    private static Rejection? NotRegistered(Committee state) =>
        state.IsRegistered ? null : Rejection.NotFound("code", $"no committee with code '{state.Code}' is registered");

    private static Rejection? ValidateMemberCount(int count) =>
        count is < 0 or > MaxMemberCount ? Rejection.Invalid("memberCount", $"must be between 0 and {MaxMemberCount:N0} (got {count})") : null;

    private static Rejection? Placement(CommitteeLevel level, Committee parent)
    {
        if (CommitteePlacement.CanSitUnder(level, parent.Level))
            return null;
        var allowed = CommitteePlacement.ParentsAllowedFor(level);
        var expected = allowed.Count == 0 ? "no parent at all" : "a " + string.Join(" or ", allowed.Select(Describe)) + " committee";
        return Rejection.Conflict("parentCode",
            $"a {Describe(level)} committee cannot sit under the {Describe(parent.Level)} committee '{parent.Code}'; it needs {expected}");
    }

    private static string Describe(CommitteeLevel level) => level.ToString().ToLowerInvariant();
}

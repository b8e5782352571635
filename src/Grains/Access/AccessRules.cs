using TuyenGiao.Common;

namespace TuyenGiao.Access;

/// <summary>
/// Who may do what, as pure functions of the caller's grants (all of them: a rule allows what any one grant allows) and
/// the committees involved. A committee is given by its path
/// to the root (itself first), which the edge reads from the directory; a committee that does not exist has an
/// empty path, so only an admin gets past these rules to hear that it does not exist.
/// Each rule answers null (allowed) or a Forbidden rejection that says what the caller's role allows instead.
/// </summary>
public static class AccessRules
{
    /// <summary>Committee records, campaign reports, a committee's own details: admins, and officers of it or of a committee above it.</summary>
    public static Rejection? MayRecordFor(Caller caller, string field, IReadOnlyList<string> path)
    {
        if (caller.Is(Role.Admin) || caller.CoversAs(Role.Officer, path))
            return null;
        return caller.CommitteesAs(Role.Officer) is { Count: > 0 } own
            ? Rejection.Forbidden(field, $"an officer of {Listed(own)} may record only for {Listed(own)} and the committees below it")
            : Rejection.Forbidden(field, "only an officer of this committee or of one above it may record for it");
    }

    /// <summary>Records and reports of a committee: admins and auditors everywhere; officers and organisers within their subtree.</summary>
    public static Rejection? MayReadRecordsOf(Caller caller, string field, IReadOnlyList<string> path)
    {
        if (caller.Is(Role.Admin) || caller.Is(Role.Auditor) || caller.CoversAs(Role.Officer, path) || caller.CoversAs(Role.Organiser, path))
            return null;
        return Rejection.Forbidden(field, ReadingCommittees(caller) is { Count: > 0 } own
            ? $"a user of {Listed(own)} may read the records of {Listed(own)} and the committees below it only"
            : "only admins, auditors, and officers of this committee or one above it may read its records");
    }

    /// <summary>A new committee: admins anywhere (a root included); officers below their own committee.</summary>
    public static Rejection? MayRegisterUnder(Caller caller, IReadOnlyList<string>? parentPath)
    {
        if (caller.Is(Role.Admin))
            return null;
        if (parentPath is null)
            return Rejection.Forbidden("parentCode", "only an admin may register a committee at the top of the hierarchy");
        return MayRecordFor(caller, "parentCode", parentPath);
    }

    /// <summary>
    /// Moving a committee: admins; an officer may move a committee strictly below one they act for (never that one
    /// itself) to another parent they act for.
    /// </summary>
    /// <param name="targetField">The field naming where it goes: the new parent, or the successor of a merger or dissolution.</param>
    public static Rejection? MayMove(Caller caller, IReadOnlyList<string> path, IReadOnlyList<string> newParentPath, string targetField = "parentCode")
    {
        if (caller.Is(Role.Admin))
            return null;
        var strictlyBelow = StrictlyBelowOwn(caller, path);
        if (!strictlyBelow && path.Count > 0 && caller.CommitteesAs(Role.Officer).Contains(path[0], StringComparer.Ordinal))
            return Rejection.Forbidden("code", "an officer may not move their own committee; the committee above it may");
        return (strictlyBelow ? null : MayRecordFor(caller, "code", path)) ?? MayRecordFor(caller, targetField, newParentPath);
    }

    /// <summary>Announcing, amending and running a contest: admins, and organisers of the organising committee.</summary>
    public static Rejection? MayOrganise(Caller caller, string organiserCode)
    {
        if (caller.Is(Role.Admin) || caller.CommitteesAs(Role.Organiser).Contains(organiserCode, StringComparer.Ordinal))
            return null;
        return Rejection.Forbidden("organiserCode", $"only an organiser of {organiserCode} may run this contest");
    }

    /// <summary>
    /// Recording an entry: admins, the contest's organisers, and officers for entries from their committee or below
    /// (committees collect their members' entries and record them).
    /// </summary>
    public static Rejection? MaySubmitFor(Caller caller, string organiserCode, IReadOnlyList<string> entryCommitteePath)
    {
        if (MayOrganise(caller, organiserCode) is null || caller.CoversAs(Role.Officer, entryCommitteePath))
            return null;
        return Rejection.Forbidden("committeeCode", caller.CommitteesAs(Role.Officer) is { Count: > 0 } own
            ? $"an officer of {Listed(own)} may record entries only from {Listed(own)} and the committees below it"
            : "only the contest's organisers and the officers of the entry's committee may record an entry");
    }

    /// <summary>
    /// A judge acts only as themselves (the judge id in the request is the caller's id), and in a contest their grant
    /// names, or in any when it names none.
    /// </summary>
    public static Rejection? MayJudgeAs(Caller caller, string judgeId, string contestId)
    {
        if (caller.Is(Role.Admin))
            return null;
        if (!caller.Is(Role.Judge))
            return Rejection.Forbidden("judgeId", "only the judge may do this");
        if (!string.Equals(caller.Id, judgeId, StringComparison.Ordinal))
            return Rejection.Forbidden("judgeId", "a judge may act only as themselves");
        return caller.Grants.Any(g => g.Role == Role.Judge && (g.ContestId is null || g.ContestId == contestId))
            ? null
            : Rejection.Forbidden("judgeId", $"this judge's grants name other contests than {contestId}");
    }

    /// <summary>
    /// The panels a judge sits on are their work list: theirs to read (as a judge, whatever contests their grants
    /// name), and admins' and auditors'.
    /// </summary>
    public static Rejection? MaySeePanelsOf(Caller caller, string judgeId)
    {
        if (caller.Is(Role.Admin) || caller.Is(Role.Auditor))
            return null;
        return caller.Is(Role.Judge) && string.Equals(caller.Id, judgeId, StringComparison.Ordinal)
            ? null
            : Rejection.Forbidden("judgeId", "only the judge, admins and auditors may see which panels a judge sits on");
    }

    /// <summary>
    /// The ranking and the awards before the results are published are the organisers', admins' and auditors';
    /// once published they are anyone's.
    /// </summary>
    public static bool MaySeeUnpublishedResults(Caller caller, string organiserCode) =>
        caller.Is(Role.Auditor) || MayOrganise(caller, organiserCode) is null;

    /// <summary>The committees whose records the caller reads as an officer or organiser (admins and auditors read all).</summary>
    public static IReadOnlyList<string> ReadingCommittees(Caller caller) =>
        caller.CommitteesAs(Role.Officer).Union(caller.CommitteesAs(Role.Organiser), StringComparer.Ordinal).ToList();

    /// <summary>
    /// The launchers whose campaigns a user finds in the list of campaigns: every launcher for admins and auditors
    /// (null); for officers and organisers, around each committee of <see cref="ReadingCommittees"/>: it, those below
    /// it (whose records they read) and those above it (whose campaigns they take part in); nobody's for anyone else.
    /// </summary>
    /// <param name="surroundings">By committee (those of <see cref="ReadingCommittees"/> are read): it and its ancestors up
    /// to the root, and it and every committee below it.</param>
    public static IReadOnlyList<string>? CampaignLaunchersVisibleTo(Caller caller,
        IReadOnlyDictionary<string, (IReadOnlyList<string> Path, IReadOnlyList<string> Subtree)> surroundings)
    {
        if (caller.Is(Role.Admin) || caller.Is(Role.Auditor))
            return null;
        return ReadingCommittees(caller)
            .SelectMany(own => surroundings.TryGetValue(own, out var around) ? around.Path.Concat(around.Subtree) : [])
            .Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Creating accounts: admins, and officers (who then grant only below their own committee).</summary>
    public static Rejection? MayCreateAccounts(Caller caller) =>
        caller.Is(Role.Admin) || caller.Is(Role.Officer)
            ? null
            : Rejection.Forbidden("username", "only admins and officers may create accounts");

    /// <summary>
    /// Granting or revoking: admins anything; officers the roles of officer and organiser for a committee strictly below
    /// one they act for (never their own, which is the level above's to give); a contest's organisers the judge's role
    /// in that contest.
    /// </summary>
    /// <param name="committeePath">The granted committee's path to the root, for an officer's or organiser's grant.</param>
    /// <param name="contestOrganiser">The organising committee of the granted contest, for a judge's grant in one.</param>
    public static Rejection? MayChangeGrant(Caller caller, Grant grant, IReadOnlyList<string> committeePath, string? contestOrganiser)
    {
        if (caller.Is(Role.Admin))
            return null;
        if (Grant.ActsForACommittee(grant.Role) && StrictlyBelowOwn(caller, committeePath))
            return null;
        if (grant is { Role: Role.Judge, ContestId: not null } && contestOrganiser is not null && MayOrganise(caller, contestOrganiser) is null)
            return null;
        return Rejection.Forbidden("role", grant.Role switch
        {
            Role.Officer or Role.Organiser => "only an admin, or an officer of a committee above it, may give or take this role for this committee",
            Role.Judge when grant.ContestId is not null => "only an admin or the contest's organisers may give or take a judge's role in it",
            _ => $"only an admin may give or take the role of {grant.Role.ToString().ToLowerInvariant()}",
        });
    }

    /// <summary>
    /// Disabling, enabling, or issuing a password reset link: admins any account; officers an account whose grants
    /// all act for committees strictly below one they act for (none beside or above them, none everywhere).
    /// </summary>
    /// <param name="accountGrants">The account's grants, each with its committee's path to the root (empty for others).</param>
    public static Rejection? MayManageAccount(Caller caller, IReadOnlyList<(Grant Grant, IReadOnlyList<string> Path)> accountGrants)
    {
        if (caller.Is(Role.Admin))
            return null;
        if (caller.Is(Role.Officer) && accountGrants.Count > 0 &&
            accountGrants.All(g => Grant.ActsForACommittee(g.Grant.Role) && StrictlyBelowOwn(caller, g.Path)))
            return null;
        return Rejection.Forbidden("username", "only an admin, or an officer above every committee this account acts for, may manage it");
    }

    private static bool StrictlyBelowOwn(Caller caller, IReadOnlyList<string> path) =>
        path.Count > 1 && caller.CoversAs(Role.Officer, path.Skip(1).ToList());

    private static string Listed(IReadOnlyList<string> committees) => string.Join(", ", committees);
}

using TuyenGiao.Common;

namespace TuyenGiao.Access;

/// <summary>
/// Who may do what, as pure functions of the caller and the committees involved. A committee is given by its path
/// to the root (itself first), which the edge reads from the directory; a committee that does not exist has an
/// empty path, so only an admin gets past these rules to hear that it does not exist.
/// Each rule answers null (allowed) or a Forbidden rejection that says what the caller's role allows instead.
/// </summary>
public static class AccessRules
{
    /// <summary>Committee records, campaign reports, a committee's own details: admins, and officers of it or of a committee above it.</summary>
    public static Rejection? MayRecordFor(Caller caller, string field, IReadOnlyList<string> path)
    {
        if (caller.Is(Role.Admin) || caller.Is(Role.Officer) && Covers(caller, path))
            return null;
        return caller.Is(Role.Officer)
            ? Rejection.Forbidden(field, $"an officer of {caller.CommitteeCode} may record only for {caller.CommitteeCode} and the committees below it")
            : Rejection.Forbidden(field, "only an officer of this committee or of one above it may record for it");
    }

    /// <summary>Records and reports of a committee: admins and auditors everywhere; officers and organisers within their subtree.</summary>
    public static Rejection? MayReadRecordsOf(Caller caller, string field, IReadOnlyList<string> path)
    {
        if (caller.Is(Role.Admin) || caller.Is(Role.Auditor))
            return null;
        if ((caller.Is(Role.Officer) || caller.Is(Role.Organiser)) && Covers(caller, path))
            return null;
        return Rejection.Forbidden(field, caller.CommitteeCode is { } own
            ? $"a user of {own} may read the records of {own} and the committees below it only"
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
    /// Moving a committee: admins; an officer may move a committee strictly below their own (never their own) to
    /// another parent within their subtree.
    /// </summary>
    /// <param name="targetField">The field naming where it goes: the new parent, or the successor of a merger or dissolution.</param>
    public static Rejection? MayMove(Caller caller, IReadOnlyList<string> path, IReadOnlyList<string> newParentPath, string targetField = "parentCode")
    {
        if (caller.Is(Role.Admin))
            return null;
        if (caller.Is(Role.Officer) && path.Count > 0 && path[0] == caller.CommitteeCode)
            return Rejection.Forbidden("code", "an officer may not move their own committee; the committee above it may");
        return MayRecordFor(caller, "code", path) ?? MayRecordFor(caller, targetField, newParentPath);
    }

    /// <summary>Announcing, amending and running a contest: admins, and organisers of the organising committee.</summary>
    public static Rejection? MayOrganise(Caller caller, string organiserCode)
    {
        if (caller.Is(Role.Admin) || caller.Is(Role.Organiser) && caller.CommitteeCode == organiserCode)
            return null;
        return Rejection.Forbidden("organiserCode", $"only an organiser of {organiserCode} may run this contest");
    }

    /// <summary>
    /// Recording an entry: admins, the contest's organisers, and officers for entries from their committee or below
    /// (committees collect their members' entries and record them).
    /// </summary>
    public static Rejection? MaySubmitFor(Caller caller, string organiserCode, IReadOnlyList<string> entryCommitteePath)
    {
        if (MayOrganise(caller, organiserCode) is null)
            return null;
        if (caller.Is(Role.Officer) && Covers(caller, entryCommitteePath))
            return null;
        return Rejection.Forbidden("committeeCode", caller.Is(Role.Officer)
            ? $"an officer of {caller.CommitteeCode} may record entries only from {caller.CommitteeCode} and the committees below it"
            : "only the contest's organisers and the officers of the entry's committee may record an entry");
    }

    /// <summary>A judge acts only as themselves: the judge id in the request is the token's subject.</summary>
    public static Rejection? MayJudgeAs(Caller caller, string judgeId)
    {
        if (caller.Is(Role.Admin) || caller.Is(Role.Judge) && string.Equals(caller.Id, judgeId, StringComparison.Ordinal))
            return null;
        return Rejection.Forbidden("judgeId", caller.Is(Role.Judge) ? "a judge may act only as themselves" : "only the judge may do this");
    }

    /// <summary>
    /// The ranking and the awards before the results are published are the organisers', admins' and auditors';
    /// once published they are anyone's.
    /// </summary>
    public static bool MaySeeUnpublishedResults(Caller caller, string organiserCode) =>
        caller.Is(Role.Auditor) || MayOrganise(caller, organiserCode) is null;

    /// <summary>
    /// The launchers whose campaigns a user finds in the list of campaigns: every launcher for admins and auditors
    /// (null); for an officer or organiser, their committee, those below it (whose records they read) and those above
    /// it (whose campaigns they take part in); nobody's for anyone else.
    /// </summary>
    /// <param name="ownPath">The caller's committee and its ancestors up to the root.</param>
    /// <param name="ownSubtree">The caller's committee and every committee below it.</param>
    public static IReadOnlyList<string>? CampaignLaunchersVisibleTo(Caller caller, IReadOnlyList<string> ownPath, IReadOnlyList<string> ownSubtree)
    {
        if (caller.Is(Role.Admin) || caller.Is(Role.Auditor))
            return null;
        if ((caller.Is(Role.Officer) || caller.Is(Role.Organiser)) && caller.CommitteeCode is not null)
            return ownPath.Union(ownSubtree, StringComparer.Ordinal).ToList();
        return [];
    }

    private static bool Covers(Caller caller, IReadOnlyList<string> path) =>
        caller.CommitteeCode is { } own && path.Contains(own, StringComparer.Ordinal);
}

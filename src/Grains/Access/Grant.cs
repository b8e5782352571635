using TuyenGiao.Common;

namespace TuyenGiao.Access;

/// <summary>
/// One right a user holds: a role, scoped where the role acts. Officers and organisers act for a committee (and,
/// through the hierarchy, the committees below it); a judge may be scoped to one contest's panel or, as tokens minted
/// by ops/token.sh are, to any panel they sit on; admins and auditors act everywhere. A user may hold several.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Grant(
    [property: Id(0)] Role Role,
    [property: Id(1)] string? CommitteeCode = null,
    [property: Id(2)] string? ContestId = null)
{
    private const char CommitteeMark = '@';
    private const char ContestMark = '#';

    public static Grant Admin { get; } = new(Role.Admin);

    public static Grant Auditor { get; } = new(Role.Auditor);

    public static Grant OfficerOf(string committeeCode) => new(Role.Officer, committeeCode);

    public static Grant OrganiserOf(string committeeCode) => new(Role.Organiser, committeeCode);

    public static Grant JudgeIn(string? contestId) => new(Role.Judge, ContestId: contestId);

    /// <summary>Whether the role takes a committee: officers and organisers must name one, the others never do.</summary>
    public static bool ActsForACommittee(Role role) => role is Role.Officer or Role.Organiser;

    /// <summary>
    /// The grant in a token's or a cookie's <c>grant</c> claim: the role in lower case, then <c>@committee</c> or
    /// <c>#contest</c> (for example <c>officer@TV-KHOI</c>, <c>judge#KV-2025</c>, <c>auditor</c>).
    /// </summary>
    public string ToClaim() => Role.ToString().ToLowerInvariant() + (CommitteeCode is { } committee
        ? CommitteeMark + committee
        : ContestId is { } contest ? ContestMark + contest : "");

    /// <summary>The grant a claim names, or null for one that names none (unknown role, a scope the role does not take).</summary>
    public static Grant? FromClaim(string? claim)
    {
        if (string.IsNullOrWhiteSpace(claim))
            return null;
        var mark = claim.IndexOfAny([CommitteeMark, ContestMark]);
        var roleText = mark < 0 ? claim : claim[..mark];
        if (!Enum.TryParse<Role>(roleText, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(roleText, out _))
            return null;
        var scope = mark < 0 ? null : claim[(mark + 1)..];
        if (mark >= 0 && string.IsNullOrWhiteSpace(scope))
            return null;
        return (ActsForACommittee(role), mark < 0 ? (char?)null : claim[mark]) switch
        {
            (true, CommitteeMark) => new Grant(role, Committees.CommitteeCode.Normalize(scope!)),
            (false, null) => new Grant(role),
            (false, ContestMark) when role == Role.Judge => new Grant(role, ContestId: scope),
            _ => null,
        };
    }

    /// <summary>
    /// The grant a request names, or why it names none: officers and organisers take one committee and no contest, a
    /// judge a contest or none, admins and auditors neither. Codes and ids are normalised as everywhere else.
    /// </summary>
    public static Rejection? TryCreate(Role role, string? committeeCode, string? contestId, out Grant? grant)
    {
        grant = null;
        var committee = string.IsNullOrWhiteSpace(committeeCode) ? null : Committees.CommitteeCode.Normalize(committeeCode);
        var contest = string.IsNullOrWhiteSpace(contestId) ? null : Identifiers.NormalizeAggregateId(contestId);
        if (ActsForACommittee(role))
        {
            if (committee is null)
                return Rejection.Invalid("committeeCode", "an officer or organiser acts for one committee: give its code");
            if (contest is not null)
                return Rejection.Invalid("contestId", "an officer or organiser acts for a committee, not a contest");
            if (Committees.CommitteeCode.Validate("committeeCode", committee) is { } badCode)
                return badCode;
        }
        else if (committee is not null)
        {
            return Rejection.Invalid("committeeCode", $"the role of {role.ToString().ToLowerInvariant()} takes no committee");
        }
        else if (contest is not null && role != Role.Judge)
        {
            return Rejection.Invalid("contestId", "only a judge's role takes a contest");
        }
        else if (contest is not null && Identifiers.ValidateAggregateId("contestId", contest) is { } badId)
        {
            return badId;
        }
        grant = new Grant(role, committee, contest);
        return null;
    }

    /// <summary>Whether this grant acts for the committee whose path to the root (itself first) is <paramref name="path"/>.</summary>
    public bool Covers(IReadOnlyList<string> path) => CommitteeCode is { } own && path.Contains(own, StringComparer.Ordinal);

    public override string ToString() => ToClaim();
}

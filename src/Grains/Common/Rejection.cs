namespace TuyenGiao.Common;

/// <summary>Why a command was refused. The kind decides the HTTP status at the edge.</summary>
public enum RejectionKind
{
    /// <summary>The command is malformed: a field is missing, empty, too long or out of range (400).</summary>
    Invalid,
    /// <summary>Something the command names does not exist (404).</summary>
    NotFound,
    /// <summary>The command clashes with the current state: a duplicate, a cycle, a forbidden placement (409).</summary>
    Conflict,
    /// <summary>The command is well formed but a business rule forbids it now (422).</summary>
    RuleViolation,
    /// <summary>The caller's role or committee does not allow this (403).</summary>
    Forbidden,
}

/// <summary>
/// What a grain may do about a refusal, beyond answering it. Most need nothing; a refusal that rests on a lookup the grain
/// caches for a few seconds (a committee's path) is decided once more on a fresh lookup.
/// </summary>
public enum RejectionCode
{
    None,
    /// <summary>The committee was not found: it may have been registered a moment ago.</summary>
    CommitteeUnknown,
    /// <summary>The committee is not below an eligible one: it may have moved a moment ago.</summary>
    CommitteeNotEligible,
}

/// <summary>
/// A typed refusal from a <c>Decide</c> function: which field, and why, in words a user can act on; and a code for the
/// grain, so that no logic reads the field name or the words.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Rejection(
    [property: Id(0)] RejectionKind Kind,
    [property: Id(1)] string Field,
    [property: Id(2)] string Reason,
    [property: Id(3)] RejectionCode Code = RejectionCode.None)
{
    public static Rejection Invalid(string field, string reason) => new(RejectionKind.Invalid, field, reason);
    public static Rejection NotFound(string field, string reason) => new(RejectionKind.NotFound, field, reason);
    public static Rejection Conflict(string field, string reason) => new(RejectionKind.Conflict, field, reason);
    public static Rejection RuleViolation(string field, string reason) => new(RejectionKind.RuleViolation, field, reason);
    public static Rejection Forbidden(string field, string reason) => new(RejectionKind.Forbidden, field, reason);
}

namespace TuyenGiao.Access;

/// <summary>What a signed-in user is to the system. Anonymous callers have no role.</summary>
public enum Role
{
    /// <summary>Everything.</summary>
    Admin,
    /// <summary>An officer of a committee: records for it and for every committee below it.</summary>
    Officer,
    /// <summary>Runs the contests that the user's committee organises.</summary>
    Organiser,
    /// <summary>Scores the entries assigned to the panel the user sits on, and never sees who wrote them.</summary>
    Judge,
    /// <summary>Reads everything, the event log included, and changes nothing.</summary>
    Auditor,
}

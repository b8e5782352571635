namespace TuyenGiao.Committees;

/// <summary>
/// The pure fold of committee events. Kept off the <see cref="Committee"/> record itself so that Marten's
/// conventions do not mistake it for one of theirs; the grain, the snapshot projection and the tests call it.
/// </summary>
public static class CommitteeEvolution
{
    public static Committee Evolve(Committee state, object @event) => @event switch
    {
        CommitteeRegistered e => state with
        {
            Name = e.Name, Level = e.Level, ParentCode = e.ParentCode, MemberCount = e.MemberCount, IsRegistered = true,
        },
        CommitteeRenamed e => state with { Name = e.Name },
        CommitteeMemberCountChanged e => state with { MemberCount = e.MemberCount },
        CommitteeMoved e => state with { ParentCode = e.ToParentCode },
        _ => state,
    };
}

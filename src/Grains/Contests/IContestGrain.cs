using Orleans.Concurrency;
using TuyenGiao.Common;

namespace TuyenGiao.Contests;

/// <summary>One writing, quiz or storytelling contest, keyed by its id.</summary>
public interface IContestGrain : IGrainWithStringKey
{
    Task<CommandResult> Announce(AnnounceContest command, CommandContext context);

    Task<CommandResult> Amend(AmendContest command, CommandContext context);

    Task<CommandResult> Cancel(CancelContest command, CommandContext context);

    /// <summary>Records an entry; the same submission id again gets the first receipt and records nothing.</summary>
    Task<SubmitOutcome> Submit(SubmitEntry command, CommandContext context);

    Task<CommandResult> Withdraw(WithdrawEntry command, CommandContext context);

    Task<CommandResult> Disqualify(DisqualifyEntry command, CommandContext context);

    Task<CommandResult> AssignJudge(AssignJudge command, CommandContext context);

    Task<CommandResult> Score(ScoreEntry command, CommandContext context);

    Task<CommandResult> DeclareConflict(DeclareConflict command, CommandContext context);

    Task<CommandResult> LiftConflict(LiftConflict command, CommandContext context);

    Task<CommandResult> ChooseNormalisation(ChooseNormalisation command, CommandContext context);

    /// <summary>Fills the individual tiers from the ranking.</summary>
    Task<CommandResult> GrantFromRanking(CommandContext context);

    Task<CommandResult> GrantAward(GrantAward command, CommandContext context);

    Task<CommandResult> PublishResults(CommandContext context);

    /// <summary>Erases the entrants' personal data when the contest's retention has run out (the retention job asks); otherwise does nothing.</summary>
    Task<CommandResult> EraseEntrantsPersonalData(CommandContext context);

    Task<CommandResult> CorrectAward(CorrectAward command, CommandContext context);

    Task<IReadOnlyList<RankedEntry>> GetRanking();

    /// <summary>The judging panel, by judge id.</summary>
    Task<IReadOnlyList<Judge>> GetJudges();

    /// <summary>
    /// The entries a judge may score (accepted, not from the judge's own committee), after an entry number, at most
    /// <paramref name="limit"/>, each with the judge's score in the round, and the judge's progress; null when the judge
    /// is not on the panel.
    /// </summary>
    Task<JudgeQueuePage?> JudgeQueue(string judgeId, int round, int afterEntryNumber, int limit);

    /// <summary>The contest's details, or null when no contest has this id.</summary>
    Task<ContestView?> Get();

    /// <summary>The tally from the grain's state, or null when no contest has this id.</summary>
    Task<ContestTally?> GetTally();

    /// <summary>The tally with its committees as organised on <paramref name="day"/>; null when no contest has this id.</summary>
    Task<ContestTally?> GetTallyAsOrganisedOn(DateOnly day);

    /// <summary>Pushes the tally to the observer after each change (coalesced); renew within a minute.</summary>
    Task Subscribe(IContestObserver observer);

    Task Unsubscribe(IContestObserver observer);
}

[GenerateSerializer, Immutable]
public sealed record ContestView(
    [property: Id(0)] string ContestId,
    [property: Id(1)] string OrganiserCode,
    [property: Id(2)] ContestKind Kind,
    [property: Id(3)] ContestStatus Status,
    [property: Id(4)] ContestDetails Details,
    [property: Id(5)] long Version)
{
    /// <summary>The committees whose subtrees take part: the eligible ones named, else the organiser's.</summary>
    public IReadOnlyList<string> EligibleRoots => Details.EligibleCommittees.Count == 0 ? [OrganiserCode] : Details.EligibleCommittees;
}

[GenerateSerializer, Immutable]
public sealed record SubmitOutcome([property: Id(0)] SubmissionReceipt? Receipt, [property: Id(1)] Rejection? Rejection);

/// <summary>An Api node's live feed of one contest.</summary>
public interface IContestObserver : IGrainObserver
{
    [OneWay]
    Task TallyChanged(ContestTally tally);
}

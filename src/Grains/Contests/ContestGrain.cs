using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using TuyenGiao.Committees.Organisation;
using Orleans.Utilities;
using TuyenGiao.Committees;
using TuyenGiao.Common;
using TuyenGiao.EventStore;

using TuyenGiao.PersonalData;

namespace TuyenGiao.Contests;

/// <summary>
/// Thin: looks up committees, lets <see cref="ContestDecisions"/> decide, records the events, and pushes the new
/// tally to subscribed Api nodes. Reentrant, so concurrent submissions share one append.
/// </summary>
[Reentrant]
public sealed class ContestGrain : EventSourcedGrain<Contest>, IContestGrain
{
    /// <summary>
    /// How long a burst of changes is gathered before one tally goes out: short enough that a tally reaches a follower
    /// within 50 ms of the 201 together with the feed's own interval (ContestLiveFeed.MinInterval, 25 ms); long enough
    /// that a contest taking thousands of entries a second builds at most a hundred tallies a second.
    /// </summary>
    private static readonly TimeSpan PushDelay = TimeSpan.FromMilliseconds(10);

    /// <summary>When the oldest change not yet pushed to followers was stored, for the tally latency metric.</summary>
    private long _firstUnpushedChange;

    private readonly CommitteeDirectory _directory;
    private readonly OrganisationHistory _organisation;
    private readonly ContestEntries _entries;
    private readonly PersonalDataVault _personalData;
    private readonly ObserverManager<IContestObserver> _observers;
    /// <summary>
    /// How long who stands for the eligible committees is used before being looked up again, as a committee's path is
    /// (<see cref="CommitteePathLookup"/>): a reorganisation taking effect reaches an active contest within this. An entry
    /// recorded meanwhile under the old path is still counted once, under its own committee, in every view.
    /// </summary>
    private static readonly TimeSpan LookupLifetime = CommitteePathLookup.Lifetime;

    private readonly CommitteePathLookup _paths;
    private (IReadOnlyDictionary<string, string> StandingFor, DateTimeOffset Until) _eligible = (new Dictionary<string, string>(), DateTimeOffset.MinValue);
    private IGrainTimer? _pendingPush;

    public ContestGrain(IEventJournal journal, ISnapshotStore snapshots, IOptions<EventStoreOptions> options, CommitteeDirectory directory,
        OrganisationHistory organisation, ContestEntries entries, PersonalDataVault personalData, TimeProvider time, ILogger<ContestGrain> logger)
        : base(journal, options.Value, time, logger, snapshots)
    {
        _personalData = personalData;
        _organisation = organisation;
        _entries = entries;
        _directory = directory;
        _paths = new CommitteePathLookup(directory, time);
        _observers = new ObserverManager<IContestObserver>(TimeSpan.FromMinutes(1), logger);
    }

    private string ContestId => this.GetPrimaryKeyString();

    protected override string StreamId => Contest.StreamIdFor(ContestId);

    protected override Contest Initial => Contest.None(ContestId);

    protected override Contest Evolve(Contest state, object @event) => ContestEvolution.Evolve(state, @event);

    public async Task<CommandResult> Announce(AnnounceContest command, CommandContext context)
    {
        var organiser = CommitteeCode.Validate("organiserCode", command.OrganiserCode) is null
            ? await _directory.FindAsync(CommitteeCode.Normalize(command.OrganiserCode))
            : null;
        var unknown = await UnknownCommittees(command.Details.EligibleCommittees);
        return await Execute((state, _) => ContestDecisions.Announce(state, command, organiser, unknown), context);
    }

    public async Task<CommandResult> Amend(AmendContest command, CommandContext context)
    {
        var unknown = await UnknownCommittees(command.Details.EligibleCommittees);
        return await Execute((state, now) => ContestDecisions.Amend(state, command, unknown, now), context);
    }

    public Task<CommandResult> Cancel(CancelContest command, CommandContext context) =>
        Execute((state, _) => ContestDecisions.Cancel(state, command), context);

    public async Task<SubmitOutcome> Submit(SubmitEntry command, CommandContext context)
    {
        var entry = ContestDecisions.Normalize(command);
        // The rules count authors by pseudonym, which only the vault's secret gives (the name is sealed once stored).
        entry = entry with { AuthorKey = (await _personalData.PseudonymsAsync()).OfAuthor(entry.AuthorName, entry.CommitteeCode) };
        var (result, recorded) = await DecideSubmission(entry, context, fresh: false);
        // The lookups may be a few seconds old: a committee refused on them (registered or reorganised a moment ago)
        // is decided once more on fresh ones. A refusal wrote nothing, so deciding again is safe.
        if (result.Rejection?.Code is RejectionCode.CommitteeUnknown or RejectionCode.CommitteeNotEligible)
            (result, recorded) = await DecideSubmission(entry, context, fresh: true);
        if (result.Rejection is { } rejection)
        {
            ContestMetrics.Submissions.Add(1, new("outcome", "rejected"), new("kind", rejection.Kind.ToString()));
            return new SubmitOutcome(null, rejection);
        }
        ContestMetrics.Submissions.Add(1, new KeyValuePair<string, object?>("outcome", "accepted"));
        if (recorded is not null)
            return new SubmitOutcome(new SubmissionReceipt(recorded.SubmissionId, recorded.EntryNumber, recorded.SubmittedAt), null);
        // A retry: the first receipt stands. The entry is stored (the state knew it), so the read model has it.
        var stored = await _entries.FindBySubmissionAsync(ContestId, entry.SubmissionId)
            ?? throw new InvalidOperationException($"Submission '{entry.SubmissionId}' of contest '{ContestId}' is in the contest's state but not in its entries.");
        return new SubmitOutcome(new SubmissionReceipt(stored.SubmissionId, stored.EntryNumber, stored.SubmittedAt), null);
    }

    /// <returns>The outcome, and the entry recorded when it was new (the last decision is the one stored: a batch decided
    /// again after a conflict decides this command again).</returns>
    private async Task<(CommandResult Result, EntrySubmitted? Recorded)> DecideSubmission(SubmitEntry entry, CommandContext context, bool fresh)
    {
        if (fresh)
        {
            _paths.Forget(entry.CommitteeCode);
            _eligible = (_eligible.StandingFor, DateTimeOffset.MinValue);
        }
        var path = await _paths.OfAsync(entry.CommitteeCode);
        var standingFor = await EligibleStandingFor();
        EntrySubmitted? recorded = null;
        var result = await Execute((state, now) =>
        {
            var decision = ContestDecisions.Submit(state, entry, path, now, standingFor);
            recorded = decision.Events.Count > 0 ? (EntrySubmitted)decision.Events[0] : null;
            return decision;
        }, context);
        return (result, recorded);
    }

    public async Task<CommandResult> Withdraw(WithdrawEntry command, CommandContext context)
    {
        var entry = await _entries.FindBySubmissionAsync(ContestId, command.SubmissionId.Trim());
        return await Execute((state, now) => ContestDecisions.Withdraw(state, command, entry?.ToRecord(), now), context);
    }

    public async Task<CommandResult> Disqualify(DisqualifyEntry command, CommandContext context)
    {
        var entry = await EntryNumbered(command.EntryNumber);
        return await Execute((state, _) => ContestDecisions.Disqualify(state, command, entry), context);
    }

    public async Task<CommandResult> AssignJudge(AssignJudge command, CommandContext context)
    {
        var exists = await CommitteeExists(command.CommitteeCode);
        return await Execute((state, _) => JudgingDecisions.AssignJudge(state, command, exists), context);
    }

    public async Task<CommandResult> Score(ScoreEntry command, CommandContext context)
    {
        var entry = await EntryNumbered(command.EntryNumber);
        return await Execute((state, _) => JudgingDecisions.Score(state, command, entry), context);
    }

    public async Task<CommandResult> DeclareConflict(DeclareConflict command, CommandContext context)
    {
        var entry = await EntryNumbered(command.EntryNumber);
        return await Execute((state, _) => JudgingDecisions.DeclareConflict(state, command, entry), context);
    }

    public Task<CommandResult> LiftConflict(LiftConflict command, CommandContext context) =>
        Execute((state, _) => JudgingDecisions.LiftConflict(state, command), context);

    public Task<CommandResult> ChooseNormalisation(ChooseNormalisation command, CommandContext context) =>
        Execute((state, _) => JudgingDecisions.ChooseNormalisation(state, command), context);

    public Task<CommandResult> GrantFromRanking(CommandContext context) =>
        Execute((state, _) => JudgingDecisions.GrantFromRanking(state), context);

    public async Task<CommandResult> GrantAward(GrantAward command, CommandContext context)
    {
        var exists = command.Collective && await CommitteeExists(command.CommitteeCode);
        var entry = command.Collective ? null : await EntryNumbered(command.EntryNumber);
        return await Execute((state, _) => JudgingDecisions.Grant(state, command, exists, entry), context);
    }

    public Task<CommandResult> PublishResults(CommandContext context) =>
        Execute((state, now) => JudgingDecisions.Publish(state, now), context);

    public Task<CommandResult> EraseEntrantsPersonalData(CommandContext context) =>
        Execute(ContestDecisions.EraseEntrantsPersonalData, context);

    public async Task<CommandResult> CorrectAward(CorrectAward command, CommandContext context)
    {
        var exists = command.Collective && await CommitteeExists(command.ToCommitteeCode);
        var entry = command.Collective ? null : await EntryNumbered(command.ToEntryNumber);
        return await Execute((state, _) => JudgingDecisions.Correct(state, command, exists, entry), context);
    }

    public Task<IReadOnlyList<RankedEntry>> GetRanking() => Task.FromResult(Ranking.Rank(Stored));

    public Task<IReadOnlyList<Judge>> GetJudges() => Task.FromResult<IReadOnlyList<Judge>>([.. Stored.Judging.Judges.Values.OrderBy(j => j.JudgeId, StringComparer.Ordinal)]);

    public async Task<JudgeQueuePage?> JudgeQueue(string judgeId, int round, int afterEntryNumber, int limit)
    {
        if (!Stored.Judging.Judges.TryGetValue(judgeId, out var judge))
            return null;
        var asked = Stored;
        IReadOnlyList<int> numbers = limit > 0
            ? await _entries.ForJudgeAsync(ContestId, judge.CommitteeCode, asked.Details?.JudgingOrDefault().ConflictsCoverSubtree == true,
                [.. JudgeWork.ConflictsInQueue(asked, judge)], Math.Max(afterEntryNumber, 0), limit)
            : [];
        // The state read after the query: a score recorded meanwhile shows, never one from an older state. (A conflict
        // declared meanwhile may let one entry through to this page; scoring it is refused.)
        var state = Stored;
        return new JudgeQueuePage(
            numbers.Select(n => new QueuedEntry(n, JudgeWork.ScoreOf(state, judgeId, round, n))).ToList(),
            JudgeWork.ScoredCount(state, judgeId, round),
            JudgeWork.QueueSize(state, judge));
    }

    /// <summary>The entry with this number from the read model, for a rule about one entry; null when there is none.</summary>
    private async Task<EntryOnRecord?> EntryNumbered(int? entryNumber) =>
        entryNumber is { } number && number >= 1 ? (await _entries.FindByNumberAsync(ContestId, number))?.ToRecord() : null;

    public Task<ContestView?> Get() => Task.FromResult(Stored is { Status: not ContestStatus.None, Details: { } details } contest
        ? new ContestView(contest.ContestId, contest.OrganiserCode, contest.Kind, contest.Status, details, Version)
        : null);

    public Task<ContestTally?> GetTally() => Task.FromResult(BuildTally());

    public async Task<ContestTally?> GetTallyAsOrganisedOn(DateOnly day)
    {
        // The state is immutable: the one read here is the one tallied, whatever arrives while the chart loads.
        if (Stored is not { Status: not ContestStatus.None } contest)
            return null;
        var tally = ContestTallies.Build(contest, Version, Time.GetUtcNow());
        return ContestTallies.AsOrganised(tally, contest, await _organisation.ChartAsync(day));
    }

    public Task Subscribe(IContestObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IContestObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    /// <summary>After every stored change: gather the burst briefly, then push one tally to every subscriber.</summary>
    protected override void OnStoredStateChanged()
    {
        if (_observers.Count == 0 || _pendingPush is not null)
            return;
        _firstUnpushedChange = Stopwatch.GetTimestamp();
        _pendingPush = this.RegisterGrainTimer(PushTally, new GrainTimerCreationOptions(PushDelay, Timeout.InfiniteTimeSpan) { Interleave = true });
    }

    private Task PushTally()
    {
        _pendingPush?.Dispose();
        _pendingPush = null;
        if (BuildTally() is { } tally)
        {
            _observers.Notify(o => o.TallyChanged(tally));
            ContestMetrics.TallyLatency.Record(Stopwatch.GetElapsedTime(_firstUnpushedChange).TotalMilliseconds);
        }
        return Task.CompletedTask;
    }

    /// <summary>Only what is stored counts: the confirmed state, never events still on their way.</summary>
    private ContestTally? BuildTally() =>
        Stored is { Status: not ContestStatus.None } contest ? ContestTallies.Build(contest, Version, Time.GetUtcNow()) : null;

    /// <summary>The eligible committees (or the organiser) that were merged or dissolved since, with who stands for each today.</summary>
    private async Task<IReadOnlyDictionary<string, string>> EligibleStandingFor()
    {
        var now = Time.GetUtcNow();
        if (_eligible.Until > now || Stored is not { Details: { } details } contest)
            return _eligible.StandingFor;
        IReadOnlyList<string> roots = details.EligibleCommittees.Count == 0 ? [contest.OrganiserCode] : details.EligibleCommittees;
        _eligible = (Successors.Of(roots, await _organisation.TodayAsync(Time)), now + LookupLifetime);
        return _eligible.StandingFor;
    }

    private async Task<bool> CommitteeExists(string? code) =>
        code is not null && CommitteeCode.Validate("committeeCode", code) is null && await _directory.FindAsync(CommitteeCode.Normalize(code)) is not null;

    private async Task<IReadOnlyList<string>> UnknownCommittees(IReadOnlyList<string> codes)
    {
        var unknown = new List<string>();
        foreach (var code in codes.Where(c => CommitteeCode.Validate("eligibleCommittees", c) is null).Select(CommitteeCode.Normalize).Distinct())
            if (await _directory.FindAsync(code) is null)
                unknown.Add(code);
        return unknown;
    }
}

using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using TuyenGiao.Committees;
using TuyenGiao.Common;
using TuyenGiao.Contests;
using TuyenGiao.EventStore;
using TuyenGiao.PersonalData;

namespace TuyenGiao.Quizzes;

/// <summary>
/// Thin: looks up what the rules need (the contest's window and eligible committees, a committee's path, a random
/// seed), lets <see cref="QuizDecisions"/> decide, records the events. A national quiz is millions of events: its state is
/// snapshotted periodically, so that an activation reads the latest snapshot and the events after it.
/// </summary>
[Reentrant]
public sealed class QuizGrain(IEventJournal journal, ISnapshotStore snapshots, IOptions<EventStoreOptions> options, CommitteeDirectory directory,
    PersonalDataVault personalData, TimeProvider time, ILogger<QuizGrain> logger)
    : EventSourcedGrain<Quiz>(journal, options.Value, time, logger, snapshots), IQuizGrain
{
    // A closed round's results, computed once per version of the state: ranking a million attempts takes seconds, and
    // after the close only new events (prizes, publication) change them.
    private readonly Dictionary<int, (long Version, RoundResults Results)> _results = [];

    // Thousands register each second before a deadline, under a few hundred committees.
    private readonly CommitteePathLookup _paths = new(directory, time);

    private string ContestId => this.GetPrimaryKeyString();

    protected override string StreamId => Quiz.StreamIdFor(ContestId);

    protected override Quiz Initial => Quiz.None(ContestId);

    protected override Quiz Evolve(Quiz state, object @event) => QuizEvolution.Evolve(state, @event);

    public Task<CommandResult> SetRules(SetQuizRules command, CommandContext context) =>
        WithContest(contest => Execute((state, now) => QuizDecisions.SetRules(state, command, (contest.Details.OpensAt, contest.Details.ClosesAt), now), context));

    public Task<CommandResult> LoadBank(LoadQuestionBank command, CommandContext context) =>
        WithContest(_ => Execute((state, now) => QuizDecisions.LoadBank(state, command, now), context));

    public Task<CommandResult> Register(RegisterParticipant command, CommandContext context) =>
        WithContest(async contest =>
        {
            var path = await _paths.OfAsync(CommitteeCode.Normalize(command.CommitteeCode));
            var people = await personalData.PseudonymsAsync();
            return await Execute((state, now) => QuizDecisions.Register(state, command, people, path, contest.EligibleRoots, now), context);
        });

    public async Task<(CommandResult Result, AttemptView? Attempt)> Start(StartAttempt command, CommandContext context)
    {
        if (QuizDecisions.OfContest(ContestId, await Contest()) is { } closed)
            return (CommandResult.Rejected(closed), null);
        // The seed is the grain's to choose, never the caller's: a caller who chose it could choose their questions.
        var seeded = command with { Seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong))) };
        var people = await personalData.PseudonymsAsync();
        var result = await Execute((state, now) => QuizDecisions.Start(state, seeded, people, now), context);
        return (result, result.Succeeded ? View(Stored.Attempts[command.AttemptId]) : null);
    }

    public async Task<(CommandResult Result, AttemptView? Attempt)> Submit(SubmitAttempt command, CommandContext context)
    {
        if (QuizDecisions.OfContest(ContestId, await Contest()) is { } closed)
            return (CommandResult.Rejected(closed), null);
        var people = await personalData.PseudonymsAsync();
        var result = await Execute((state, now) => QuizDecisions.Submit(state, command, people, now), context);
        return (result, result.Succeeded ? View(Stored.Attempts[command.AttemptId]) : null);
    }

    public Task<CommandResult> FillPrizes(int round, CommandContext context) =>
        WithContest(contest => Execute((state, now) => QuizPrizeDecisions.Fill(state, round, contest.Details.IndividualPrizes, now), context));

    public Task<CommandResult> GrantPrize(GrantRoundPrize command, CommandContext context) =>
        WithContest(async contest =>
        {
            var people = await personalData.PseudonymsAsync();
            return await Execute((state, now) => QuizPrizeDecisions.Grant(state, command, people, contest.Details.IndividualPrizes, now), context);
        });

    public Task<CommandResult> PublishResults(int round, CommandContext context) =>
        Execute((state, now) => QuizPrizeDecisions.Publish(state, round, now), context);

    public async Task<CommandResult> CorrectPrize(CorrectRoundPrize command, CommandContext context)
    {
        var people = await personalData.PseudonymsAsync();
        return await Execute((state, now) => QuizPrizeDecisions.Correct(state, command, people, now), context);
    }

    /// <summary>
    /// The round's prizes with their holders' numbers, for the organiser: a sealed number is read from its registration
    /// event, found through its key (an erased key finds none: the number shows as erased).
    /// </summary>
    public async Task<IReadOnlyList<PrizeHolder>> Prizes(int round)
    {
        var holders = HoldersOf(Stored, round);
        var keys = holders.Select(h => h.Person.SealedRegistration).OfType<Guid>().ToList();
        var eventOfKey = keys.Count > 0 ? await personalData.EventsOfKeysAsync(keys) : new Dictionary<Guid, Guid>();
        var registrations = eventOfKey.Count > 0 ? await Journal.LoadEventsAsync([.. eventOfKey.Values]) : new Dictionary<Guid, object>();
        return holders.Select(h => h with
        {
            Phone = h.Person.PlainPhone ?? (registrations.GetValueOrDefault(eventOfKey.GetValueOrDefault(h.Person.SealedRegistration ?? Guid.Empty))
                as ParticipantRegisteredV2)?.Phone,
        }).ToList();
    }

    /// <summary>Prizes in the order of the contest's tiers as granted, each with its holder.</summary>
    private static IReadOnlyList<PrizeHolder> HoldersOf(Quiz state, int round) =>
        state.Prizes.Where(p => p.Round == round).Select(p => new PrizeHolder(p.Tier, state.Participants[p.Participant])).ToList();

    private Task<ContestView?> Contest() => GrainFactory.GetGrain<IContestGrain>(ContestId).Get();

    /// <summary>The contest for the decision (its window, eligible committees, tiers); its refusal when it is not, or no longer, a quiz contest.</summary>
    private async Task<CommandResult> WithContest(Func<ContestView, Task<CommandResult>> decide)
    {
        var contest = await Contest();
        return QuizDecisions.OfContest(ContestId, contest) is { } notAQuiz ? CommandResult.Rejected(notAQuiz) : await decide(contest!);
    }

    public Task<QuizView?> Get() => Task.FromResult(Stored.Rules is { } rules
        ? new QuizView(ContestId, rules, Stored.Bank.Count, Stored.Participants.Count, QuizDecisions.Consent, [.. Stored.PublishedRounds])
        : null);

    public Task<QuizParticipationView> Participation(IReadOnlyList<ParticipatingCommittee> committees) =>
        Task.FromResult(new QuizParticipationView(Version, QuizParticipation.Of(Stored, committees)));

    public Task<long> StoredVersion() => Task.FromResult(Version);

    public Task<IReadOnlyList<RecordedCommittee>> RecordedCommittees(IReadOnlyList<string> eligibleRoots) =>
        Task.FromResult(QuizParticipation.RecordedCommittees(Stored, eligibleRoots));

    public Task<RoundResults?> Results(int round)
    {
        if (_results.TryGetValue(round, out var known) && known.Version == Version)
            return Task.FromResult<RoundResults?>(known.Results);
        var state = Stored;
        var version = Version;
        if (QuizDecisions.RankRound(state, round, Time.GetUtcNow()) is not { } ranking)
            return Task.FromResult<RoundResults?>(null);
        var drawn = state.Attempts.Values.Where(a => a.Round == round || round == QuizRanking.Overall).SelectMany(a => a.Questions).Distinct().Order().Select(n => state.Bank[n]).ToList();
        var people = ranking.Ranking.Select(r => state.Participants[r.Attempt.Participant]).ToDictionary(p => p.Id);
        var published = state.PublishedRounds.Contains(round);
        var results = new RoundResults(round, ranking, drawn, people, published, published ? HoldersOf(state, round) : [], version);
        _results[round] = (version, results);
        return Task.FromResult<RoundResults?>(results);
    }

    private AttemptView View(Attempt attempt) => new(attempt.AttemptId, attempt.Round, attempt.Questions.Select(n => QuizQuestionShown.Of(Stored.Bank[n])).ToList(),
        attempt.StartedAt, attempt.Deadline, attempt.Submission?.Correct, attempt.Submission?.SubmittedAt);
}

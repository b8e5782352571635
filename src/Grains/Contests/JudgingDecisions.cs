using System.Text.RegularExpressions;
using TuyenGiao.Committees;
using TuyenGiao.Common;

namespace TuyenGiao.Contests;

/// <summary>The judging and award rules, pure like the rest of <see cref="ContestDecisions"/>.</summary>
public static partial class JudgingDecisions
{
    public const int MaxScore = 100;
    public const int MaxRound = 10;

    /// <param name="committeeExists">Whether the judge's committee is registered.</param>
    public static Decision AssignJudge(Contest state, AssignJudge command, bool committeeExists)
    {
        if (Open(state) is { } closed)
            return closed;
        if (ValidateJudgeId(command.JudgeId) is { } badId)
            return badId;
        var name = VietnameseText.Normalize(command.Name);
        if (VietnameseText.ValidateName("name", name, ContestDecisions.MaxAuthorNameLength) is { } badName)
            return badName;
        if (CommitteeCode.Validate("committeeCode", command.CommitteeCode) is { } badCode)
            return badCode;
        var code = CommitteeCode.Normalize(command.CommitteeCode);
        if (!committeeExists)
            return Rejection.NotFound("committeeCode", $"no committee with code '{code}' is registered");
        var judge = new Judge(command.JudgeId, name!, code);
        return state.Judging.Judges.TryGetValue(command.JudgeId, out var existing) && existing == judge
            ? Decision.NothingToDo
            : Decision.Accept(new JudgeAssigned(state.ContestId, judge.JudgeId, judge.Name, judge.CommitteeCode));
    }

    /// <param name="entry">The entry with the command's number, as the read model has it; null when none is.</param>
    public static Decision Score(Contest state, ScoreEntry command, EntryOnRecord? entry)
    {
        if (Open(state) is { } closed)
            return closed;
        if (ScoreSheet.Read(state.Details!.JudgingOrDefault().Criteria, command.Score, command.Sheet, out var score, out var sheet) is { } badScore)
            return badScore;
        if (command.Round is < 1 or > MaxRound)
            return Rejection.Invalid("round", $"must be between 1 and {MaxRound}");
        if (!state.Judging.Judges.TryGetValue(command.JudgeId, out var judge))
            return Rejection.RuleViolation("judgeId", $"'{command.JudgeId}' is not on the judging panel of this contest");
        if (entry is null || entry.Number != command.EntryNumber)
            return Rejection.NotFound("entryNumber", $"no entry number {command.EntryNumber}");
        if (state.StatusOf(entry) is not EntryStatus.Accepted and var status)
            return Rejection.RuleViolation("entryNumber", $"entry {entry.Number} is {status.ToString().ToLowerInvariant()}");
        if (OwnSide(state, judge, entry) is { } own)
            return own;
        if (state.Judging.InConflict(judge.JudgeId, entry.Number))
            return Rejection.RuleViolation("entryNumber", $"'{judge.JudgeId}' has a declared conflict of interest with entry {entry.Number}");
        var key = new ScoreKey(judge.JudgeId, command.Round);
        // A sheet is recorded each time it is given: the state keeps totals only, and the same total may be split anew.
        return sheet is null && state.Judging.ScoresByEntry.TryGetValue(entry.Number, out var scores) && scores.TryGetValue(key, out var current) && current == score
            ? Decision.NothingToDo
            : Decision.Accept(new EntryScored(state.ContestId, entry.Number, judge.JudgeId, command.Round, score, entry.Facts, sheet));
    }

    /// <summary>
    /// A judge and an entry that must be kept apart: a score of the judge's recorded before is set aside by the ranking,
    /// and the judge neither sees nor scores the entry from now on.
    /// </summary>
    /// <param name="entry">The entry with the command's number, as the read model has it; null when none is.</param>
    public static Decision DeclareConflict(Contest state, DeclareConflict command, EntryOnRecord? entry)
    {
        if (Open(state) is { } closed)
            return closed;
        if (!state.Judging.Judges.ContainsKey(command.JudgeId))
            return Rejection.RuleViolation("judgeId", $"'{command.JudgeId}' is not on the judging panel of this contest");
        if (entry is null || entry.Number != command.EntryNumber)
            return Rejection.NotFound("entryNumber", $"no entry number {command.EntryNumber}");
        var reason = VietnameseText.Normalize(command.Reason);
        if (VietnameseText.ValidateName("reason", reason, ContestDecisions.MaxReasonLength) is { } badReason)
            return badReason;
        return state.Judging.InConflict(command.JudgeId, entry.Number)
            ? Decision.NothingToDo
            : Decision.Accept(new ConflictDeclared(state.ContestId, command.JudgeId, entry.Number, reason!, command.ByOrganiser, entry.Facts));
    }

    /// <summary>A conflict recorded in error, lifted by the organiser: the judge's earlier score of the entry counts again.</summary>
    public static Decision LiftConflict(Contest state, LiftConflict command)
    {
        if (Open(state) is { } closed)
            return closed;
        if (!state.Judging.InConflict(command.JudgeId, command.EntryNumber))
            return Rejection.NotFound("entryNumber", $"'{command.JudgeId}' has no conflict of interest recorded with entry {command.EntryNumber}");
        var reason = VietnameseText.Normalize(command.Reason);
        if (VietnameseText.ValidateName("reason", reason, ContestDecisions.MaxReasonLength) is { } badReason)
            return badReason;
        return Decision.Accept(new ConflictLifted(state.ContestId, command.JudgeId, command.EntryNumber, reason!));
    }

    /// <summary>The organiser chooses a round's normalisation; the results' publication freezes it with the scores.</summary>
    public static Decision ChooseNormalisation(Contest state, ChooseNormalisation command)
    {
        if (Open(state) is { } closed)
            return closed;
        if (command.Round is < 1 or > MaxRound)
            return Rejection.Invalid("round", $"must be between 1 and {MaxRound}");
        if (!Enum.IsDefined(command.Method))
            return Rejection.Invalid("method", "must be Raw, ZScore or Rank");
        return state.Judging.NormalisationOf(command.Round, state.Details!.JudgingOrDefault()) == command.Method
            ? Decision.NothingToDo
            : Decision.Accept(new NormalisationChosen(state.ContestId, command.Round, command.Method));
    }

    /// <summary>
    /// A judge never scores their own committee's entries, nor, when the contest says so, those of the committees below
    /// it (the entry's path as recorded when it came in).
    /// </summary>
    private static Rejection? OwnSide(Contest state, Judge judge, EntryOnRecord entry) =>
        !JudgeWork.OnOwnSide(state, judge.CommitteeCode, entry.Facts.CommitteePath) ? null
        : state.Details!.JudgingOrDefault().ConflictsCoverSubtree
            ? Rejection.RuleViolation("entryNumber", "a judge may not score entries from their own committee or any committee below it")
            : Rejection.RuleViolation("entryNumber", "a judge may not score entries from their own committee");

    /// <summary>Fills every individual tier, in the order the organiser listed them, from the top of the ranking.</summary>
    public static Decision GrantFromRanking(Contest state)
    {
        if (Open(state) is { } closed)
            return closed;
        var awarded = state.Judging.Awards.Where(a => !a.Collective).Select(a => a.EntryNumber).ToHashSet();
        var candidates = new Queue<RankedEntry>(Ranking.Rank(state).Where(r => !awarded.Contains(r.EntryNumber)));
        var events = new List<object>();
        foreach (var tier in state.Details!.IndividualPrizes)
        {
            for (var free = tier.Count - state.Judging.GrantedIn(tier.Name, collective: false); free > 0 && candidates.Count > 0; free--)
            {
                var number = candidates.Dequeue().EntryNumber;
                events.Add(new AwardGranted(state.ContestId, tier.Name, false, number, null, null, state.Judging.FactsOf(number)));
            }
        }
        return events.Count == 0 ? Decision.NothingToDo : Decision.Accept([.. events]);
    }

    /// <param name="committeeExists">Whether the named committee is registered (collective tiers).</param>
    /// <param name="entry">The entry to award (individual tiers), as the read model has it; null when none is.</param>
    public static Decision Grant(Contest state, GrantAward command, bool committeeExists, EntryOnRecord? entry)
    {
        if (Open(state) is { } closed)
            return closed;
        if (Tier(state, command.Tier, command.Collective) is not { } tier)
            return Rejection.NotFound("tier", $"this contest has no {(command.Collective ? "collective" : "individual")} tier '{command.Tier}'");
        if (state.Judging.GrantedIn(tier.Name, command.Collective) >= tier.Count)
            return Rejection.Conflict("tier", $"all {tier.Count} of '{tier.Name}' are already granted");
        var reason = VietnameseText.Normalize(command.Reason);
        if (VietnameseText.ValidateName("reason", reason, ContestDecisions.MaxReasonLength) is { } badReason)
            return badReason;
        if (Recipient(state, command.Collective, command.EntryNumber, command.CommitteeCode, committeeExists, "", entry) is { } badRecipient)
            return badRecipient;
        return Decision.Accept(new AwardGranted(state.ContestId, tier.Name, command.Collective,
            command.Collective ? null : command.EntryNumber, command.Collective ? CommitteeCode.Normalize(command.CommitteeCode!) : null, reason,
            command.Collective ? null : entry!.Facts));
    }

    public static Decision Publish(Contest state, DateTimeOffset now)
    {
        if (Announced(state) is { } missing)
            return missing;
        if (state.Status == ContestStatus.Cancelled)
            return Rejection.RuleViolation("contestId", "the contest is cancelled");
        if (state.Judging.IsPublished)
            return Decision.NothingToDo;
        if (now < state.Details!.ClosesAt)
            return Rejection.RuleViolation("contestId", "results can be published once the contest has closed");
        return Decision.Accept(new ResultsPublished(state.ContestId, now));
    }

    /// <param name="committeeExists">Whether the committee the award goes to is registered (collective tiers).</param>
    /// <param name="toEntry">The entry the award goes to (individual tiers), as the read model has it; null when none is.</param>
    public static Decision Correct(Contest state, CorrectAward command, bool committeeExists, EntryOnRecord? toEntry)
    {
        if (Announced(state) is { } missing)
            return missing;
        if (!state.Judging.IsPublished)
            return Rejection.RuleViolation("tier", "before publication, grant awards directly; corrections are for published results");
        var fromCommittee = command.FromCommitteeCode is null ? null : CommitteeCode.Normalize(command.FromCommitteeCode);
        var from = state.Judging.Awards.FirstOrDefault(a => a.Tier == command.Tier && a.Collective == command.Collective
            && a.EntryNumber == (command.Collective ? null : command.FromEntryNumber) && a.CommitteeCode == (command.Collective ? fromCommittee : null));
        if (from is null)
            return Rejection.NotFound("from", $"no such '{command.Tier}' award to correct");
        var reason = VietnameseText.Normalize(command.Reason);
        if (VietnameseText.ValidateName("reason", reason, ContestDecisions.MaxReasonLength) is { } badReason)
            return badReason;
        if (Recipient(state, command.Collective, command.ToEntryNumber, command.ToCommitteeCode, committeeExists, "to", toEntry) is { } badRecipient)
            return badRecipient;
        return Decision.Accept(new AwardCorrected(state.ContestId, from.Tier, from.Collective, from.EntryNumber, from.CommitteeCode,
            command.Collective ? null : command.ToEntryNumber, command.Collective ? CommitteeCode.Normalize(command.ToCommitteeCode!) : null, reason!,
            command.Collective ? null : toEntry!.Facts));
    }

    private static Rejection? Recipient(Contest state, bool collective, int? entryNumber, string? committeeCode, bool committeeExists, string prefix,
        EntryOnRecord? entry)
    {
        string Field(string name) => prefix.Length == 0 ? name : prefix + char.ToUpperInvariant(name[0]) + name[1..];
        if (collective)
        {
            if (CommitteeCode.Validate(Field("committeeCode"), committeeCode) is { } badCode)
                return badCode;
            if (!committeeExists)
                return Rejection.NotFound(Field("committeeCode"), $"no committee with code '{CommitteeCode.Normalize(committeeCode!)}' is registered");
            return null;
        }
        if (entryNumber is not { } number || entry is null || entry.Number != number)
            return Rejection.NotFound(Field("entryNumber"), $"no entry number {entryNumber}");
        if (state.StatusOf(entry) is not EntryStatus.Accepted and var status)
            return Rejection.RuleViolation(Field("entryNumber"), $"entry {number} is {status.ToString().ToLowerInvariant()}");
        if (state.Judging.Awards.Any(a => !a.Collective && a.EntryNumber == number))
            return Rejection.Conflict(Field("entryNumber"), $"entry {number} already holds an individual award");
        return null;
    }

    private static PrizeTier? Tier(Contest state, string name, bool collective) =>
        (collective ? state.Details!.CollectivePrizes : state.Details!.IndividualPrizes).FirstOrDefault(t => t.Name == VietnameseText.Normalize(name));

    private static Rejection? Announced(Contest state) =>
        state.Status == ContestStatus.None ? Rejection.NotFound("contestId", $"no contest with id '{state.ContestId}' is announced") : null;

    /// <summary>Judging happens on an announced, live contest whose results are not yet frozen.</summary>
    private static Rejection? Open(Contest state) =>
        Announced(state)
        ?? (state.Status == ContestStatus.Cancelled ? Rejection.RuleViolation("contestId", "the contest is cancelled") : null)
        ?? (state.Judging.IsPublished ? Rejection.RuleViolation("contestId", "the results are published and frozen; correct an award instead") : null);

    /// <summary>A judge's id is their username: the shape every judge id is held to, wherever it comes in.</summary>
    public static Rejection? ValidateJudgeId(string judgeId) =>
        JudgeIdPattern().IsMatch(judgeId) ? null : Rejection.Invalid("judgeId", "must be 1 to 64 characters of letters, digits, '.', '_' or '-'");

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex JudgeIdPattern();
}

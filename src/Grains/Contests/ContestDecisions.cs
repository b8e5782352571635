using TuyenGiao.Committees.Organisation;
using TuyenGiao.Committees;
using TuyenGiao.Common;

namespace TuyenGiao.Contests;

/// <summary>
/// The contest rules as pure functions: state, command, what the grain looked up and the time in; events or a
/// typed rejection out. Texts are compared and stored in NFC.
/// </summary>
public static class ContestDecisions
{
    public const int MaxTitleLength = 300;
    public const int MaxDescriptionLength = 5_000;
    public const int MaxEntryTitleLength = 500;
    public const int MaxAuthorNameLength = 200;
    public const int MaxWords = 100_000;
    public const int MaxQuizQuestions = 1_000;
    public const int MaxTarget = 10_000_000;
    public const int MaxPerAuthorLimit = 100;

    /// <summary>Ten years: a retention longer than that is no retention rule.</summary>
    public const int MaxRetentionMonths = 120;
    public const int MaxPrizeTiers = 20;
    public const int MaxReasonLength = 1_000;

    /// <param name="organiser">The organising committee, or null when none has that code.</param>
    /// <param name="unknownEligible">Codes among the eligible committees that are not registered.</param>
    public static Decision Announce(Contest state, AnnounceContest command, Committee? organiser, IReadOnlyList<string> unknownEligible)
    {
        if (ValidateId(state.ContestId) is { } badId)
            return badId;
        if (state.Status != ContestStatus.None)
            return Rejection.Conflict("contestId", $"a contest with id '{state.ContestId}' is already announced");
        if (organiser is null)
            return Rejection.NotFound("organiserCode", $"no committee with code '{command.OrganiserCode}' is registered");
        if (ValidateDetails(command.Details, unknownEligible) is { } bad)
            return bad;
        return Decision.Accept(new ContestAnnounced(state.ContestId, organiser.Code, command.Kind, Normalize(command.Details)));
    }

    public static Decision Amend(Contest state, AmendContest command, IReadOnlyList<string> unknownEligible, DateTimeOffset now)
    {
        if (Announced(state) is { } missing)
            return missing;
        if (state.Status == ContestStatus.Cancelled)
            return Rejection.RuleViolation("contestId", "the contest is cancelled");
        if (now >= state.Details!.OpensAt)
            return Rejection.RuleViolation("contestId", $"details can only be amended before the contest opens ({Show(state.Details.OpensAt)})");
        if (ValidateDetails(command.Details, unknownEligible) is { } bad)
            return bad;
        return Decision.Accept(new ContestAmended(state.ContestId, Normalize(command.Details)));
    }

    public static Decision Cancel(Contest state, CancelContest command)
    {
        if (Announced(state) is { } missing)
            return missing;
        if (state.Status == ContestStatus.Cancelled)
            return Decision.NothingToDo;
        var reason = VietnameseText.Normalize(command.Reason);
        if (VietnameseText.ValidateName("reason", reason, MaxReasonLength) is { } badReason)
            return badReason;
        return Decision.Accept(new ContestCancelled(state.ContestId, reason!));
    }

    /// <summary>Trims and normalises the texts of a submission to NFC, so that retries compare equal.</summary>
    public static SubmitEntry Normalize(SubmitEntry entry) => entry with
    {
        SubmissionId = entry.SubmissionId.Trim(),
        AuthorName = VietnameseText.Normalize(entry.AuthorName) ?? "",
        CommitteeCode = CommitteeCode.Normalize(entry.CommitteeCode),
        Title = VietnameseText.Normalize(entry.Title) ?? "",
    };

    /// <param name="command">Already passed through <see cref="Normalize(SubmitEntry)"/>.</param>
    /// <param name="committeePath">The author's committee up to the root; empty when the committee is unknown.</param>
    /// <param name="standingFor">
    /// Eligible committees that have since been merged or dissolved, each with the committee that stands for it today:
    /// an eligible committee stays eligible through its successor.
    /// </param>
    public static Decision Submit(Contest state, SubmitEntry command, IReadOnlyList<string> committeePath, DateTimeOffset now,
        IReadOnlyDictionary<string, string>? standingFor = null)
    {
        if (Announced(state) is { } missing)
            return missing;
        if (ValidateShape(state.Kind, command) is { } badShape)
            return badShape;

        var fingerprint = SubmissionIdentity.Fingerprint(command);
        if (state.FindSubmission(command.SubmissionId) is { } earlier)
            return earlier.Fingerprint == fingerprint
                ? Decision.NothingToDo // a retry: the first answer stands
                : Rejection.Conflict("submissionId", $"submission '{command.SubmissionId}' was already received with a different body (entry {earlier.EntryNumber})");

        var details = state.Details!;
        if (state.Status == ContestStatus.Cancelled)
            return Rejection.RuleViolation("contestId", "the contest is cancelled");
        if (!ContestClock.IsOpen(details, now))
            return Rejection.RuleViolation("submittedAt",
                $"entries are accepted from {Show(details.OpensAt)} until before {Show(details.ClosesAt)} (UTC+7); it is now {Show(now)}");
        if (committeePath.Count == 0)
            return Rejection.NotFound("committeeCode", $"no committee with code '{command.CommitteeCode}' is registered") with { Code = RejectionCode.CommitteeUnknown };
        IReadOnlyList<string> eligibleRoots = details.EligibleCommittees.Count == 0 ? [state.OrganiserCode] : details.EligibleCommittees;
        eligibleRoots = Successors.StandingFor(eligibleRoots, standingFor);
        if (!committeePath.Any(eligibleRoots.Contains))
            return Rejection.RuleViolation("committeeCode",
                $"committee '{command.CommitteeCode}' is not eligible: entries come from {string.Join(", ", eligibleRoots)} and the committees below") with { Code = RejectionCode.CommitteeNotEligible };
        // The name is not repeated in the refusal: refusals are logged, and a name is personal data.
        if (state.ActiveEntriesByAuthor.Of(command.AuthorKey) >= details.PerAuthorLimit)
            return Rejection.RuleViolation("authorName", $"this author already has {details.PerAuthorLimit} entr{(details.PerAuthorLimit == 1 ? "y" : "ies")}, the most one author may submit");

        return Decision.AcceptWithId(SubmissionIdentity.EventId(state.ContestId, command.SubmissionId), new EntrySubmitted(
            state.ContestId, state.EntryCount + 1, command.SubmissionId, command.AuthorName, command.CommitteeCode, committeePath,
            command.Title, command.Words, command.QuestionsAnswered, command.QuestionsCorrect, fingerprint, now, command.AuthorKey));
    }

    /// <summary>
    /// The retention rule (Decree 13/2023: personal data kept no longer than its purpose needs): once the results have
    /// been published for the contest's retention months, its entrants' personal data is erased, once. Before that, or
    /// with no retention set, nothing happens; it is the retention job's question, asked again later, not a refusal.
    /// </summary>
    public static Decision EraseEntrantsPersonalData(Contest state, DateTimeOffset now)
    {
        if (Announced(state) is { } missing)
            return missing;
        if (state.EntrantsPersonalDataErasedAt is not null || state.Details!.PersonalDataRetentionMonths is not { } months
            || state.Judging.PublishedAt is not { } published || now < RetentionEnds(published, months))
            return Decision.NothingToDo;
        return Decision.Accept(new EntrantsPersonalDataErased(state.ContestId, published, months, now));
    }

    /// <summary>
    /// When a contest's entrants' data is due for erasure: <paramref name="months"/> calendar months after publication,
    /// on Vietnam's calendar (published on 1 July at 00:00 there, which is 30 June in UTC, six months run to 1 January,
    /// not 30 December).
    /// </summary>
    public static DateTimeOffset RetentionEnds(DateTimeOffset publishedAt, int months) => VietnamTime.Of(publishedAt).AddMonths(months).ToUniversalTime();

    /// <param name="entry">The entry recorded under the submission id, as the read model has it; null when none is.</param>
    public static Decision Withdraw(Contest state, WithdrawEntry command, EntryOnRecord? entry, DateTimeOffset now)
    {
        if (Announced(state) is { } missing)
            return missing;
        if (entry is null || entry.SubmissionId != command.SubmissionId.Trim())
            return Rejection.NotFound("submissionId", $"no entry with submission id '{command.SubmissionId}'");
        return state.StatusOf(entry) switch
        {
            EntryStatus.Withdrawn => Decision.NothingToDo,
            EntryStatus.Disqualified => Rejection.RuleViolation("submissionId", $"entry {entry.Number} was disqualified"),
            _ when now >= state.Details!.ClosesAt => Rejection.RuleViolation("submissionId", $"entries can only be withdrawn before the close ({Show(state.Details.ClosesAt)})"),
            _ => Decision.Accept(new EntryWithdrawn(state.ContestId, entry.Number, entry.SubmissionId, entry.Facts)),
        };
    }

    /// <param name="entry">The entry with the command's number, as the read model has it; null when none is.</param>
    public static Decision Disqualify(Contest state, DisqualifyEntry command, EntryOnRecord? entry)
    {
        if (Announced(state) is { } missing)
            return missing;
        if (entry is null || entry.Number != command.EntryNumber)
            return Rejection.NotFound("entryNumber", $"no entry number {command.EntryNumber}");
        if (state.Judging.IsPublished)
            return Rejection.RuleViolation("entryNumber", "the results are published: disqualify before publication, or correct an award");
        var reason = VietnameseText.Normalize(command.Reason);
        if (VietnameseText.ValidateName("reason", reason, MaxReasonLength) is { } badReason)
            return badReason;
        return state.StatusOf(entry) switch
        {
            EntryStatus.Disqualified => Decision.NothingToDo,
            EntryStatus.Withdrawn => Rejection.RuleViolation("entryNumber", $"entry {entry.Number} was withdrawn by its author"),
            _ => Decision.Accept(new EntryDisqualified(state.ContestId, entry.Number, reason!, entry.Facts)),
        };
    }

    public static Rejection? ValidateId(string contestId) => Identifiers.ValidateAggregateId("contestId", contestId);

    private static Rejection? Announced(Contest state) =>
        state.Status == ContestStatus.None ? Rejection.NotFound("contestId", $"no contest with id '{state.ContestId}' is announced") : null;

    private static Rejection? ValidateShape(ContestKind kind, SubmitEntry e)
    {
        if (Identifiers.ValidateClientId("submissionId", e.SubmissionId) is { } badSubmissionId)
            return badSubmissionId;
        if (VietnameseText.ValidateName("authorName", e.AuthorName, MaxAuthorNameLength) is { } badAuthor)
            return badAuthor;
        if (CommitteeCode.Validate("committeeCode", e.CommitteeCode) is { } badCode)
            return badCode;
        if (VietnameseText.ValidateName("title", e.Title, MaxEntryTitleLength) is { } badTitle)
            return badTitle;
        if (e.Words is < 1 or > MaxWords)
            return Rejection.Invalid("words", $"must be between 1 and {MaxWords:N0} (got {e.Words})");
        if (kind == ContestKind.Quiz)
        {
            if (e.QuestionsAnswered is not { } answered || answered is < 1 or > MaxQuizQuestions)
                return Rejection.Invalid("questionsAnswered", $"a quiz entry needs the number of questions answered, 1 to {MaxQuizQuestions:N0}");
            if (e.QuestionsCorrect is not { } correct || correct < 0 || correct > answered)
                return Rejection.Invalid("questionsCorrect", $"must be between 0 and the questions answered ({answered})");
        }
        else if (e.QuestionsAnswered is not null || e.QuestionsCorrect is not null)
        {
            return Rejection.Invalid(e.QuestionsAnswered is not null ? "questionsAnswered" : "questionsCorrect", $"only quiz entries have questions; this is a {kind.ToString().ToLowerInvariant()} contest");
        }
        return null;
    }

    private static Rejection? ValidateDetails(ContestDetails d, IReadOnlyList<string> unknownEligible)
    {
        if (VietnameseText.ValidateName("title", VietnameseText.Normalize(d.Title), MaxTitleLength) is { } badTitle)
            return badTitle;
        var description = VietnameseText.Normalize(d.Description) ?? "";
        if (description.Length > MaxDescriptionLength)
            return Rejection.Invalid("description", $"must be at most {MaxDescriptionLength:N0} characters");
        if (d.OpensAt >= d.ClosesAt)
            return Rejection.Invalid("closesAt", "must be after opensAt");
        if (d.Target is < 1 or > MaxTarget)
            return Rejection.Invalid("target", $"must be between 1 and {MaxTarget:N0}");
        if (d.PerAuthorLimit is < 1 or > MaxPerAuthorLimit)
            return Rejection.Invalid("perAuthorLimit", $"must be between 1 and {MaxPerAuthorLimit}");
        if (d.PersonalDataRetentionMonths is < 1 or > MaxRetentionMonths)
            return Rejection.Invalid("personalDataRetentionMonths", $"must be between 1 and {MaxRetentionMonths} months, or left out to keep the data until erased on request");
        foreach (var code in d.EligibleCommittees)
            if (CommitteeCode.Validate("eligibleCommittees", code) is { } badCode)
                return badCode;
        if (unknownEligible.Count > 0)
            return Rejection.NotFound("eligibleCommittees", $"not registered: {string.Join(", ", unknownEligible)}");
        return ValidatePrizes("individualPrizes", d.IndividualPrizes) ?? ValidatePrizes("collectivePrizes", d.CollectivePrizes)
            ?? JudgingRules.Validate(d.JudgingOrDefault());
    }

    private static Rejection? ValidatePrizes(string field, IReadOnlyList<PrizeTier> tiers)
    {
        if (tiers.Count > MaxPrizeTiers)
            return Rejection.Invalid(field, $"at most {MaxPrizeTiers} tiers");
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tier in tiers)
        {
            var name = VietnameseText.Normalize(tier.Name);
            if (VietnameseText.ValidateName(field, name, 100) is { } badName)
                return badName;
            if (!names.Add(name!))
                return Rejection.Invalid(field, $"the tier '{name}' is listed twice");
            if (tier.Count is < 1 or > 1_000)
                return Rejection.Invalid(field, $"the tier '{name}' must be granted 1 to 1,000 times");
        }
        return null;
    }

    private static ContestDetails Normalize(ContestDetails d) => d with
    {
        Title = VietnameseText.Normalize(d.Title)!,
        Description = VietnameseText.Normalize(d.Description) ?? "",
        OpensAt = d.OpensAt.ToUniversalTime(),
        ClosesAt = d.ClosesAt.ToUniversalTime(),
        EligibleCommittees = d.EligibleCommittees.Select(CommitteeCode.Normalize).Distinct().Order(StringComparer.Ordinal).ToList(),
        IndividualPrizes = d.IndividualPrizes.Select(t => t with { Name = VietnameseText.Normalize(t.Name)! }).ToList(),
        CollectivePrizes = d.CollectivePrizes.Select(t => t with { Name = VietnameseText.Normalize(t.Name)! }).ToList(),
        Judging = d.Judging is null ? null : JudgingRules.Normalize(d.Judging),
    };

    private static string Show(DateTimeOffset instant) => VietnamTime.Of(instant).ToString("dd/MM/yyyy HH:mm:ss");
}

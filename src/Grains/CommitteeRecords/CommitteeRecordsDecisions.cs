using TuyenGiao.Committees;
using TuyenGiao.Common;

namespace TuyenGiao.CommitteeRecords;

/// <summary>
/// The rules for a committee's records, as pure functions. Every command names the record by a client id, so a retry
/// is recognised: the same content again changes nothing, other content under the same id is a conflict.
/// </summary>
/// <remarks><c>committeePath</c> is the committee up to the root as the grain looked it up; empty when it is not registered.</remarks>
public static class CommitteeRecordsDecisions
{
    public const int MaxNameLength = 300;
    public const int MaxTypeLength = 100;
    public const int MaxTextLength = 5_000;
    public const int MaxDelegation = 50;
    public const int MaxRecipients = 1_000_000;

    public static Guid RecordEventId(string committeeCode, string kind, string recordId) =>
        NameBasedId.For($"tuyengiao/records/{committeeCode}/{kind}/{recordId}");

    public static Decision RegisterProgramme(CommitteeRecordBook book, RegisterModelProgramme command, IReadOnlyList<string> committeePath)
    {
        if (CheckNew(book, committeePath, "programmeId", command.ProgrammeId) is { } bad)
            return bad;
        var name = VietnameseText.Normalize(command.Name);
        var type = VietnameseText.Normalize(command.ProgrammeType);
        var field = VietnameseText.Normalize(command.Field) ?? "";
        if ((VietnameseText.ValidateName("name", name, MaxNameLength) ?? VietnameseText.ValidateName("programmeType", type, MaxTypeLength)) is { } badText)
            return badText;
        if (field.Length > 0 && VietnameseText.ValidateName("field", field, MaxTypeLength) is { } badField)
            return badField;
        if (book.Programmes.TryGetValue(command.ProgrammeId, out var existing))
            return Retried(existing.Name == name && existing.ProgrammeType == type && existing.Field == field && existing.StartedOn == command.StartedOn,
                "programmeId", command.ProgrammeId);
        return Decision.AcceptWithId(RecordEventId(book.CommitteeCode, "programme", command.ProgrammeId),
            new ModelProgrammeRegistered(book.CommitteeCode, committeePath, command.ProgrammeId, name!, type!, field, command.StartedOn));
    }

    public static Decision Maintain(CommitteeRecordBook book, MaintainModelProgramme command)
    {
        if (Programme(book, command.ProgrammeId) is not { } programme)
            return NoProgramme(book, command.ProgrammeId);
        var note = VietnameseText.Normalize(command.Note) ?? "";
        if (note.Length > MaxTextLength)
            return Rejection.Invalid("note", $"must be at most {MaxTextLength} characters");
        if (command.ReviewedOn < programme.StartedOn)
            return Rejection.RuleViolation("reviewedOn", $"the programme started on {programme.StartedOn:dd/MM/yyyy}; a review cannot come before that");
        if (programme.RetiredOn is { } retired && command.ReviewedOn >= retired)
            return Rejection.RuleViolation("reviewedOn", $"the programme was retired on {retired:dd/MM/yyyy}");
        if (programme.MaintainedOn.Contains(command.ReviewedOn))
            return Decision.NothingToDo;
        return Decision.Accept(new ModelProgrammeMaintained(book.CommitteeCode, programme.ProgrammeId, command.ReviewedOn, note));
    }

    public static Decision Commend(CommitteeRecordBook book, CommendModelProgramme command)
    {
        if (Programme(book, command.ProgrammeId) is not { } programme)
            return NoProgramme(book, command.ProgrammeId);
        var by = VietnameseText.Normalize(command.CommendedBy);
        if (VietnameseText.ValidateName("commendedBy", by, MaxNameLength) is { } badBy)
            return badBy;
        if (command.CommendedOn < programme.StartedOn)
            return Rejection.RuleViolation("commendedOn", $"the programme started on {programme.StartedOn:dd/MM/yyyy}");
        if (programme.Commendations.Contains(new ProgrammeCommendation(command.CommendedOn, by!)))
            return Decision.NothingToDo;
        return Decision.Accept(new ModelProgrammeCommended(book.CommitteeCode, programme.ProgrammeId, command.CommendedOn, by!));
    }

    public static Decision Retire(CommitteeRecordBook book, RetireModelProgramme command)
    {
        if (Programme(book, command.ProgrammeId) is not { } programme)
            return NoProgramme(book, command.ProgrammeId);
        var reason = VietnameseText.Normalize(command.Reason);
        if (VietnameseText.ValidateName("reason", reason, MaxTextLength) is { } badReason)
            return badReason;
        if (programme.RetiredOn is { } retired)
            return retired == command.RetiredOn ? Decision.NothingToDo
                : Rejection.Conflict("programmeId", $"the programme was already retired on {retired:dd/MM/yyyy}");
        var last = programme.MaintainedOn.Count > 0 ? programme.MaintainedOn.Max() : programme.StartedOn;
        if (command.RetiredOn < last)
            return Rejection.RuleViolation("retiredOn", $"must not be before {last:dd/MM/yyyy} (its start or its last review)");
        return Decision.Accept(new ModelProgrammeRetired(book.CommitteeCode, programme.ProgrammeId, command.RetiredOn, reason!));
    }

    public static Decision RecordCommendation(CommitteeRecordBook book, RecordCommendation command, IReadOnlyList<string> committeePath)
    {
        if (CheckNew(book, committeePath, "commendationId", command.CommendationId) is { } bad)
            return bad;
        var by = VietnameseText.Normalize(command.AwardedBy);
        var reason = VietnameseText.Normalize(command.Reason) ?? "";
        if (VietnameseText.ValidateName("awardedBy", by, MaxNameLength) is { } badBy)
            return badBy;
        if (reason.Length > MaxTextLength)
            return Rejection.Invalid("reason", $"must be at most {MaxTextLength} characters");
        if (command.Collectives is < 0 or > MaxRecipients || command.Individuals is < 0 or > MaxRecipients)
            return Rejection.Invalid(command.Collectives is < 0 or > MaxRecipients ? "collectives" : "individuals", $"must be between 0 and {MaxRecipients:N0}");
        if (command.Collectives + command.Individuals == 0)
            return Rejection.Invalid("individuals", "a commendation goes to at least one collective or individual");
        var recorded = new CommendationRecorded(book.CommitteeCode, committeePath, command.CommendationId, command.Form, command.AwardingLevel,
            by!, command.Collectives, command.Individuals, command.AwardedOn, reason);
        if (book.Commendations.TryGetValue(command.CommendationId, out var existing))
            return Retried(existing == new Commendation(recorded.CommendationId, recorded.Form, recorded.AwardingLevel, recorded.AwardedBy,
                recorded.Collectives, recorded.Individuals, recorded.AwardedOn, recorded.Reason), "commendationId", command.CommendationId);
        return Decision.AcceptWithId(RecordEventId(book.CommitteeCode, "commendation", command.CommendationId), recorded);
    }

    public static Decision OpenIssue(CommitteeRecordBook book, OpenOpinionIssue command, IReadOnlyList<string> committeePath)
    {
        if (CheckNew(book, committeePath, "issueId", command.IssueId) is { } bad)
            return bad;
        var subject = VietnameseText.Normalize(command.Subject);
        if (VietnameseText.ValidateName("subject", subject, MaxNameLength) is { } badSubject)
            return badSubject;
        if (book.OpinionIssues.TryGetValue(command.IssueId, out var existing))
            return Retried(existing.Subject == subject && existing.OpenedOn == command.OpenedOn, "issueId", command.IssueId);
        return Decision.AcceptWithId(RecordEventId(book.CommitteeCode, "issue", command.IssueId),
            new OpinionIssueOpened(book.CommitteeCode, committeePath, command.IssueId, subject!, command.OpenedOn));
    }

    public static Decision ResolveIssue(CommitteeRecordBook book, ResolveOpinionIssue command)
    {
        if (!book.OpinionIssues.TryGetValue(command.IssueId, out var issue))
            return Rejection.NotFound("issueId", $"no opinion issue '{command.IssueId}' at {book.CommitteeCode}");
        var outcome = VietnameseText.Normalize(command.Outcome);
        if (VietnameseText.ValidateName("outcome", outcome, MaxTextLength) is { } badOutcome)
            return badOutcome;
        if (issue.ResolvedOn is { } resolved)
            return resolved == command.ResolvedOn && issue.Outcome == outcome ? Decision.NothingToDo
                : Rejection.Conflict("issueId", $"the issue was already resolved on {resolved:dd/MM/yyyy}");
        if (command.ResolvedOn < issue.OpenedOn)
            return Rejection.RuleViolation("resolvedOn", $"the issue was opened on {issue.OpenedOn:dd/MM/yyyy}");
        return Decision.Accept(new OpinionIssueResolved(book.CommitteeCode, issue.IssueId, command.ResolvedOn, outcome!));
    }

    public static Decision RecordInspection(CommitteeRecordBook book, RecordInspection command, IReadOnlyList<string> committeePath)
    {
        if (CheckNew(book, committeePath, "inspectionId", command.InspectionId) is { } bad)
            return bad;
        if (CommitteeCode.Validate("inspectorCode", command.InspectorCode) is { } badCode)
            return badCode;
        var inspector = CommitteeCode.Normalize(command.InspectorCode);
        if (inspector == book.CommitteeCode || !committeePath.Contains(inspector))
            return Rejection.RuleViolation("inspectorCode", $"{inspector} is not above {book.CommitteeCode}: only an upper committee inspects a lower one");
        var findings = VietnameseText.Normalize(command.Findings);
        var recommendations = VietnameseText.Normalize(command.Recommendations) ?? "";
        if (VietnameseText.ValidateName("findings", findings, MaxTextLength) is { } badFindings)
            return badFindings;
        if (recommendations.Length > MaxTextLength)
            return Rejection.Invalid("recommendations", $"must be at most {MaxTextLength} characters");
        if (command.Delegation.Count is 0 or > MaxDelegation)
            return Rejection.Invalid("delegation", $"must name 1 to {MaxDelegation} members");
        var delegation = command.Delegation.Select(VietnameseText.Normalize).ToList();
        for (var i = 0; i < delegation.Count; i++)
        {
            if (VietnameseText.ValidateName($"delegation[{i}]", delegation[i], MaxNameLength) is { } badMember)
                return badMember;
        }
        if (book.Inspections.TryGetValue(command.InspectionId, out var existing))
            return Retried(existing.InspectorCode == inspector && existing.InspectedOn == command.InspectedOn && existing.Findings == findings
                           && existing.Recommendations == recommendations && existing.Delegation.SequenceEqual(delegation!),
                "inspectionId", command.InspectionId);
        return Decision.AcceptWithId(RecordEventId(book.CommitteeCode, "inspection", command.InspectionId),
            new InspectionRecorded(book.CommitteeCode, committeePath, command.InspectionId, inspector, command.InspectedOn, delegation!, findings!, recommendations));
    }

    public static Decision RecordFollowUp(CommitteeRecordBook book, RecordInspectionFollowUp command)
    {
        if (!book.Inspections.TryGetValue(command.InspectionId, out var inspection))
            return Rejection.NotFound("inspectionId", $"no inspection '{command.InspectionId}' of {book.CommitteeCode}");
        var actions = VietnameseText.Normalize(command.Actions);
        if (VietnameseText.ValidateName("actions", actions, MaxTextLength) is { } badActions)
            return badActions;
        if (command.RecordedOn < inspection.InspectedOn)
            return Rejection.RuleViolation("recordedOn", $"the inspection took place on {inspection.InspectedOn:dd/MM/yyyy}");
        if (inspection.FollowUps.Contains(new InspectionFollowUp(command.RecordedOn, actions!)))
            return Decision.NothingToDo;
        return Decision.Accept(new InspectionFollowUpRecorded(book.CommitteeCode, inspection.InspectionId, command.RecordedOn, actions!));
    }

    /// <summary>A creating command: the committee must be registered and the record's client id well formed.</summary>
    private static Rejection? CheckNew(CommitteeRecordBook book, IReadOnlyList<string> committeePath, string idField, string id) =>
        committeePath.Count == 0
            ? Rejection.NotFound("committeeCode", $"no committee with code '{book.CommitteeCode}' is registered")
            : Identifiers.ValidateClientId(idField, id);

    /// <summary>An id seen before: the same content is a retry and changes nothing; other content under it is a conflict.</summary>
    private static Decision Retried(bool sameContent, string idField, string id) =>
        sameContent ? Decision.NothingToDo : Rejection.Conflict(idField, $"'{id}' is already recorded with other details");

    private static ModelProgramme? Programme(CommitteeRecordBook book, string programmeId) => book.Programmes.GetValueOrDefault(programmeId);

    private static Rejection NoProgramme(CommitteeRecordBook book, string programmeId) =>
        Rejection.NotFound("programmeId", $"no model programme '{programmeId}' at {book.CommitteeCode}");
}

using TuyenGiao.Committees.Organisation;
using TuyenGiao.Committees;
using TuyenGiao.Common;

namespace TuyenGiao.Campaigns;

/// <summary>
/// The campaign rules as pure functions: state, command, what the grain looked up and the time in; events or a typed
/// rejection out. Texts are compared and stored in NFC.
/// </summary>
public static class CampaignDecisions
{
    public const int MaxTitleLength = 300;
    public const int MaxReasonLength = 1_000;
    public const int MaxParticipants = 500;
    public const int MaxClassTypes = 50;
    public const int MaxCount = 100_000_000;

    /// <param name="launcher">The launching committee, or null when none has that code.</param>
    /// <param name="participantPaths">Each named participant's path to the root (itself first); empty when it is not registered.</param>
    public static Decision Launch(Campaign state, LaunchCampaign command, Committee? launcher, IReadOnlyDictionary<string, IReadOnlyList<string>> participantPaths)
    {
        if (Identifiers.ValidateAggregateId("campaignId", state.CampaignId) is { } badId)
            return badId;
        if (state.Status != CampaignStatus.None)
            return Rejection.Conflict("campaignId", $"a campaign with id '{state.CampaignId}' is already launched");
        if (launcher is null)
            return Rejection.NotFound("launcherCode", $"no committee with code '{command.LauncherCode}' is registered");
        var title = VietnameseText.Normalize(command.Title);
        if (VietnameseText.ValidateName("title", title, MaxTitleLength) is { } badTitle)
            return badTitle;
        if (command.PeriodEnd < command.PeriodStart)
            return Rejection.Invalid("periodEnd", $"must not be before periodStart ({command.PeriodStart:dd/MM/yyyy})");
        if (command.Participants.Count > MaxParticipants)
            return Rejection.Invalid("participants", $"must name at most {MaxParticipants} committees");
        var participants = command.Participants.Select(CommitteeCode.Normalize).Distinct().ToList();
        foreach (var code in participants)
        {
            if (CommitteeCode.Validate("participants", code) is { } badCode)
                return badCode;
            var path = participantPaths.GetValueOrDefault(code) ?? [];
            if (path.Count == 0)
                return Rejection.NotFound("participants", $"no committee with code '{code}' is registered");
            if (!path.Contains(launcher.Code))
                return Rejection.RuleViolation("participants", $"'{code}' is not {launcher.Code} or below it: a campaign runs in its launcher's subtree");
        }
        if (ValidateTargets(command.Targets) is { } badTargets)
            return badTargets;
        return Decision.Accept(new CampaignLaunched(state.CampaignId, launcher.Code, title!, command.Kind, command.PeriodStart, command.PeriodEnd,
            participants.Count == 0 ? [launcher.Code] : participants, command.Targets));
    }

    public static Decision Close(Campaign state, CloseCampaign command, DateTimeOffset now)
    {
        if (Launched(state) is { } missing)
            return missing;
        if (state.Status == CampaignStatus.Closed)
            return Decision.NothingToDo;
        var reason = VietnameseText.Normalize(command.Reason);
        if (VietnameseText.ValidateName("reason", reason, MaxReasonLength) is { } badReason)
            return badReason;
        return Decision.Accept(new CampaignClosed(state.CampaignId, reason!, now));
    }

    /// <summary>The event id of a report: a second copy of it is refused by the store even from a second activation.</summary>
    public static Guid ReportEventId(string campaignId, string reportId) => NameBasedId.For($"tuyengiao/campaign/{campaignId}/report/{reportId}");

    /// <param name="committeePath">The reporting committee up to the root; empty when no committee has that code.</param>
    /// <param name="standingFor">Participants merged or dissolved since, each with who stands for it today: it takes part through its successor.</param>
    public static Decision Report(Campaign state, ReportActivity command, IReadOnlyList<string> committeePath, IReadOnlyDictionary<string, string>? standingFor = null)
    {
        if (Launched(state) is { } missing)
            return missing;
        if (Identifiers.ValidateClientId("reportId", command.ReportId) is { } badReportId)
            return badReportId;
        if (CommitteeCode.Validate("committeeCode", command.CommitteeCode) is { } badCode)
            return badCode;
        var figures = Normalize(command.Figures);
        if (ValidateFigures(figures) is { } badFigures)
            return badFigures;
        var code = CommitteeCode.Normalize(command.CommitteeCode);
        if (state.Reports.TryGetValue(command.ReportId, out var existing))
        {
            // A retry of the same report changes nothing; the same id with other content is a different report.
            return existing.CommitteeCode == code && existing.PeriodStart == command.PeriodStart && existing.PeriodEnd == command.PeriodEnd
                   && existing.Corrections == 0 && existing.Figures.Equals(figures)
                ? Decision.NothingToDo
                : Rejection.Conflict("reportId", $"report '{command.ReportId}' was already recorded with other content; send a correction to change it");
        }
        if (state.Status == CampaignStatus.Closed)
            return Rejection.RuleViolation("campaignId", $"the campaign is closed ({state.ClosedReason}); reports can no longer be added, only corrected");
        if (committeePath.Count == 0)
            return Rejection.NotFound("committeeCode", $"no committee with code '{code}' is registered");
        if (!Successors.StandingFor(state.Participants, standingFor).Any(committeePath.Contains))
            return Rejection.RuleViolation("committeeCode", $"{code} does not take part in this campaign (participants: {string.Join(", ", state.Participants)} and below)");
        if (command.PeriodEnd < command.PeriodStart)
            return Rejection.Invalid("periodEnd", $"must not be before periodStart ({command.PeriodStart:dd/MM/yyyy})");
        if (command.PeriodStart < state.PeriodStart || command.PeriodEnd > state.PeriodEnd)
            return Rejection.RuleViolation(command.PeriodStart < state.PeriodStart ? "periodStart" : "periodEnd",
                $"the report's period {command.PeriodStart:dd/MM/yyyy}–{command.PeriodEnd:dd/MM/yyyy} is outside the campaign's {state.PeriodStart:dd/MM/yyyy}–{state.PeriodEnd:dd/MM/yyyy}");
        return Decision.AcceptWithId(ReportEventId(state.CampaignId, command.ReportId),
            new ActivityReported(state.CampaignId, command.ReportId, code, committeePath, command.PeriodStart, command.PeriodEnd, figures));
    }

    public static Decision Correct(Campaign state, CorrectActivityReport command)
    {
        if (Launched(state) is { } missing)
            return missing;
        if (!state.Reports.TryGetValue(command.ReportId, out var report))
            return Rejection.NotFound("reportId", $"no report '{command.ReportId}' in campaign '{state.CampaignId}'");
        var reason = VietnameseText.Normalize(command.Reason);
        if (VietnameseText.ValidateName("reason", reason, MaxReasonLength) is { } badReason)
            return badReason;
        var figures = Normalize(command.Figures);
        if (ValidateFigures(figures) is { } badFigures)
            return badFigures;
        // Sending the same correction twice (a retry) records it once.
        if (report.Figures.Equals(figures))
            return Decision.NothingToDo;
        return Decision.Accept(new ActivityReportCorrected(state.CampaignId, command.ReportId, figures, reason!));
    }

    private static Rejection? Launched(Campaign state) =>
        state.Status == CampaignStatus.None ? Rejection.NotFound("campaignId", $"no campaign with id '{state.CampaignId}' is launched") : null;

    private static ActivityFigures Normalize(ActivityFigures f) => f with
    {
        TrainingClasses = [.. f.TrainingClasses.Select(c => c with { ClassType = VietnameseText.Normalize(c.ClassType) ?? "" })],
    };

    private static Rejection? ValidateTargets(CampaignTargets t)
    {
        if (t.ParticipationPercent is < 0 or > 100)
            return Rejection.Invalid("targets.participationPercent", "must be between 0 and 100");
        if (t.StudySessions is < 0 or > MaxCount)
            return Rejection.Invalid("targets.studySessions", $"must be between 0 and {MaxCount:N0}");
        if (t.TrainingClasses is < 0 or > MaxCount)
            return Rejection.Invalid("targets.trainingClasses", $"must be between 0 and {MaxCount:N0}");
        if (t.Learners is < 0 or > MaxCount)
            return Rejection.Invalid("targets.learners", $"must be between 0 and {MaxCount:N0}");
        return null;
    }

    /// <summary>Counts in range, and the parts never more than their whole.</summary>
    public static Rejection? ValidateFigures(ActivityFigures f)
    {
        (string Field, int Value)[] counts =
        [
            ("partyMembers", f.PartyMembers), ("studySessions", f.StudySessions), ("studyAttendances", f.StudyAttendances),
            ("studyMemberAttendances", f.StudyMemberAttendances), ("membersStudied", f.MembersStudied), ("oralSessions", f.OralSessions),
            ("oralAttendances", f.OralAttendances), ("onlineConferences", f.OnlineConferences), ("bridgePoints", f.BridgePoints),
            ("membersPledged", f.MembersPledged),
        ];
        foreach (var (field, value) in counts)
        {
            if (value is < 0 or > MaxCount)
                return Rejection.Invalid($"figures.{field}", $"must be between 0 and {MaxCount:N0} (got {value})");
        }
        if (f.StudyMemberAttendances > f.StudyAttendances)
            return Rejection.Invalid("figures.studyMemberAttendances", $"cannot exceed studyAttendances ({f.StudyAttendances})");
        if (f.MembersStudied > f.PartyMembers)
            return Rejection.Invalid("figures.membersStudied", $"cannot exceed partyMembers ({f.PartyMembers})");
        if (f.MembersPledged > f.PartyMembers)
            return Rejection.Invalid("figures.membersPledged", $"cannot exceed partyMembers ({f.PartyMembers})");
        if (f.TrainingClasses.Length > MaxClassTypes)
            return Rejection.Invalid("figures.trainingClasses", $"must list at most {MaxClassTypes} class types");
        for (var i = 0; i < f.TrainingClasses.Length; i++)
        {
            var c = f.TrainingClasses[i];
            if (VietnameseText.ValidateName($"figures.trainingClasses[{i}].classType", c.ClassType, MaxTitleLength) is { } badType)
                return badType;
            if (c.Classes is < 0 or > MaxCount || c.Learners is < 0 or > MaxCount)
                return Rejection.Invalid($"figures.trainingClasses[{i}]", $"classes and learners must be between 0 and {MaxCount:N0}");
            if (f.TrainingClasses.Take(i).Any(x => x.ClassType == c.ClassType))
                return Rejection.Invalid($"figures.trainingClasses[{i}].classType", $"'{c.ClassType}' is listed twice");
        }
        return null;
    }
}

namespace TuyenGiao.CommitteeRecords;

/// <summary>The pure fold of a committee's records, shared by the grain, Marten's inline snapshot and the tests.</summary>
public static class CommitteeRecordsEvolution
{
    public static CommitteeRecordBook Evolve(CommitteeRecordBook book, object @event) => @event switch
    {
        ModelProgrammeRegistered e => book with
        {
            Path = [.. e.CommitteePath],
            Programmes = book.Programmes.SetItem(e.ProgrammeId,
                new ModelProgramme(e.ProgrammeId, e.Name, e.ProgrammeType, e.Field, e.StartedOn, [], [], null, null)),
        },
        ModelProgrammeMaintained e => WithProgramme(book, e.ProgrammeId, p => p with { MaintainedOn = p.MaintainedOn.Add(e.ReviewedOn) }),
        ModelProgrammeCommended e => WithProgramme(book, e.ProgrammeId,
            p => p with { Commendations = p.Commendations.Add(new ProgrammeCommendation(e.CommendedOn, e.CommendedBy)) }),
        ModelProgrammeRetired e => WithProgramme(book, e.ProgrammeId, p => p with { RetiredOn = e.RetiredOn, RetiredReason = e.Reason }),
        CommendationRecorded e => book with
        {
            Path = [.. e.CommitteePath],
            Commendations = book.Commendations.SetItem(e.CommendationId,
                new Commendation(e.CommendationId, e.Form, e.AwardingLevel, e.AwardedBy, e.Collectives, e.Individuals, e.AwardedOn, e.Reason)),
        },
        OpinionIssueOpened e => book with
        {
            Path = [.. e.CommitteePath],
            OpinionIssues = book.OpinionIssues.SetItem(e.IssueId, new OpinionIssue(e.IssueId, e.Subject, e.OpenedOn, null, null)),
        },
        OpinionIssueResolved e when book.OpinionIssues.TryGetValue(e.IssueId, out var issue) => book with
        {
            OpinionIssues = book.OpinionIssues.SetItem(e.IssueId, issue with { ResolvedOn = e.ResolvedOn, Outcome = e.Outcome }),
        },
        InspectionRecorded e => book with
        {
            Path = [.. e.CommitteePath],
            Inspections = book.Inspections.SetItem(e.InspectionId,
                new Inspection(e.InspectionId, e.InspectorCode, e.InspectedOn, e.Delegation, e.Findings, e.Recommendations, [])),
        },
        InspectionFollowUpRecorded e when book.Inspections.TryGetValue(e.InspectionId, out var inspection) => book with
        {
            Inspections = book.Inspections.SetItem(e.InspectionId,
                inspection with { FollowUps = inspection.FollowUps.Add(new InspectionFollowUp(e.RecordedOn, e.Actions)) }),
        },
        _ => book,
    };

    private static CommitteeRecordBook WithProgramme(CommitteeRecordBook book, string programmeId, Func<ModelProgramme, ModelProgramme> change) =>
        book.Programmes.TryGetValue(programmeId, out var programme)
            ? book with { Programmes = book.Programmes.SetItem(programmeId, change(programme)) }
            : book;
}

using TuyenGiao.Access;
using TuyenGiao.ApiClient;
using Role = TuyenGiao.Access.Role;
using TuyenGiao.Integration.Tests.Infrastructure;

namespace TuyenGiao.Integration.Tests.Contract;

/// <summary>
/// The worked example of the API: a whole contest and a campaign driven through the typed client that NSwag generates
/// from the committed contract at build time (tests/TuyenGiao.ApiClient). A renamed field or operation breaks the
/// compilation of this file; every answer is also held to the contract by the clients' handler.
/// </summary>
public class GeneratedClientTests
{
    [Fact]
    public async Task Given_a_client_generated_from_the_contract_When_it_runs_a_contest_from_announcement_to_ranking_and_a_campaign_to_its_period_report_Then_every_answer_is_typed()
    {
        var opens = new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.FromHours(7));
        var closes = new DateTimeOffset(2023, 7, 1, 0, 0, 0, TimeSpan.FromHours(7));
        var clock = new FixedClock(opens.AddDays(1));
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"client-{Guid.NewGuid():N}"[..16], clock);
        var admin = new TuyenGiaoClient(node.Http);
        using var judgeHttp = node.ClientAs("gk-tinh", Role.Judge);
        var judge = new TuyenGiaoClient(judgeHttp);
        using var anonymousHttp = node.Anonymous();
        var anonymous = new TuyenGiaoClient(anonymousHttp);

        // Committees: a province, a bloc, two cells.
        await admin.RegisterCommitteeAsync(new RegisterCommitteeRequest { Code = "TV", Name = "Tỉnh ủy Trà Vinh", Level = CommitteeLevel.Province, MemberCount = 1_000 });
        await admin.RegisterCommitteeAsync(new RegisterCommitteeRequest { Code = "TV-KHOI", Name = "Đảng ủy Khối", Level = CommitteeLevel.Bloc, ParentCode = "TV", MemberCount = 400 });
        await admin.RegisterCommitteeAsync(new RegisterCommitteeRequest { Code = "TV-GD", Name = "Đảng bộ Sở Giáo dục", Level = CommitteeLevel.Grassroots, ParentCode = "TV-KHOI", MemberCount = 120 });
        await admin.RegisterCommitteeAsync(new RegisterCommitteeRequest { Code = "TV-YT", Name = "Đảng bộ Sở Y tế", Level = CommitteeLevel.Grassroots, ParentCode = "TV-KHOI", MemberCount = 80 });

        // The contest, found in the list by a search without diacritics.
        var contest = await admin.AnnounceContestAsync(new AnnounceContestRequest
        {
            ContestId = "KHAT-VONG-2023", OrganiserCode = "TV-KHOI", Kind = ContestKind.Writing, Title = "Khát vọng Trà Vinh", OpensAt = opens, ClosesAt = closes,
            Target = 6, PerAuthorLimit = 1, IndividualPrizes = [new PrizeTierRequest { Name = "Giải nhất", Count = 1 }, new PrizeTierRequest { Name = "Giải nhì", Count = 1 }],
        });
        var found = await anonymous.ListContestsAsync(null, null, null, null, null, "khat vong tra vinh", null, null);
        Assert.Equal(contest.ContestId, Assert.Single(found.Items).ContestId);

        // Entries, a resend that records nothing, and a resend with another body that is refused with its problem.
        var receipts = new List<SubmissionReceiptResponse>();
        for (var i = 1; i <= 4; i++)
            receipts.Add(await admin.SubmitEntryAsync(contest.ContestId, Entry($"sub-{i}", i % 2 == 0 ? "TV-YT" : "TV-GD")));
        var resent = await admin.SubmitEntryAsync(contest.ContestId, Entry("sub-1", "TV-GD"));
        var conflict = await Assert.ThrowsAsync<TuyenGiaoApiException<Problem>>(() => admin.SubmitEntryAsync(contest.ContestId, Entry("sub-1", "TV-YT")));
        Assert.Equal((receipts[0].EntryNumber, receipts[0].SubmittedAt), (resent.EntryNumber, resent.SubmittedAt));
        Assert.Equal(409, conflict.StatusCode);
        Assert.Contains("submissionId", conflict.Result.Errors!.Keys);

        // Judging, awards, publication, the public ranking.
        await admin.AssignJudgeAsync(contest.ContestId, new AssignJudgeRequest { JudgeId = "gk-tinh", Name = "Giám khảo Tỉnh", CommitteeCode = "TV" });
        foreach (var receipt in receipts)
            await judge.ScoreEntryAsync(contest.ContestId, receipt.EntryNumber, new ScoreEntryRequest { JudgeId = "gk-tinh", Score = 60 + receipt.EntryNumber * 5 });
        clock.Now = closes;
        await admin.GrantAwardsFromRankingAsync(contest.ContestId);
        var published = await admin.PublishResultsAsync(contest.ContestId);
        var ranking = await anonymous.GetContestRankingAsync(contest.ContestId);
        Assert.True(published.ResultsPublished);
        Assert.Equal([4, 3, 2, 1], ranking.Select(r => r.EntryNumber));
        Assert.Equal(4, Assert.Single(published.Awards, a => a.Tier == "Giải nhất").Holders.Single().EntryNumber);

        // A campaign, a committee's report, and the period report as JSON.
        await admin.LaunchCampaignAsync(new LaunchCampaignRequest
        {
            CampaignId = "NQ-2023", LauncherCode = "TV", Title = "Học tập Nghị quyết", Kind = CampaignKind.StudyDrive,
            PeriodStart = new DateOnly(2023, 1, 1), PeriodEnd = new DateOnly(2023, 12, 31),
        });
        await admin.ReportActivityAsync("NQ-2023", new ReportActivityRequest
        {
            ReportId = "TV-GD-2023", CommitteeCode = "TV-GD", PeriodStart = new DateOnly(2023, 1, 1), PeriodEnd = new DateOnly(2023, 6, 30),
            Figures = new ActivityFiguresRequest { PartyMembers = 120, StudySessions = 3, MembersStudied = 110 },
        });
        var report = await admin.GetPeriodReportAsync("TV", new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), Format3.Json, null);
        Assert.Equal(110, report.Activities.Total.Subtree.MembersStudied);
        Assert.Equal("NQ-2023", Assert.Single((await admin.ListCampaignsAsync("TV", null, null, null, null, null, null, null)).Items).CampaignId);
    }

    private static SubmitEntryRequest Entry(string submissionId, string committee) => new()
    {
        SubmissionId = submissionId, AuthorName = $"Tác giả {submissionId}", CommitteeCode = committee, Title = "Khát vọng vươn lên", Words = 1_500,
    };
}

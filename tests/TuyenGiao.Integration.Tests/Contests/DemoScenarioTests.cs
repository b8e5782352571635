using System.Net;
using TuyenGiao.CommitteeRecords;
using TuyenGiao.Contests;
using TuyenGiao.Quizzes;
using TuyenGiao.Integration.Tests.Infrastructure;
using TuyenGiao.Reporting;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Contests;

/// <summary>ops/demo.sh against a real node: the tallies and period reports show the figures of the source reports.</summary>
public class DemoScenarioTests
{
    [Fact]
    public async Task Given_a_fresh_system_When_the_demo_is_loaded_twice_Then_the_tallies_show_the_Tra_Vinh_figures_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"demo-{Guid.NewGuid():N}"[..16]);

        await DemoLoader.RunAsync(node.BaseAddress);
        var eventsAfterFirstRun = await database.EventCountAsync();
        await DemoLoader.RunAsync(node.BaseAddress);

        Assert.Equal(eventsAfterFirstRun, await database.EventCountAsync());
        var writing = await Read<ContestTally>(await node.Http.GetAsync("/api/contests/KHAT-VONG-TRA-VINH-2023/tally"), HttpStatusCode.OK);
        Assert.Equal((1_650, 1_277, 129.2m, 373), (writing.Accepted, writing.Target, writing.ProgressPercent, writing.OverTarget));
        Assert.Equal(12, writing.Awards.Where(t => !t.Collective).Sum(t => t.Granted));
        Assert.Equal(1, writing.Awards.Single(t => t.Tier == "Giải nhất tập thể").Granted);
        Assert.Equal(1_650, writing.ByCommittee.Single(c => c.Code == "TV").Accepted);
        // The quiz, taken by the members themselves through the public endpoints: 20 answers each, about seven in eight right.
        var participation = await Read<List<CommitteeParticipation>>(await node.Http.GetAsync("/api/quizzes/TRAC-NGHIEM-NQ-XI-2023/participation"), HttpStatusCode.OK);
        var bloc = participation.Single(c => c.Code == "TV-KHOI");
        Assert.Equal((5_033, 6_110, 82.4m, 5_033L * 20), (bloc.People, bloc.Members, bloc.Percent, bloc.AnswersGiven));
        Assert.True(bloc.CorrectPercent > 86m, $"{bloc.CorrectPercent}% correct");
        Assert.Equal(bloc.People, participation.Where(c => c.ParentCode == "TV-KHOI").Sum(c => c.People));

        await AssertSourceReports(node.Http);
        await AssertTimeTravel(node.Http);
    }

    /// <summary>The writing contest as it stood after its 1,650 entries and before judging: the demo's own history.</summary>
    private static async Task AssertTimeTravel(HttpClient http)
    {
        var beforeJudging = await Read<ContestTally>(await http.GetAsync("/api/contests/KHAT-VONG-TRA-VINH-2023/tally?version=1651"), HttpStatusCode.OK);
        var afterTenEntries = await Read<ContestTally>(await http.GetAsync("/api/contests/KHAT-VONG-TRA-VINH-2023/tally?version=11"), HttpStatusCode.OK);
        var atLaunch = await Read<TuyenGiao.Campaigns.CampaignFigures>(await http.GetAsync("/api/campaigns/TV-KHOI-CD-2023?version=1"), HttpStatusCode.OK);

        Assert.Equal((1_650, 129.2m, 0), (beforeJudging.Accepted, beforeJudging.ProgressPercent, beforeJudging.Awards.Sum(t => t.Granted)));
        Assert.Equal((10, 1_267), (afterTenEntries.Accepted, afterTenEntries.ShortOfTarget));
        Assert.Equal((0, 0), (atLaunch.Reports, atLaunch.Total.Subtree.StudySessions));
    }

    /// <summary>The period reports reproduce the figures of the source reports (../shared/DOMAIN.md).</summary>
    private static async Task AssertSourceReports(HttpClient http)
    {
        async Task<PeriodReport> Period(string code, string from, string to) =>
            await Read<PeriodReport>(await http.GetAsync($"/api/committees/{code}/reports/period?from={from}&to={to}"), HttpStatusCode.OK);

        // Thốt Nốt 2020: over 92% pledged; 32 Directive-05 programmes maintained and 34 new "dân vận khéo"; 35 classes, 2,611 learners.
        var thotNot = await Period("CT-TN", "2020-01-01", "2020-12-31");
        var programmes = thotNot.ModelProgrammes.ByType.ToDictionary(p => p.ProgrammeType);
        Assert.Equal((35, 2_611, 92.3m), (thotNot.Activities.Total.Subtree.Classes, thotNot.Activities.Total.Subtree.Learners, thotNot.Activities.Total.PledgePercent));
        Assert.Equal((32, 0), (programmes["Chỉ thị 05"].Maintained, programmes["Chỉ thị 05"].New));
        Assert.Equal((34, 34), (programmes["Dân vận khéo"].New, programmes["Dân vận khéo"].Active));
        Assert.Equal(("CT", new DateOnly(2020, 10, 28)), (thotNot.Inspections.Single().InspectorCode, thotNot.Inspections.Single().InspectedOn));

        // The city's year rolls up both districts: 35 + 43 classes.
        var canTho = await Period("CT", "2020-01-01", "2020-12-31");
        Assert.Equal((78, 2_611 + 5_712, 2), (canTho.Activities.Total.Subtree.Classes, canTho.Activities.Total.Subtree.Learners, canTho.Inspections.Count));

        // Trà Vinh bloc 2023: 1,462 sessions, 42,128 attendances, over 99.6%; 4 online conferences at 44 points; 3,265 oral sessions,
        // 64,260 attendances; 11 classes for 944 people.
        var traVinh = await Period("TV-KHOI", "2023-01-01", "2023-12-31");
        var f = traVinh.Activities.Total.Subtree;
        Assert.Equal((1_462, 42_128, 99.6m), (f.StudySessions, f.StudyAttendances, traVinh.Activities.Total.ParticipationPercent));
        Assert.Equal((4, 44, 3_265, 64_260, 11, 944), (f.OnlineConferences, f.BridgePoints, f.OralSessions, f.OralAttendances, f.Classes, f.Learners));
        Assert.Equal(6_110, f.PartyMembers);

        // An urban district, ten months of 2019: 47 of 49 opinion issues resolved; 63 classes, 117% of plan.
        var district = await Period("TP-2019-Q", "2019-01-01", "2019-10-31");
        Assert.Equal((49, 47), (district.OpinionIssues.Opened, district.OpinionIssues.ResolvedOfOpened));
        Assert.Equal((63, 16_837, 117m), (district.Activities.Total.Subtree.Classes, district.Activities.Total.Subtree.Learners,
            district.Activities.Campaigns.Single().Achievement!.TrainingClassesPercent));

        // Kiến Tường 2015-2020: the Prime Minister's certificate to one collective among the commendations.
        var kienTuong = await Period("LA-KT", "2015-01-01", "2020-12-31");
        Assert.Equal((1, 0), kienTuong.Commendations.Lines.Where(l => l.AwardingLevel == AwardingLevel.Central).Select(l => (l.Collectives, l.Individuals)).Single());
        Assert.Equal((17 + 1 + 3 + 1 + 100, 66 + 3 + 7 + 0 + 220), (kienTuong.Commendations.Collectives, kienTuong.Commendations.Individuals));
    }
}

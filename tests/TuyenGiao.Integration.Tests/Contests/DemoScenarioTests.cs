using System.Diagnostics;
using System.Net;
using TuyenGiao.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Contests;

/// <summary>ops/demo.sh against a real node: the tallies show the figures of the Trà Vinh 2023 report.</summary>
public class DemoScenarioTests
{
    [Fact]
    public async Task Given_a_fresh_system_When_the_demo_is_loaded_twice_Then_the_tallies_show_the_Tra_Vinh_figures_once()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"demo-{Guid.NewGuid():N}"[..16]);

        await RunDemo(node.BaseAddress);
        var eventsAfterFirstRun = await database.EventCountAsync();
        await RunDemo(node.BaseAddress);

        Assert.Equal(eventsAfterFirstRun, await database.EventCountAsync());
        var writing = await Read<ContestTally>(await node.Http.GetAsync("/api/contests/KHAT-VONG-TRA-VINH-2023/tally"), HttpStatusCode.OK);
        Assert.Equal((1_650, 1_277, 129.2m, 373), (writing.Accepted, writing.Target, writing.ProgressPercent, writing.OverTarget));
        Assert.Equal(12, writing.Awards.Where(t => !t.Collective).Sum(t => t.Granted));
        Assert.Equal(1, writing.Awards.Single(t => t.Tier == "Giải nhất tập thể").Granted);
        Assert.Equal(1_650, writing.ByCommittee.Single(c => c.Code == "TV").Accepted);
        var quiz = await Read<ContestTally>(await node.Http.GetAsync("/api/contests/TRAC-NGHIEM-NQ-XI-2023/tally"), HttpStatusCode.OK);
        Assert.Equal((5_033, 6_110), (quiz.Accepted, quiz.Target));
        Assert.True(quiz.QuizCorrectPercent > 86m, $"{quiz.QuizCorrectPercent}% correct");
    }

    private static async Task RunDemo(Uri baseAddress)
    {
        var script = Path.Combine(TestDatabase.RepositoryRoot(), "ops", "demo.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["TUYENGIAO_URLS"] = baseAddress.ToString().TrimEnd('/') },
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(process.ExitCode == 0, $"demo.sh failed ({process.ExitCode}): {await errors}\n{await output}");
    }
}

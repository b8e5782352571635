using System.Diagnostics;
using System.Net;
using TuyenGiao.Access;
using TuyenGiao.Api.Committees;
using TuyenGiao.Integration.Tests.Infrastructure;
using TuyenGiao.Testing;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Cluster;

/// <summary>
/// A node killed outright leaves a membership row that still says it is active until its peers declare it dead. Nodes
/// started meanwhile, one on the dead silo's very address, must not wait on that row.
/// </summary>
public class RestartAfterKillTests
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Given_a_node_killed_When_another_process_takes_its_address_and_it_restarts_elsewhere_Then_both_are_ready_within_30_seconds()
    {
        await using var database = await TestDatabase.CreateAsync();
        var cluster = $"rekill-{Guid.NewGuid():N}"[..16];
        await using var first = await TestNodeProcesses.StartApiAsync(database, cluster, "node-1");
        var (silo, gateway) = NodeProcess.FreeOrleansPorts();
        var sameAddress = new Dictionary<string, string> { ["Orleans__SiloPort"] = silo.ToString(), ["Orleans__GatewayPort"] = gateway.ToString() };
        await using var victim = await TestNodeProcesses.StartApiAsync(database, cluster, "node-2", sameAddress);
        using (var admin = TestNodeProcesses.Client(victim, TestNodeProcesses.Tokens.Issue("kill-admin", Role.Admin)))
            await Read<CommitteeResponse>(await admin.PostJson("/api/committees", new { code = "KILL", name = "Tỉnh ủy", level = "Province", memberCount = 1 }),
                HttpStatusCode.Created);

        victim.Kill();
        var clock = Stopwatch.StartNew();
        await using var taker = await TestNodeProcesses.StartApiAsync(database, cluster, "node-3-on-the-dead-address", sameAddress);
        var takerReady = clock.Elapsed;
        clock.Restart();
        await using var restarted = await TestNodeProcesses.StartApiAsync(database, cluster, "node-2-again");
        var restartedReady = clock.Elapsed;

        Assert.True(takerReady < ReadyWithin, $"the node on the dead silo's address was ready after {takerReady}");
        Assert.True(restartedReady < ReadyWithin, $"the restarted node was ready after {restartedReady}");
        using var client = TestNodeProcesses.Client(restarted, TestNodeProcesses.Tokens.Issue("kill-admin", Role.Admin));
        Assert.Equal("Tỉnh ủy", (await Read<CommitteeResponse>(await client.GetAsync("/api/committees/KILL"), HttpStatusCode.OK)).Name);
    }
}

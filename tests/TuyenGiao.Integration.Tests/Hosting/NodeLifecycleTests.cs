using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TuyenGiao.Silo;
using TuyenGiao.Api.Committees;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Hosting;

/// <summary>Whole nodes started and stopped on their own database.</summary>
public class NodeLifecycleTests
{
    [Fact]
    public async Task Given_committees_recorded_When_the_node_restarts_Then_the_new_node_serves_the_same_state_from_PostgreSQL()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = $"restart-{Guid.NewGuid():N}"[..16];

        await using (var first = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId))
        {
            await Read<CommitteeResponse>(await first.Http.PostJson("/api/committees",
                new { code = "TV", name = "Ban Tuyên giáo Tỉnh ủy Trà Vinh", level = "Province", memberCount = 50_000 }), HttpStatusCode.Created);
            await Read<CommitteeResponse>(await first.Http.PostJson("/api/committees",
                new { code = "TV-KHOI", name = "Đảng ủy Khối", level = "Bloc", parentCode = "TV", memberCount = 6_000 }), HttpStatusCode.Created);
            await Read<CommitteeResponse>(await first.Http.PutJson("/api/committees/TV-KHOI/member-count", new { memberCount = 6_110 }), HttpStatusCode.OK);
        }

        await using var second = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId);
        var bloc = await Read<CommitteeResponse>(await second.Http.GetAsync("/api/committees/TV-KHOI"), HttpStatusCode.OK);
        Assert.Equal(("Đảng ủy Khối", "TV", 6_110, 2L), (bloc.Name, bloc.ParentCode, bloc.MemberCount, bloc.Version));
        var subtree = await Read<List<CommitteeNodeResponse>>(await second.Http.GetAsync("/api/committees/TV/subtree"), HttpStatusCode.OK);
        Assert.Equal(["TV", "TV-KHOI"], subtree.Select(n => n.Code));
        // The new node keeps appending after what the old one wrote.
        var renamed = await Read<CommitteeResponse>(await second.Http.PutJson("/api/committees/TV-KHOI/name", new { name = "Đảng ủy Khối Trà Vinh" }), HttpStatusCode.OK);
        Assert.Equal(3L, renamed.Version);
    }

    [Fact]
    public async Task Given_a_cluster_When_an_Api_runs_as_a_pure_client_Then_it_serves_committees_through_the_gateway()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = $"client-{Guid.NewGuid():N}"[..16];
        await using var siloNode = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId);

        await using var clientNode = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId,
            settings: new Dictionary<string, string?> { ["Orleans:Mode"] = "Client" });
        await Read<CommitteeResponse>(await clientNode.Http.PostJson("/api/committees",
            new { code = "CT", name = "Thành ủy Cần Thơ", level = "Province", memberCount = 1 }), HttpStatusCode.Created);

        // The silo node's grain holds what the client node recorded.
        var seenBySilo = await Read<CommitteeResponse>(await siloNode.Http.GetAsync("/api/committees/CT"), HttpStatusCode.OK);
        Assert.Equal("Thành ủy Cần Thơ", seenBySilo.Name);
        Assert.Equal(HttpStatusCode.OK, (await clientNode.Http.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM orleans.membership WHERE deployment_id = @c AND status = 3", ("c", clusterId)));
    }

    [Fact]
    public async Task Given_a_running_silo_When_another_node_applies_the_schema_again_Then_the_membership_rows_stay_where_the_silo_reads_them()
    {
        await using var database = await TestDatabase.CreateAsync();
        var clusterId = $"schema-{Guid.NewGuid():N}"[..16];
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, clusterId);

        // What a second node does at start-up, after Marten's schema exists (it may share the user's name,
        // and so come first in PostgreSQL's search_path).
        await new DatabaseSchema(database.ConnectionString, node.Services.GetRequiredService<IDocumentStore>(), NullLogger<DatabaseSchema>.Instance)
            .StartingAsync(CancellationToken.None);

        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM orleans.membership_version WHERE deployment_id = @c", ("c", clusterId)));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM orleans.membership WHERE deployment_id = @c AND status = 3", ("c", clusterId)));
        Assert.Equal(0, await database.ScalarAsync(
            "SELECT count(*) FROM information_schema.tables WHERE table_name ILIKE '%membership%' AND table_schema <> 'orleans'"));
        Assert.Equal(HttpStatusCode.OK, (await node.Http.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task Given_an_injected_clock_When_a_command_is_recorded_Then_the_event_time_comes_from_it_in_UTC()
    {
        await using var database = await TestDatabase.CreateAsync();
        // 23:59 on 30/06/2023 in Vietnam (UTC+7) is 16:59 UTC.
        var clock = new FixedClock(new DateTimeOffset(2023, 6, 30, 23, 59, 0, TimeSpan.FromHours(7)));
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"clock-{Guid.NewGuid():N}"[..16], clock);

        await Read<CommitteeResponse>(await node.Http.PostJson("/api/committees",
            new { code = "TV", name = "Trà Vinh", level = "Province", memberCount = 1 }), HttpStatusCode.Created);

        Assert.Equal(1, await database.ScalarAsync(
            "SELECT count(*) FROM tuyengiao.mt_events WHERE stream_id = 'committee/TV' AND timestamp = @t",
            ("t", new DateTimeOffset(2023, 6, 30, 16, 59, 0, TimeSpan.Zero))));
    }
}

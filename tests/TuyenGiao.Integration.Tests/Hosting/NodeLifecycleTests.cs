using System.Net;
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

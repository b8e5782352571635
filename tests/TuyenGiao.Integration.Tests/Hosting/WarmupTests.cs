using System.Net;
using System.Text.Json;
using TuyenGiao.Integration.Tests.Infrastructure;

namespace TuyenGiao.Integration.Tests.Hosting;

/// <summary>A node is ready only once it has sent itself its users' first requests; the warm-up writes nothing.</summary>
public class WarmupTests
{
    [Fact]
    public async Task Given_a_node_starting_with_its_warm_up_When_readiness_is_asked_Then_it_is_ready_once_warmed_up_and_nothing_was_stored()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var node = await TuyenGiaoNode.StartAsync(database.ConnectionString, $"warm-{Guid.NewGuid():N}"[..16],
            settings: new Dictionary<string, string?> { ["Warmup:Enabled"] = "true" });

        using var anonymous = node.Anonymous();
        JsonElement checks = default;
        var ready = false;
        for (var wait = 0; wait < 150 && !ready; wait++)
        {
            using var response = await anonymous.GetAsync("/health/ready");
            checks = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checks").Clone();
            ready = response.StatusCode == HttpStatusCode.OK;
            if (!ready)
            {
                Assert.Equal("Unhealthy", checks.GetProperty("warm-up").GetProperty("status").GetString());
                await Task.Delay(200);
            }
        }

        Assert.True(ready, "not ready within 30 s");
        Assert.Equal("Healthy", checks.GetProperty("warm-up").GetProperty("status").GetString());
        Assert.Equal(0, await database.EventCountAsync());
    }
}

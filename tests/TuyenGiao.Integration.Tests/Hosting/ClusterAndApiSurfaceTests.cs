using System.Net;
using System.Text.Json;
using TuyenGiao.Integration.Tests.Infrastructure;

namespace TuyenGiao.Integration.Tests.Hosting;

/// <summary>What an operator and an API client see of a running node.</summary>
[Collection(NodeCollection.Name)]
public class ClusterAndApiSurfaceTests(NodeFixture fixture)
{
    [Fact]
    public async Task Given_a_running_silo_When_PostgreSQL_is_inspected_Then_its_membership_row_is_active()
    {
        var active = await fixture.Database.ScalarAsync(
            "SELECT count(*) FROM orleans.membership WHERE deployment_id = @c AND status = 3 AND proxy_port > 0", ("c", fixture.ClusterId));
        var version = await fixture.Database.ScalarAsync(
            "SELECT version FROM orleans.membership_version WHERE deployment_id = @c", ("c", fixture.ClusterId));

        Assert.Equal(1, active);
        Assert.True(version >= 1);
    }

    [Fact]
    public async Task Given_a_running_node_When_health_is_asked_Then_live_and_ready_are_healthy()
    {
        var live = await fixture.Node.Http.GetAsync("/health/live");
        var ready = await fixture.Node.Http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("silo").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/api/committees", "post", "201")]
    [InlineData("/api/committees", "post", "400")]
    [InlineData("/api/committees", "post", "409")]
    [InlineData("/api/committees", "get", "200")]
    [InlineData("/api/committees/{code}", "get", "404")]
    [InlineData("/api/committees/{code}/name", "put", "200")]
    [InlineData("/api/committees/{code}/member-count", "put", "400")]
    [InlineData("/api/committees/{code}/parent", "put", "409")]
    [InlineData("/api/committees/{code}/children", "get", "200")]
    [InlineData("/api/committees/{code}/subtree", "get", "200")]
    [InlineData("/api/committees/{code}/path", "get", "200")]
    [InlineData("/health/live", "get", "200")]
    [InlineData("/health/ready", "get", "503")]
    public async Task Given_the_OpenAPI_document_When_read_Then_it_describes_the_endpoint_and_its_answer(string path, string method, string status)
    {
        var document = JsonDocument.Parse(await fixture.Node.Http.GetStringAsync("/swagger/v1/swagger.json")).RootElement;

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
        Assert.True(operation.GetProperty("responses").TryGetProperty(status, out var response), $"{method} {path} does not document {status}");
        Assert.True(response.TryGetProperty("content", out _), $"{method} {path} {status} has no body schema");
    }

    [Fact]
    public async Task Given_the_Swagger_UI_When_opened_Then_it_is_served()
    {
        var page = await fixture.Node.Http.GetAsync("/swagger/index.html");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("swagger", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}

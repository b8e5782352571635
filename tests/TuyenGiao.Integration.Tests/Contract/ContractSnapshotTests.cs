using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TuyenGiao.Integration.Tests.Infrastructure;

namespace TuyenGiao.Integration.Tests.Contract;

/// <summary>
/// The committed contract (tests/TuyenGiao.ApiClient/openapi/v1.json) is the document a node serves: the typed client is
/// generated from it at build time and every answer of the tests is held to it, so it may not drift from the API.
/// </summary>
[Collection(NodeCollection.Name)]
public class ContractSnapshotTests(NodeFixture fixture)
{
    private static string Committed => Path.Combine(TestDatabase.RepositoryRoot(), "tests", "TuyenGiao.ApiClient", "openapi", "v1.json");

    [Fact]
    public async Task Given_the_document_a_node_serves_When_compared_with_the_committed_contract_Then_they_are_the_same()
    {
        using var anonymous = fixture.Node.Anonymous();
        var served = JsonNode.Parse(await anonymous.GetStringAsync("/swagger/v1/swagger.json"))!.AsObject();
        // The only member that depends on where the node runs.
        served.Remove("servers");
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(Committed));

        if (!JsonNode.DeepEquals(served, committed))
        {
            var received = Path.Combine(TestDatabase.RepositoryRoot(), "test-artifacts", "openapi", "v1.json");
            Directory.CreateDirectory(Path.GetDirectoryName(received)!);
            await File.WriteAllTextAsync(received, served.ToJsonString(new JsonSerializerOptions
            {
                WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            }) + "\n");
            Assert.Fail($"The API's contract changed. Review the difference, then accept it: cp {received} {Committed}");
        }
    }

    [Theory]
    [InlineData(HttpStatusCode.OK, """{"code":"TV"}""", "the body does not match its schema")]
    [InlineData(HttpStatusCode.Conflict, """{"type":"t","title":"x","status":409}""", "does not document")]
    public async Task Given_an_answer_that_breaks_the_contract_When_a_test_client_receives_it_Then_the_request_fails_saying_why(
        HttpStatusCode status, string body, string reason)
    {
        using var client = new HttpClient(new ContractCheckingHandler(new Answering(status, body))) { BaseAddress = new Uri("http://contract.test") };

        var violation = await Assert.ThrowsAsync<ContractViolationException>(() => client.GetAsync("/api/committees/TV"));

        Assert.Contains(reason, violation.Message);
        Assert.Contains("GET /api/committees/{code}", violation.Message);
    }

    /// <summary>Answers every request with one response, as a node that broke its contract would.</summary>
    private sealed class Answering(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}

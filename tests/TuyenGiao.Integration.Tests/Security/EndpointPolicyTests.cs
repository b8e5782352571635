using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TuyenGiao.Api.Security;
using TuyenGiao.Integration.Tests.Infrastructure;

namespace TuyenGiao.Integration.Tests.Security;

/// <summary>No endpoint is left without a declared policy: checked from the OpenAPI document and from the routing table.</summary>
[Collection(NodeCollection.Name)]
public class EndpointPolicyTests(NodeFixture fixture)
{
    private static readonly HashSet<string> KnownPolicies = [.. Policies.Roles.Keys, Policies.Public];

    [Fact]
    public async Task Given_the_OpenAPI_document_When_every_operation_is_enumerated_Then_each_declares_a_known_policy_and_the_protected_ones_the_bearer_scheme()
    {
        using var anonymous = fixture.Node.Anonymous();
        var response = await anonymous.GetAsync("/swagger/v1/swagger.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty(AuthorizationInOpenApi.Scheme).GetProperty("scheme").GetString());

        var operations = 0;
        var undeclared = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                operations++;
                var name = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                if (!operation.Value.TryGetProperty(AuthorizationInOpenApi.Extension, out var policy) || !KnownPolicies.Contains(policy.GetString()!))
                {
                    undeclared.Add(name);
                    continue;
                }
                var secured = operation.Value.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
                if (secured == (policy.GetString() == Policies.Public))
                    undeclared.Add($"{name}: policy {policy.GetString()} but security requirement {(secured ? "present" : "absent")}");
            }
        }

        Assert.True(operations >= 50, $"only {operations} operations in the document");
        Assert.True(undeclared.Count == 0, $"operations without a declared policy:\n{string.Join("\n", undeclared)}");
    }

    [Fact]
    public void Given_the_routing_table_When_every_endpoint_is_enumerated_Then_each_declares_a_policy_or_allows_anonymous_callers()
    {
        var endpoints = fixture.Node.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        var undeclared = endpoints
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null
                        && !e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is not null && KnownPolicies.Contains(a.Policy)))
            .Select(e => e.RoutePattern.RawText)
            .ToList();

        Assert.True(endpoints.Count >= 50, $"only {endpoints.Count} endpoints");
        Assert.True(undeclared.Count == 0, $"endpoints without a declared policy:\n{string.Join("\n", undeclared)}");
    }
}

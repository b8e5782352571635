using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TuyenGiao.Api.Security;

/// <summary>
/// Writes each operation's policy into the OpenAPI document (x-authorization, and the bearer requirement), so a
/// client knows which token to bring and a test can find an endpoint that declares none.
/// </summary>
public sealed class AuthorizationInOpenApi : IOperationFilter
{
    public const string Extension = "x-authorization";
    public const string Scheme = "bearer";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var policy = metadata.OfType<IAllowAnonymous>().Any()
            ? Policies.Public
            : metadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
        if (policy is null)
            return;
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[Extension] = new JsonNodeExtension(JsonValue.Create(policy));
        if (policy == Policies.Public)
        {
            // Said outright (security: []), so that a client does not have to infer "no token" from an absence.
            operation.Security = [];
            return;
        }
        operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] }];
        var roles = Policies.Roles.TryGetValue(policy, out var allowed) ? string.Join(", ", allowed.Select(r => r.ClaimValue())) : policy;
        operation.Description = $"{operation.Description}\n\nRoles: {roles}.".TrimStart();
    }
}

using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TuyenGiao.Api.Http.OpenApi;

/// <summary>
/// Makes each schema say what a generated client must know: which members are always there, and which values an enum
/// can take over the wire.
/// <list type="bullet">
/// <item>A response's non-nullable member is required: the server always writes it.</item>
/// <item>A request's member marked <see cref="RequiredAttribute"/> is required: the endpoint answers 400 naming it when
/// it is missing (request members are nullable in C# so that a missing one is a field error, not a binding failure).</item>
/// <item>An enum's <c>None</c> means "no such aggregate" inside the domain; the API answers 404 instead, so it never
/// appears on the wire and is not offered.</item>
/// </list>
/// </summary>
public sealed class ContractSchemas : ISchemaFilter
{
    private readonly NullabilityInfoContext _nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema editable)
            return;
        if (context.Type.IsEnum)
        {
            editable.Enum = editable.Enum?.Where(value => value?.GetValue<string>() != "None").ToList();
            return;
        }
        if (editable.Properties is not { Count: > 0 } properties)
            return;
        var isRequest = context.Type.Name.EndsWith("Request", StringComparison.Ordinal);
        foreach (var (name, _) in properties)
        {
            var property = context.Type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null)
                continue;
            var required = isRequest
                ? property.GetCustomAttribute<RequiredAttribute>() is not null
                : _nullability.Create(property).ReadState == NullabilityState.NotNull;
            if (required)
                (editable.Required ??= new HashSet<string>()).Add(name);
        }
    }
}

/// <summary>A string parameter that takes one of a few values (<see cref="AllowedValuesAttribute"/>) is an enum in the document.</summary>
public sealed class AllowedValuesAsEnum : IParameterFilter
{
    public void Apply(IOpenApiParameter parameter, ParameterFilterContext context)
    {
        if (context.ParameterInfo?.GetCustomAttribute<AllowedValuesAttribute>() is not { } allowed
            || parameter is not OpenApiParameter { Schema: OpenApiSchema schema })
            return;
        schema.Enum = allowed.Values.Select(value => (JsonNode)JsonValue.Create(value?.ToString() ?? "")).ToList();
    }
}

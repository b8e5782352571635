using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TuyenGiao.Api.Http.OpenApi;

/// <summary>
/// An answer that is not JSON is described as what it is: CSV and NDJSON as text, a workbook as binary. An endpoint
/// that declares one type for several media types (the period report's JSON, CSV and .xlsx) keeps the JSON schema for
/// its JSON only. Server-sent events keep the schema of each event's data.
/// </summary>
public sealed class MediaTypesInOpenApi : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var (_, response) in operation.Responses ?? [])
        {
            foreach (var (mediaType, media) in response.Content ?? new Dictionary<string, IOpenApiMediaType>())
            {
                if (media is not OpenApiMediaType content)
                    continue;
                if (mediaType is "application/json" or "text/event-stream" || mediaType.EndsWith("+json", StringComparison.Ordinal))
                    continue;
                content.Schema = mediaType.StartsWith("text/", StringComparison.Ordinal) || mediaType == "application/x-ndjson"
                    ? new OpenApiSchema { Type = JsonSchemaType.String, Description = mediaType == "application/x-ndjson" ? "One JSON object per line." : null }
                    : new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
            }
        }
    }
}

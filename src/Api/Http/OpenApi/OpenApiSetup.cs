using Microsoft.OpenApi;
using TuyenGiao.Api.Security;

namespace TuyenGiao.Api.Http.OpenApi;

/// <summary>
/// The OpenAPI document at /swagger/v1/swagger.json: the contract a client is generated from. The filters make it say
/// everything the API does (required members, every status with its problem body, headers, media types, who may call).
/// </summary>
public static class OpenApiSetup
{
    public const string DocumentPath = "/swagger/v1/swagger.json";

    public static void AddTuyenGiaoOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "TuyenGiao",
                Version = "v1",
                Description = "Campaigns, contests and committees of Propaganda and Education Committees, event-sourced. " +
                              "Every refusal is an RFC 9457 problem (application/problem+json) whose `errors` name the field at fault.",
                Contact = new OpenApiContact { Name = "TuyenGiao team (the README says who runs this node)" },
                // No licence has been chosen for the code yet: the document says so rather than claim one.
                License = new OpenApiLicense { Name = "Proprietary: no licence granted" },
            });
            o.SupportNonNullableReferenceTypes();
            // A member that refers to another schema and may be null says so (allOf beside nullable: true); a bare $ref cannot.
            o.UseAllOfToExtendReferenceSchemas();
            o.AddBearerToSwagger();
            o.SchemaFilter<ContractSchemas>();
            o.ParameterFilter<AllowedValuesAsEnum>();
            o.OperationFilter<ProblemResponsesInOpenApi>();
            o.OperationFilter<MediaTypesInOpenApi>();
            o.DocumentFilter<ContractDocument>();
        });
    }

    public static void UseTuyenGiaoOpenApi(this WebApplication app) =>
        // The server a client reaches is the one it fetched the document from (a node behind a balancer included).
        app.UseSwagger(o => o.PreSerializeFilters.Add((document, request) =>
            document.Servers = [new OpenApiServer { Url = $"{request.Scheme}://{request.Host}{request.PathBase}", Description = "this node" }]));
}

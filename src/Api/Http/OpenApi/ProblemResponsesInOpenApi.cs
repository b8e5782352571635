using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TuyenGiao.Api.Http.OpenApi;

/// <summary>
/// Documents every answer an operation can give besides its own: the refusals the pipeline writes whatever the endpoint
/// (401 and 403 where a token is needed, 400 where a body is read or a session's change lacks its antiforgery token,
/// 413 and 415 where a body is read, 429 where a rate limit applies, 503 while
/// the store or the cluster recovers), each as <c>application/problem+json</c> with one schema, and the headers that
/// come with them. Endpoints declare only what their own rules answer; a generated client then knows every failure it
/// will meet.
/// </summary>
public sealed class ProblemResponsesInOpenApi : IOperationFilter
{
    public const string ProblemMediaType = "application/problem+json";
    public const string ProblemSchema = "Problem";

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [400] = "The request is invalid: `errors` names each field and why.",
        [401] = "No valid bearer token or session: sign in first.",
        [403] = "The caller's grants do not allow this.",
        [404] = "Nothing has this id.",
        [409] = "The request conflicts with what is recorded (for example the same id with other content).",
        [413] = "The body is larger than the limit.",
        [415] = "The body is not application/json.",
        [422] = "A rule of the domain forbids this now.",
        [429] = "Too many requests: wait for Retry-After seconds.",
        [503] = "The service is recovering (the store or the cluster): try again after Retry-After seconds.",
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var statuses = new SortedSet<int> { 503 };
        if (context.ApiDescription.ParameterDescriptions.Count > 0)
            statuses.Add(400);
        if (!metadata.OfType<IAllowAnonymous>().Any())
            statuses.UnionWith([401, 403]);
        if (operation.RequestBody is not null)
            statuses.UnionWith([400, 413, 415]);
        // A request that changes something in a session (a cookie), sign-in included, needs its antiforgery token.
        if (context.ApiDescription.HttpMethod is { } method && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
            statuses.Add(400);
        if (metadata.OfType<Security.SubmissionRateLimit.Limited>().Any())
            statuses.Add(429);

        operation.Responses ??= new OpenApiResponses();
        foreach (var status in statuses)
        {
            var key = status.ToString();
            // An endpoint's own 503 (the readiness probe's) keeps its body; only its headers are added below.
            if (!operation.Responses.ContainsKey(key))
                operation.Responses[key] = new OpenApiResponse();
        }

        foreach (var (key, response) in operation.Responses.ToList())
        {
            if (response is not OpenApiResponse answer || !int.TryParse(key, out var status))
                continue;
            if (status >= 400 && !IsJsonBodyOfItsOwn(answer))
            {
                answer.Description = Descriptions.GetValueOrDefault(status, answer.Description ?? "Refused.");
                answer.Content = new Dictionary<string, IOpenApiMediaType>
                {
                    [ProblemMediaType] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) },
                };
            }
            answer.Headers ??= new Dictionary<string, IOpenApiHeader>();
            answer.Headers[Correlation.Header] = new OpenApiHeader
            {
                Description = "The request's correlation id: the caller's when it sent a sane one, otherwise a new one. Recorded on every event the request causes.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            };
            if (status is 429 or 503)
                answer.Headers["Retry-After"] = new OpenApiHeader
                {
                    Description = "Seconds to wait before trying again.",
                    Required = true,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                };
        }
    }

    /// <summary>The readiness probe answers 503 with its own health report, not a problem.</summary>
    private static bool IsJsonBodyOfItsOwn(OpenApiResponse response) => response.Content?.ContainsKey("application/json") == true;
}

using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace TuyenGiao.Api.Http.OpenApi;

/// <summary>
/// What the document says about the whole API: its tags with what each covers, the one problem schema every refusal
/// uses, and no schema left that nothing refers to (the framework's own problem types, replaced by that one).
/// </summary>
public sealed class ContractDocument : IDocumentFilter
{
    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Accounts"] = "People's and programs' accounts and the roles granted them per committee or contest: every change an event with its actor.",
        ["Session"] = "Signing in on the login page (a cookie session, with an antiforgery token), one's own password, tokens for one's scripts.",
        ["Committees"] = "The committee hierarchy (province, district, bloc, grassroots): registering, renaming, moving, member counts.",
        ["Reorganisation"] = "Dated mergers and dissolutions of committees, and the hierarchy as organised on a day.",
        ["Contests"] = "Writing, quiz and storytelling contests: announcing, entries, the live tally. Contest details and tallies are public.",
        ["Judging"] = "Judges, blind scoring rounds, awards, published results and the ranking.",
        ["Quizzes"] = "The online quiz of a quiz contest: its rules and question bank (the organiser's), and people taking part without a staff " +
            "account (registration, attempts, submissions, each round's results); the key stays sealed until a round closes.",
        ["Campaigns"] = "Campaigns (study drives, annual themes, propaganda drives) and the activity reports of their committees.",
        ["Committee records"] = "Model programmes, commendations, opinion issues, inspections and their follow-ups.",
        ["Reports"] = "The period report of a committee and its subtree, as JSON, CSV or an .xlsx workbook.",
        ["Audit"] = "The event log: every stream's history, the feed, exports, time travel and the hash chain's verification.",
        ["Personal data"] = "Personal data under Decree 13/2023/NĐ-CP: a person's erasure on request, who read whose data, the master key's rewrap, the retention job.",
        ["Admin"] = "Operations on the whole store: the audit replay and reconcile.",
        ["Health"] = "Liveness and readiness probes.",
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemResponsesInOpenApi.ProblemSchema] = Problem();
        foreach (var orphan in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
            document.Components.Schemas.Remove(orphan);
    }

    /// <summary>RFC 9457 problem details as this API writes them: always a type, a title, the status and the fields at fault.</summary>
    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details. `errors` maps each field at fault (a body member, a parameter, or a header) to the reasons.",
        Required = new HashSet<string> { "type", "title", "status" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A URI that identifies the kind of problem." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    };
}

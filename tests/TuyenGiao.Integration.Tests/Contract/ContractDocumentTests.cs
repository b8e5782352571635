using System.Reflection;
using System.Text.Json;
using TuyenGiao.Api;
using TuyenGiao.Integration.Tests.Infrastructure;

namespace TuyenGiao.Integration.Tests.Contract;

/// <summary>
/// The OpenAPI document, fetched from a running node, says everything the API does: what a generated client needs to be
/// strongly typed and to know every failure it will meet. Each test names the operations or schemas that fall short.
/// </summary>
[Collection(NodeCollection.Name)]
public class ContractDocumentTests(NodeFixture fixture)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private async Task<JsonElement> DocumentAsync()
    {
        using var anonymous = fixture.Node.Anonymous();
        return JsonDocument.Parse(await anonymous.GetStringAsync("/swagger/v1/swagger.json")).RootElement;
    }

    private static IEnumerable<(string Name, JsonElement Operation)> Operations(JsonElement document) =>
        from path in document.GetProperty("paths").EnumerateObject()
        from operation in path.Value.EnumerateObject()
        where Methods.Contains(operation.Name)
        select ($"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value);

    private static bool Documents(JsonElement operation, int status) => operation.GetProperty("responses").TryGetProperty(status.ToString(), out _);

    private static void AssertNone(IReadOnlyCollection<string> gaps, string what) =>
        Assert.True(gaps.Count == 0, $"{gaps.Count} {what}:\n{string.Join("\n", gaps)}");

    [Fact]
    public async Task Given_the_document_When_operations_need_a_token_Then_each_documents_401_and_403_and_the_public_ones_say_security_is_empty()
    {
        var document = await DocumentAsync();
        var gaps = new List<string>();
        var publicOperations = new HashSet<string>();
        foreach (var (name, operation) in Operations(document))
        {
            var security = operation.GetProperty("security");
            if (security.GetArrayLength() == 0)
                publicOperations.Add(operation.GetProperty("operationId").GetString()!);
            else if (!Documents(operation, 401) || !Documents(operation, 403))
                gaps.Add(name);
        }

        AssertNone(gaps, "operations that need a token without 401 and 403");
        // Public, and said so outright: a contest's details, its tallies, ranking and prize holders, the health probes, signing in
        // (with its antiforgery token, the reset link's page, the ways in and the start of single sign-on), and taking part in an
        // online quiz (its rules and committees, participation now and live, registering, attempts with the participant's key, a closed round's results); nothing else.
        Assert.Equal(["ExplainEntry", "FollowContestTally", "FollowQuizParticipation", "GetAntiforgeryToken", "GetContest", "GetContestRanking", "GetContestTally", "GetPrizeHolders", "GetQuiz",
            "GetQuizCommittees", "GetQuizParticipation", "GetQuizRoundResults", "GetSignInOptions", "ListContests", "Live", "Ready", "RegisterParticipant", "ResetPassword", "SignIn", "StartQuizAttempt",
            "StartSingleSignOn", "SubmitQuizAttempt"],
            publicOperations.Order().ToArray());
    }

    [Fact]
    public async Task Given_the_document_When_every_answer_is_enumerated_Then_refusals_are_problems_with_a_type_and_headers_say_correlation_and_retry()
    {
        var document = await DocumentAsync();
        var gaps = new List<string>();
        foreach (var (name, operation) in Operations(document))
        {
            if (!Documents(operation, 503))
                gaps.Add($"{name}: no 503");
            if (operation.TryGetProperty("requestBody", out _) && !(Documents(operation, 400) && Documents(operation, 413) && Documents(operation, 415)))
                gaps.Add($"{name}: reads a body without 400, 413 and 415");
            foreach (var response in operation.GetProperty("responses").EnumerateObject())
            {
                var status = int.Parse(response.Name);
                var headers = response.Value.TryGetProperty("headers", out var h) ? h : default;
                if (headers.ValueKind != JsonValueKind.Object || !headers.TryGetProperty("X-Correlation-Id", out _))
                    gaps.Add($"{name} {status}: no X-Correlation-Id header");
                if (status is 429 or 503 && (headers.ValueKind != JsonValueKind.Object || !headers.TryGetProperty("Retry-After", out _)))
                    gaps.Add($"{name} {status}: no Retry-After header");
                if (status >= 400 && !(name == "GET /health/ready" && status == 503)
                    && !(response.Value.TryGetProperty("content", out var content)
                         && content.TryGetProperty("application/problem+json", out var problem)
                         && problem.GetProperty("schema").GetProperty("$ref").GetString() == "#/components/schemas/Problem"))
                    gaps.Add($"{name} {status}: not an application/problem+json Problem");
            }
        }
        var submit = Operations(document).Single(o => o.Name == "POST /api/contests/{contestId}/entries").Operation;

        AssertNone(gaps, "gaps in the documented answers");
        Assert.True(Documents(submit, 429), "the rate-limited submission does not document 429");
        var problemSchema = document.GetProperty("components").GetProperty("schemas").GetProperty("Problem");
        Assert.Equal(["status", "title", "type"], problemSchema.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).Order().ToArray());
    }

    [Fact]
    public async Task Given_the_schemas_When_read_as_a_client_generator_would_Then_answers_require_every_member_never_null_and_requests_have_no_computed_ones()
    {
        var schemas = (await DocumentAsync()).GetProperty("components").GetProperty("schemas");
        var gaps = new List<string>();
        foreach (var schema in schemas.EnumerateObject())
        {
            if (schema.Value.TryGetProperty("enum", out var values) && values.EnumerateArray().Any(v => v.GetString() == "None"))
                gaps.Add($"{schema.Name}: offers None");
            if (!schema.Value.TryGetProperty("properties", out var properties) || schema.Name == "Problem")
                continue;
            var required = schema.Value.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [];
            if (schema.Name.EndsWith("Request", StringComparison.Ordinal))
            {
                // A request's members are exactly its constructor's parameters: a getter would be advertised and then ignored.
                var type = typeof(ApiApplication).Assembly.GetTypes().Single(t => t.Name == schema.Name);
                var parameters = type.GetConstructors().Single().GetParameters().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!)).Order();
                if (!parameters.SequenceEqual(properties.EnumerateObject().Select(p => p.Name).Order()))
                    gaps.Add($"{schema.Name}: members {string.Join(", ", properties.EnumerateObject().Select(p => p.Name))} are not its parameters");
            }
            else
            {
                // An answer's member that is never null is always written: a client may rely on it only if the schema says so.
                var optional = properties.EnumerateObject()
                    .Where(p => !required.Contains(p.Name) && !(p.Value.TryGetProperty("nullable", out var nullable) && nullable.GetBoolean()))
                    .Select(p => p.Name).ToList();
                if (optional.Count > 0)
                    gaps.Add($"{schema.Name}: {string.Join(", ", optional)} never null but not required");
            }
        }

        AssertNone(gaps, "schemas a generated client would get wrong");
        Assert.Equal(["authorName", "committeeCode", "submissionId", "title", "words"],
            schemas.GetProperty("SubmitEntryRequest").GetProperty("required").EnumerateArray().Select(e => e.GetString()!).Order().ToArray());
    }

    [Fact]
    public async Task Given_answers_that_are_not_JSON_When_documented_Then_each_declares_its_media_type_and_the_period_report_its_formats()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToDictionary(o => o.Operation.GetProperty("operationId").GetString()!, o => o.Operation);
        string[] MediaTypes(string operationId) =>
            operations[operationId].GetProperty("responses").GetProperty("200").GetProperty("content").EnumerateObject().Select(c => c.Name).Order().ToArray();

        var report = operations["GetPeriodReport"];
        Assert.Equal(["application/json", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv"], MediaTypes("GetPeriodReport"));
        Assert.Equal("#/components/schemas/PeriodReport",
            report.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        var format = report.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "format");
        Assert.Equal(["csv", "json", "xlsx"], format.GetProperty("schema").GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).Order().ToArray());
        Assert.Equal(["application/x-ndjson", "text/csv"], MediaTypes("ExportEvents"));
        Assert.Equal(["text/event-stream"], MediaTypes("FollowContestTally"));
        Assert.Equal(["text/event-stream"], MediaTypes("FollowQuizParticipation"));
        Assert.Equal(["text/event-stream"], MediaTypes("ReplayAndReconcile"));
    }

    [Fact]
    public async Task Given_the_document_When_read_as_a_whole_Then_it_names_its_server_its_tags_a_licence_and_a_contact()
    {
        var document = await DocumentAsync();

        Assert.Equal(fixture.Node.BaseAddress.ToString().TrimEnd('/'), document.GetProperty("servers")[0].GetProperty("url").GetString());
        var info = document.GetProperty("info");
        Assert.False(string.IsNullOrWhiteSpace(info.GetProperty("license").GetProperty("name").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(info.GetProperty("contact").GetProperty("name").GetString()));
        var described = document.GetProperty("tags").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("description").GetString());
        var used = Operations(document).SelectMany(o => o.Operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!)).ToHashSet();
        Assert.All(used, tag => Assert.False(string.IsNullOrWhiteSpace(described.GetValueOrDefault(tag)), $"tag {tag} has no description"));
    }
}

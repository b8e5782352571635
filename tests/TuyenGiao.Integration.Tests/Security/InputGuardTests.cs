using System.Collections;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TuyenGiao.Api.Http.Input;
using TuyenGiao.Integration.Tests.Contests;
using TuyenGiao.Integration.Tests.Infrastructure;
using static TuyenGiao.Integration.Tests.Infrastructure.HttpAssertions;

namespace TuyenGiao.Integration.Tests.Security;

/// <summary>
/// One guard for every string from outside. The tests do not list the fields: they ask the running API which operations
/// it has, which body types and query parameters it binds, and put U+0000 into each string field of each in turn, so a
/// field or an endpoint added later is covered without anyone remembering to.
/// </summary>
[Collection(NodeCollection.Name)]
public class InputGuardTests(NodeFixture fixture)
{
    private const string Nul = "a\u0000b";

    private HttpClient Http => fixture.Node.Http;

    private JsonSerializerOptions ApiJson => fixture.Node.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    private IReadOnlyList<ApiDescription> Operations =>
        fixture.Node.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items.SelectMany(g => g.Items).ToList();

    [Fact]
    public async Task Given_every_string_field_of_every_request_body_When_it_carries_U0000_Then_each_is_a_400_naming_that_field_and_nothing_is_stored()
    {
        var before = await fixture.Database.EventCountAsync();
        var tried = 0;
        var failures = new List<string>();
        foreach (var operation in Operations)
        {
            var body = operation.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body);
            if (body is null)
                continue;
            var info = ApiJson.GetTypeInfo(body.Type);
            foreach (var path in StringPaths(info, ""))
            {
                tried++;
                var json = Sample(info, path, "");
                using var request = new HttpRequestMessage(new HttpMethod(operation.HttpMethod!), Url(operation))
                {
                    Content = new StringContent(json!.ToJsonString(), Encoding.UTF8, "application/json"),
                };
                var response = await Http.SendAsync(request);
                var problem = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest || !problem.Contains($"\"{path}\"", StringComparison.Ordinal))
                    failures.Add($"{operation.HttpMethod} {operation.RelativePath} {path}: {(int)response.StatusCode} {problem}");
            }
        }

        Assert.Empty(failures);
        Assert.True(tried >= 60, $"only {tried} string fields were found in the request bodies");
        Assert.Equal(before, await fixture.Database.EventCountAsync());
    }

    [Fact]
    public async Task Given_every_query_parameter_of_every_operation_When_it_carries_U0000_Then_each_is_a_400_naming_that_parameter()
    {
        var tried = 0;
        var failures = new List<string>();
        foreach (var operation in Operations.Where(o => o.HttpMethod == "GET"))
        {
            foreach (var query in operation.ParameterDescriptions.Where(p => p.Source == BindingSource.Query))
            {
                tried++;
                var response = await Http.GetAsync($"{Url(operation)}?{query.Name}={Uri.EscapeDataString(Nul)}");
                var problem = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest || !problem.Contains($"\"{query.Name}\"", StringComparison.Ordinal))
                    failures.Add($"GET {operation.RelativePath}?{query.Name}: {(int)response.StatusCode} {problem}");
            }
        }

        Assert.Empty(failures);
        Assert.True(tried >= 10, $"only {tried} query parameters were found");
    }

    [Fact]
    public async Task Given_a_contest_closing_at_the_end_of_year_9999_When_announced_Then_it_is_a_400_naming_closesAt_and_nothing_is_stored()
    {
        var scenario = await ContestScenario.OpenNowAsync(Http);
        var before = await fixture.Database.EventCountAsync();

        var response = await Http.PostRaw("/api/contests", $$"""
            {"contestId":"FAR-{{scenario.ContestId}}","organiserCode":"{{scenario.Bloc}}","kind":"Writing","title":"Cuộc thi","description":"",
             "opensAt":"2026-01-01T00:00:00Z","closesAt":"9999-12-31T23:59:59Z","target":10,"perAuthorLimit":1}
            """);

        var problem = await AssertProblem(response, HttpStatusCode.BadRequest, "closesAt");
        Assert.Contains("2199-12-31", problem.GetRawText());
        Assert.Equal(before, await fixture.Database.EventCountAsync());
        await AssertProblem(await Http.GetAsync($"/api/contests/FAR-{scenario.ContestId}"), HttpStatusCode.NotFound, "contestId");
    }

    [Fact]
    public async Task Given_programme_growth_asked_up_to_the_year_9999_When_read_Then_it_is_a_400_naming_to()
    {
        var scenario = await ContestScenario.OpenNowAsync(Http);

        var response = await Http.GetAsync($"/api/committees/{scenario.CellA}/model-programmes/growth?from=2020-01-01&to=9999-12-31");

        await AssertProblem(response, HttpStatusCode.BadRequest, "to");
    }

    [Fact]
    public async Task Given_a_body_in_an_unknown_charset_When_posted_Then_it_is_a_415_naming_the_content_type()
    {
        var content = new StringContent("""{"code":"KLINGON","name":"Tỉnh ủy","level":"Province","memberCount":1}""", Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "klingon" };

        var response = await Http.PostAsync("/api/committees", content);

        await AssertProblem(response, HttpStatusCode.UnsupportedMediaType, "Content-Type");
        await AssertProblem(await Http.GetAsync("/api/committees/KLINGON"), HttpStatusCode.NotFound, "code");
    }

    [Fact]
    public async Task Given_a_number_sent_as_a_string_When_posted_Then_it_is_a_400_naming_the_field()
    {
        var response = await Http.PostRaw("/api/committees", """{"code":"STRING-NUMBER","name":"Tỉnh ủy","level":"Province","memberCount":"12"}""");

        await AssertProblem(response, HttpStatusCode.BadRequest, "memberCount");
    }

    [Theory]
    [InlineData("/api/committees", """{"code":"ſT-1","name":"Tỉnh ủy","level":"Province","memberCount":1}""", "code")]
    [InlineData("/api/committees", """{"code":"ıT-1","name":"Tỉnh ủy","level":"Province","memberCount":1}""", "code")]
    public async Task Given_a_code_with_a_letter_that_upper_cases_to_ASCII_When_registered_Then_it_is_refused_not_merged_with_its_look_alike(
        string url, string body, string field)
    {
        var before = await fixture.Database.EventCountAsync();

        await AssertProblem(await Http.PostRaw(url, body), HttpStatusCode.BadRequest, field);

        Assert.Equal(before, await fixture.Database.EventCountAsync());
    }

    [Fact]
    public async Task Given_a_contest_id_with_the_long_s_When_announced_Then_it_is_refused()
    {
        var scenario = await ContestScenario.OpenNowAsync(Http);

        var response = await Http.PostRaw("/api/contests", $$"""
            {"contestId":"ſ{{scenario.ContestId}}","organiserCode":"{{scenario.Bloc}}","kind":"Writing","title":"Cuộc thi","description":"",
             "opensAt":"2026-01-01T00:00:00Z","closesAt":"2026-12-31T00:00:00Z","target":10,"perAuthorLimit":1}
            """);

        await AssertProblem(response, HttpStatusCode.BadRequest, "contestId");
    }

    [Theory]
    [InlineData("Khát vọng\tTrà Vinh\r\ndòng hai", null)]
    [InlineData("a\u0000b", "contains the control character U+0000")]
    [InlineData("a\u001Bb", "contains the control character U+001B")]
    [InlineData("a\u0085b", "contains the control character U+0085")]
    [InlineData("chữ 😀 đẹp", null)]
    [InlineData("a\uFFFE", "contains the noncharacter U+FFFE")]
    [InlineData("a\uFFFF", "contains the noncharacter U+FFFF")]
    [InlineData("", null)]
    public void Given_a_text_When_guarded_Then_only_control_characters_broken_surrogates_and_noncharacters_are_refused(string text, string? reason) =>
        Assert.Equal(reason, TextGuard.Check(text));

    // Built in code: an attribute's string is stored as UTF-8, which cannot hold a lone surrogate.
    [Fact]
    public void Given_a_text_with_a_lone_surrogate_When_guarded_Then_it_is_refused_but_a_pair_passes()
    {
        Assert.Equal("contains an unpaired surrogate (not valid Unicode text)", TextGuard.Check("a" + (char)0xD800 + "b"));
        Assert.Equal("contains an unpaired surrogate (not valid Unicode text)", TextGuard.Check("a" + (char)0xDC00));
        Assert.Equal("contains an unpaired surrogate (not valid Unicode text)", TextGuard.Check("a" + (char)0xD800));
        Assert.Null(TextGuard.Check("a" + (char)0xD83D + (char)0xDE00));
    }

    /// <summary>The operation's URL with its route values filled in; refusals happen before any handler looks them up.</summary>
    private static string Url(ApiDescription operation)
    {
        var path = "/" + operation.RelativePath!;
        foreach (var route in operation.ParameterDescriptions.Where(p => p.Source == BindingSource.Path))
            path = System.Text.RegularExpressions.Regex.Replace(path, $"{{{route.Name}(:[^}}]*)?}}", route.Type == typeof(int) ? "1" : "GUARD-1");
        return path;
    }

    /// <summary>The JSON paths of every string a body of this type carries (one element of each list).</summary>
    private IEnumerable<string> StringPaths(JsonTypeInfo info, string prefix)
    {
        foreach (var property in Writable(info))
        {
            var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            foreach (var found in PathsOf(property.PropertyType, path))
                yield return found;
        }
    }

    private IEnumerable<string> PathsOf(Type type, string path)
    {
        if (type == typeof(string))
            return [path];
        if (ElementOf(type) is { } element)
            return PathsOf(element, $"{path}[0]");
        var info = ApiJson.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
        return info.Kind == JsonTypeInfoKind.Object ? StringPaths(info, path) : [];
    }

    /// <summary>A well-typed body with <see cref="Nul"/> at <paramref name="poisoned"/>.</summary>
    private JsonNode? Sample(JsonTypeInfo info, string poisoned, string prefix)
    {
        var json = new JsonObject();
        foreach (var property in Writable(info))
        {
            var path = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            json[property.Name] = SampleOf(property.PropertyType, poisoned, path);
        }
        return json;
    }

    private JsonNode? SampleOf(Type type, string poisoned, string path)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
            return path == poisoned ? Nul : "GUARD-1";
        if (ElementOf(type) is { } element)
            return new JsonArray(SampleOf(element, poisoned, $"{path}[0]"));
        if (type == typeof(DateOnly))
            return "2023-01-01";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
            return "2023-01-01T00:00:00Z";
        if (type == typeof(bool))
            return true;
        if (type == typeof(Guid))
            return Guid.NewGuid().ToString();
        if (type.IsEnum)
            return Enum.GetNames(type)[^1];
        if (type.IsPrimitive || type == typeof(decimal))
            return 1;
        return Sample(ApiJson.GetTypeInfo(type), poisoned, path);
    }

    private static IEnumerable<JsonPropertyInfo> Writable(JsonTypeInfo info) =>
        info.Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null);

    private static Type? ElementOf(Type type) =>
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type)
            ? type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault()
            : null;
}

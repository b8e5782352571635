using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using NSwag;

namespace TuyenGiao.Integration.Tests.Contract;

/// <summary>
/// Sits under every HTTP client of the tests and holds each answer to the contract (the committed OpenAPI document,
/// which <see cref="ContractSnapshotTests"/> keeps equal to the one a node serves): a status the operation does not
/// document fails the request, and a JSON body that does not match the schema documented for that status fails it too.
/// Requests to paths the document does not have (a route that does not exist, on purpose) are not checked here.
/// Streams (server-sent events, NDJSON, CSV, workbooks) are left unread: the test reads them.
/// </summary>
public sealed class ContractCheckingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public ContractCheckingHandler() : this(new HttpClientHandler())
    {
    }

    private static readonly Lazy<Task<Contract>> Document = new(Contract.LoadAsync);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var response = await base.SendAsync(request, ct);
        var contract = await Document.Value;
        if (contract.Find(request.Method, request.RequestUri!.AbsolutePath) is not { } operation)
            return response;
        var status = ((int)response.StatusCode).ToString();
        if (!operation.Operation.Responses.TryGetValue(status, out var documented))
            throw new ContractViolationException($"{operation.Name} answered {status}, which its operation does not document " +
                                                 $"(it documents {string.Join(", ", operation.Operation.Responses.Keys)}): {await BodyOf(response, ct)}");
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is not ("application/json" or "application/problem+json"))
            return response;
        if (!documented.Content.TryGetValue(mediaType, out var content) || content.Schema is null)
            throw new ContractViolationException($"{operation.Name} {status} answered {mediaType}, which it does not document");
        var body = await BodyOf(response, ct);
        var errors = content.Schema.Validate(body);
        if (errors.Count > 0)
            throw new ContractViolationException($"{operation.Name} {status}: the body does not match its schema: " +
                                                 $"{string.Join("; ", errors.Take(5).Select(e => $"{e.Path} {e.Kind}"))}\n{body}");
        return response;
    }

    private static async Task<string> BodyOf(HttpResponseMessage response, CancellationToken ct)
    {
        await response.Content.LoadIntoBufferAsync(ct);
        return await response.Content.ReadAsStringAsync(ct);
    }

    private sealed record Match(string Name, OpenApiOperation Operation);

    private sealed class Contract(IReadOnlyList<(Regex Path, string Template, string Method, OpenApiOperation Operation)> operations)
    {
        private readonly ConcurrentDictionary<(string, string), Match?> _found = new();

        public static async Task<Contract> LoadAsync()
        {
            var document = await OpenApiDocument.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "openapi", "v1.json"));
            var operations = document.Paths
                .SelectMany(path => path.Value.Select(op => (
                    new Regex("^" + Regex.Replace(Regex.Escape(path.Key), @"\\\{[^}]+\}", "[^/]+") + "/?$"),
                    path.Key, op.Key.ToUpperInvariant(), op.Value)))
                .ToList();
            return new Contract(operations);
        }

        public Match? Find(HttpMethod method, string path) => _found.GetOrAdd((method.Method, path), key =>
        {
            // A literal segment wins over a parameter (/api/contests/{contestId} against /api/contests/).
            var candidates = operations.Where(o => o.Method == key.Item1 && o.Path.IsMatch(key.Item2))
                .OrderBy(o => o.Template.Count(c => c == '{')).ToList();
            return candidates.Count == 0 ? null : new Match($"{key.Item1} {candidates[0].Template}", candidates[0].Operation);
        });
    }
}

public sealed class ContractViolationException(string message) : Exception(message);

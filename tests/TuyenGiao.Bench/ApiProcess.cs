using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using TuyenGiao.Testing;

namespace TuyenGiao.Bench;

/// <summary>
/// The system as a user runs it (ops/run.sh's command): the Api with its co-hosted silo, as its own process, with a
/// signing key of its own. The benchmark signs in as an admin with a token minted by ops/tokens.py, as a user would.
/// The per-user submission limit is lifted for this process: the benchmark measures what the system can take, and
/// its load generator is one user.
/// </summary>
public sealed class ApiProcess : IHttpTarget, IAsyncDisposable
{
    private readonly NodeProcess _node;
    private readonly string _adminToken;
    private readonly string _signingKey;
    private readonly string _clusterId;

    private ApiProcess(NodeProcess node, string adminToken, string signingKey, string clusterId) =>
        (_node, _adminToken, _signingKey, _clusterId) = (node, adminToken, signingKey, clusterId);

    public Uri Address => _node.Address!;

    public long WorkingSetBytes => _node.WorkingSetBytes;

    public TimeSpan ProcessorTime => _node.ProcessorTime;

    /// <summary>A client of the Api signed in as the benchmark's admin.</summary>
    public HttpClient Client(TimeSpan timeout, SocketsHttpHandler? handler = null)
    {
        var client = new HttpClient(handler ?? new SocketsHttpHandler()) { BaseAddress = Address, Timeout = timeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken);
        return client;
    }

    /// <param name="peerOf">A node already running: the new one joins its cluster and shares its signing key.</param>
    /// <param name="settings">More configuration for this node (environment variable names, as <c>EventStore__ChainLinks</c>).</param>
    public static async Task<ApiProcess> StartAsync(string repositoryRoot, string connectionString, ApiProcess? peerOf = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var signingKey = peerOf?._signingKey ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var clusterId = peerOf?._clusterId ?? $"bench-api-{Guid.NewGuid():N}"[..20];
        var adminToken = peerOf?._adminToken ?? await MintAsync(repositoryRoot, signingKey, "bench-admin", "admin");
        var (silo, gateway) = NodeProcess.FreeOrleansPorts();
        var environment = new Dictionary<string, string>
        {
            ["TUYENGIAO_PG"] = connectionString,
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__SiloPort"] = silo.ToString(),
            ["Orleans__GatewayPort"] = gateway.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Auth__SigningKey"] = signingKey,
            ["RateLimits__SubmissionsPerSecond"] = "1000000",
            ["RateLimits__SubmissionBurst"] = "1000000",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            environment[name] = value;
        var node = await NodeProcess.StartApiAsync(repositoryRoot, "Release", peerOf is null ? "api" : "api-2", environment, TimeSpan.FromSeconds(60));
        return new ApiProcess(node, adminToken, signingKey, clusterId);
    }

    internal static async Task<string> MintAsync(string repositoryRoot, string signingKey, string user, string role)
    {
        var mint = new ProcessStartInfo("python3", [Path.Combine(repositoryRoot, "ops", "tokens.py"), role, "--sub", user])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["Auth__SigningKey"] = signingKey },
        };
        using var process = Process.Start(mint)!;
        var token = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ops/tokens.py failed: {errors}");
        return token.Trim();
    }

    public ValueTask DisposeAsync() => _node.DisposeAsync();
}

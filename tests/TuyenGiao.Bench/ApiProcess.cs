using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace TuyenGiao.Bench;

/// <summary>
/// The system as a user runs it (ops/run.sh's command): the Api with its co-hosted silo, as its own process, with a
/// signing key of its own. The benchmark signs in as an admin with a token minted by ops/tokens.py, as a user would.
/// The per-user submission limit is lifted for this process: the benchmark measures what the system can take, and
/// its load generator is one user.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _adminToken;

    private ApiProcess(Process process, Uri address, string adminToken) => (_process, Address, _adminToken) = (process, address, adminToken);

    public Uri Address { get; }

    /// <summary>A client of the Api signed in as the benchmark's admin.</summary>
    public HttpClient Client(TimeSpan timeout, SocketsHttpHandler? handler = null)
    {
        var client = new HttpClient(handler ?? new SocketsHttpHandler()) { BaseAddress = Address, Timeout = timeout };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _adminToken);
        return client;
    }

    public static async Task<ApiProcess> StartAsync(string repositoryRoot, string connectionString)
    {
        var apiDirectory = Path.Combine(repositoryRoot, "src", "Api");
        var dll = Path.Combine(apiDirectory, "bin", "Release", "net10.0", "TuyenGiao.Api.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"build the Api first (ops/bench.sh does): {dll} is missing");
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var adminToken = await MintAsync(repositoryRoot, signingKey, "bench-admin", "admin");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", address.ToString()])
        {
            WorkingDirectory = apiDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["TUYENGIAO_PG"] = connectionString,
                ["Orleans__ClusterId"] = $"bench-api-{Guid.NewGuid():N}"[..20],
                ["Orleans__SiloPort"] = FreePort().ToString(),
                ["Orleans__GatewayPort"] = FreePort().ToString(),
                ["Logging__LogLevel__Default"] = "Warning",
                ["Auth__SigningKey"] = signingKey,
                ["RateLimits__SubmissionsPerSecond"] = "1000000",
                ["RateLimits__SubmissionBurst"] = "1000000",
            },
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  api: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = address };
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                    return new ApiProcess(process, address, adminToken);
            }
            catch (HttpRequestException)
            {
            }
            if (process.HasExited)
                break;
            await Task.Delay(500);
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("the Api did not become ready within 60 s");
    }

    private static async Task<string> MintAsync(string repositoryRoot, string signingKey, string user, string role)
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

    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

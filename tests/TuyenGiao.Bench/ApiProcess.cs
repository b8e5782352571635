using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TuyenGiao.Bench;

/// <summary>The system as a user runs it (ops/run.sh's command): the Api with its co-hosted silo, as its own process.</summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    public static async Task<ApiProcess> StartAsync(string repositoryRoot, string connectionString)
    {
        var apiDirectory = Path.Combine(repositoryRoot, "src", "Api");
        var dll = Path.Combine(apiDirectory, "bin", "Release", "net10.0", "TuyenGiao.Api.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"build the Api first (ops/bench.sh does): {dll} is missing");
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
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
                    return new ApiProcess(process, address);
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

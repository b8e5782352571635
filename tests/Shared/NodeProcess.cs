using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TuyenGiao.Testing;

/// <summary>
/// A TuyenGiao node as its own operating-system process, started from the built assemblies the way ops/run.sh and
/// ops/cluster.sh start them: the Api with its co-hosted silo, or a silo alone. It can be killed outright (SIGKILL),
/// which an in-process host cannot be. Shared by the integration tests and the benchmark.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    /// <summary>Enough of a node's standard output for a test to read what it logged, without growing for ever.</summary>
    private const int KeptOutputLines = 20_000;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private NodeProcess(Process process, string name, Uri? address, int? siloPort) =>
        (_process, Name, Address, SiloPort) = (process, name, address, siloPort);

    public string Name { get; }

    /// <summary>Where the Api listens; null for a silo alone.</summary>
    public Uri? Address { get; }

    /// <summary>The silo port it was given (Orleans__SiloPort), which names its silo in the cluster.</summary>
    public int? SiloPort { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the node wrote to standard output (its log), oldest first.</summary>
    public IReadOnlyList<string> OutputLines => [.. _output];

    /// <summary>The processor time the node has used so far, on all its threads.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    /// <summary>Starts the Api (with its silo) on a free loopback port and waits until /health/ready says so.</summary>
    /// <param name="configuration">The build configuration whose output to run: Release or Debug.</param>
    public static async Task<NodeProcess> StartApiAsync(string repositoryRoot, string configuration, string name,
        IReadOnlyDictionary<string, string> environment, TimeSpan readyWithin)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var node = Start(Path.Combine(repositoryRoot, "src", "Api"), "TuyenGiao.Api.dll", configuration, name, address, ["--urls", address.ToString()], environment);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + readyWithin;
        while (DateTime.UtcNow < deadline && !node.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                    return node;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        await node.DisposeAsync();
        throw new InvalidOperationException($"{name} did not become ready within {readyWithin.TotalSeconds:N0} s");
    }

    /// <summary>Starts a grain-only silo; it joins the cluster named in <paramref name="environment"/>.</summary>
    public static NodeProcess StartSilo(string repositoryRoot, string configuration, string name, IReadOnlyDictionary<string, string> environment) =>
        Start(Path.Combine(repositoryRoot, "src", "Silo"), "TuyenGiao.Silo.dll", configuration, name, null, [], environment);

    /// <summary>Silo and gateway ports that are free now, for a node's Orleans__SiloPort and Orleans__GatewayPort.</summary>
    public static (int Silo, int Gateway) FreeOrleansPorts() => (FreePort(), FreePort());

    /// <summary>SIGTERM, as a rolling restart stops a node: it hands its grains over and leaves the cluster; SIGKILL after <paramref name="within"/>.</summary>
    public async Task StopAsync(TimeSpan within)
    {
        if (_process.HasExited)
            return;
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await term.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster, no final snapshot.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
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

    private static NodeProcess Start(string projectDirectory, string assembly, string configuration, string name, Uri? address, string[] arguments,
        IReadOnlyDictionary<string, string> environment)
    {
        var dll = Path.Combine(projectDirectory, "bin", configuration, "net10.0", assembly);
        if (!File.Exists(dll))
            throw new InvalidOperationException($"build the solution in {configuration} first: {dll} is missing");
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            WorkingDirectory = projectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment)
            start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        var siloPort = environment.TryGetValue("Orleans__SiloPort", out var port) ? int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        var node = new NodeProcess(process, name, address, siloPort);
        // Drained so that a chatty node never blocks on a full pipe; errors are shown in the test's output.
        process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  {name}: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    private void Keep(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

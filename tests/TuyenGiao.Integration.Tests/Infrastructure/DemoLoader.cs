using System.Diagnostics;

namespace TuyenGiao.Integration.Tests.Infrastructure;

/// <summary>ops/demo.sh, run against a test node: the Trà Vinh scenario and the source reports, through the API.</summary>
public static class DemoLoader
{
    public static async Task RunAsync(Uri baseAddress)
    {
        var script = Path.Combine(TestDatabase.RepositoryRoot(), "ops", "demo.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The demo mints its users' tokens with the node's key, as ops/demo.sh does with ops/run.sh's.
            Environment = { ["TUYENGIAO_URLS"] = baseAddress.ToString().TrimEnd('/'), ["Auth__SigningKey"] = TuyenGiaoNode.SigningKey },
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(process.ExitCode == 0, $"demo.sh failed ({process.ExitCode}): {await errors}\n{await output}");
    }
}

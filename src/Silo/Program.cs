using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TuyenGiao.Auditing;
using TuyenGiao.Silo;

// A grain-only node: joins the cluster named in configuration and hosts grains, without HTTP.
//   replay   joins the cluster as well, rebuilds every read model and snapshot from the events, reconciles each live
//            grain with its events, prints progress and every difference, and exits (1 when there are differences).
var replay = args.Length > 0 && args[0] == "replay";
var builder = Host.CreateApplicationBuilder(replay ? args[1..] : args);
if (replay)
    builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Logging.AddTuyenGiaoConsole(builder.Configuration);
builder.UseOrleans(silo => silo.AddTuyenGiaoSilo(builder.Configuration));
using var host = builder.Build();
if (!replay)
{
    await host.RunAsync();
    return 0;
}

await host.StartAsync();
var report = await host.Services.GetRequiredService<Replay>().RunAsync(new ConsoleProgress());
foreach (var difference in report.Differences)
    Console.WriteLine($"DIFFERENCE {difference.StreamId} at version {difference.Version}: {difference.What}");
Console.WriteLine($"replay: {report.Streams:N0} streams, {report.ReadModelDocuments:N0} documents and {report.Snapshots:N0} snapshots rebuilt in " +
                  $"{report.Seconds} s; {(report.Reconciled ? "every live grain agrees with its events" : $"{report.Differences.Count} differences")}");
await host.StopAsync();
return report.Reconciled ? 0 : 1;

/// <summary>Prints progress at once, in order (System.Progress would post it to the thread pool).</summary>
internal sealed class ConsoleProgress : IProgress<string>
{
    public void Report(string value) => Console.WriteLine($"replay: {value}");
}

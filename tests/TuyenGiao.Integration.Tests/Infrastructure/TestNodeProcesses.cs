using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using TuyenGiao.Api.Security;
using TuyenGiao.Testing;

namespace TuyenGiao.Integration.Tests.Infrastructure;

/// <summary>Nodes as their own processes, built in the configuration the tests run in, on a test database.</summary>
public static class TestNodeProcesses
{
    /// <summary>Debug or Release: the one these tests were built in, which built the Api alongside.</summary>
    public static string BuildConfiguration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

    /// <summary>Mints tokens that nodes started here accept (they share <see cref="TuyenGiaoNode.SigningKey"/>).</summary>
    public static readonly TokenIssuer Tokens = new(Options.Create(new AuthSettings { SigningKey = TuyenGiaoNode.SigningKey }));

    /// <summary>An HTTP client of one node, signed in with <paramref name="token"/>.</summary>
    public static HttpClient Client(NodeProcess node, string token)
    {
        var client = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>An Api with its silo in cluster <paramref name="cluster"/>, signing in with the tests' key; quiet unless told.</summary>
    public static async Task<NodeProcess> StartApiAsync(TestDatabase database, string cluster, string name,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var (silo, gateway) = NodeProcess.FreeOrleansPorts();
        var environment = new Dictionary<string, string>
        {
            ["TUYENGIAO_PG"] = database.ConnectionString,
            ["Orleans__ClusterId"] = cluster,
            ["Orleans__SiloPort"] = silo.ToString(),
            ["Orleans__GatewayPort"] = gateway.ToString(),
            ["Auth__SigningKey"] = TuyenGiaoNode.SigningKey,
            ["PersonalData__MasterKey"] = TuyenGiaoNode.MasterKey,
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            environment[key] = value;
        return await NodeProcess.StartApiAsync(TestDatabase.RepositoryRoot(), BuildConfiguration, name, environment, TimeSpan.FromSeconds(90));
    }
}

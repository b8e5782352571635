using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TuyenGiao.Access;
using TuyenGiao.Api;
using TuyenGiao.Api.Security;

namespace TuyenGiao.Integration.Tests.Infrastructure;

/// <summary>
/// One real node, as ops/run.sh starts it: the Api with a co-hosted silo, Kestrel on a free loopback port,
/// silo and gateway on free ports, clustered through PostgreSQL. Its <see cref="Http"/> client signs in as an
/// admin; <see cref="ClientAs"/> and <see cref="Anonymous"/> give clients for other users.
/// </summary>
public sealed class TuyenGiaoNode : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TuyenGiaoNode(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Tokens = app.Services.GetRequiredService<TokenIssuer>();
        Http = ClientAs("test-admin", Role.Admin);
    }

    /// <summary>One signing key for every node of the test run, so that a token works on any of them, as in a cluster.</summary>
    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>One personal data master key for every node of the test run (each run has databases of its own).</summary>
    public static readonly string MasterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public TokenIssuer Tokens { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>A client signed in with a token of this node's issuer; dispose it when done.</summary>
    public HttpClient ClientAs(string user, Role role, string? committeeCode = null)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Issue(user, role, committeeCode));
        return client;
    }

    /// <summary>A client with no token at all. Every answer it gets is held to the OpenAPI contract.</summary>
    public HttpClient Anonymous() => new(new Contract.ContractCheckingHandler()) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    /// <param name="time">A clock for the node; the system clock when null.</param>
    /// <param name="settings">Configuration on top of the defaults, for example Orleans:Mode.</param>
    /// <param name="services">Services registered before the node's own, which they replace where the node only tries to
    /// add its own (the event journal: a test may put one that injects faults in front of Marten's).</param>
    public static async Task<TuyenGiaoNode> StartAsync(
        string connectionString, string clusterId, TimeProvider? time = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var app = ApiApplication.Build([], builder =>
        {
            if (time is not null)
                builder.Services.AddSingleton(time);
            services?.Invoke(builder.Services);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            var values = new Dictionary<string, string?>
            {
                ["TUYENGIAO_PG"] = connectionString,
                ["Orleans:ClusterId"] = clusterId,
                ["Orleans:SiloPort"] = FreePort().ToString(),
                ["Orleans:GatewayPort"] = FreePort().ToString(),
                ["Auth:SigningKey"] = SigningKey,
                ["PersonalData:MasterKey"] = MasterKey,
                // A test node is used the moment it has started; its own warm-up requests would only interleave with the
                // test's (HealthTests turns it on; node processes keep it, as in production).
                ["Warmup:Enabled"] = "false",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
                values[key] = value;
            builder.Configuration.AddInMemoryCollection(values);
        });
        await app.StartAsync();
        return new TuyenGiaoNode(app, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>A loopback port nobody listens on now (for test nodes and the in-test identity provider).</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

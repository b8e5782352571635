using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace TuyenGiao.Api.Http;

/// <summary>
/// Behind a reverse proxy or an ingress, a connection's address is the proxy's: the quiz's per-address limit would hold
/// a whole province back as one address, and the sign-in log would name the proxy. The client's own address (and scheme)
/// is taken from X-Forwarded-For (X-Forwarded-Proto) only when the connection comes from a proxy named in
/// <c>Http:TrustedProxies</c> (addresses or networks, separated by commas, for example <c>10.0.0.0/8</c>); by default only
/// from this host, as ASP.NET Core does. Anyone else's header is ignored, so a client cannot pick its own address.
/// </summary>
public static class TrustedProxies
{
    public const string Setting = "Http:TrustedProxies";

    public static void AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var networks = Parse(builder.Configuration[Setting]);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var network in networks)
                o.KnownIPNetworks.Add(network);
        });
    }

    /// <summary>The trusted networks; a single address is a network of one. Empty entries are skipped; anything else that is not an address fails start-up.</summary>
    public static IReadOnlyList<IPNetwork> Parse(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
            return [new IPNetwork(IPAddress.Loopback, 8), new IPNetwork(IPAddress.IPv6Loopback, 128)];
        var networks = new List<IPNetwork>();
        foreach (var entry in setting.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (IPNetwork.TryParse(entry, out var network))
                networks.Add(network);
            else if (IPAddress.TryParse(entry, out var address))
                networks.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            else
                throw new InvalidOperationException($"{Setting}: '{entry}' is not an address or a network (for example 10.0.0.5 or 10.0.0.0/8).");
        }
        return networks;
    }
}

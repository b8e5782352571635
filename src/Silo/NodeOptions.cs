using System.Net;
using System.Net.Sockets;

namespace TuyenGiao.Silo;

/// <summary>
/// How this node joins the cluster; bound from the "Orleans" configuration section
/// (environment: Orleans__SiloPort, Orleans__GatewayPort, ...). Distinct ports let several nodes share one machine.
/// </summary>
public sealed class NodeOptions
{
    public const string Section = "Orleans";

    /// <summary>Nodes with the same cluster id on the same database form one cluster.</summary>
    public string ClusterId { get; set; } = "tuyengiao";

    public string ServiceId { get; set; } = "tuyengiao";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>
    /// The address other silos reach this one at: an IP (a pod's, in Kubernetes) or a host name that resolves to
    /// one (a compose service's name). Loopback by default, for a single machine.
    /// </summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>The IPv4 address to listen on and advertise; a name is resolved once, at start.</summary>
    public IPAddress ResolveAdvertisedAddress()
    {
        if (IPAddress.TryParse(AdvertisedAddress, out var address))
            return address;
        try
        {
            return Dns.GetHostAddresses(AdvertisedAddress).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                   ?? throw new InvalidOperationException($"{Section}:{nameof(AdvertisedAddress)} '{AdvertisedAddress}' has no IPv4 address");
        }
        catch (SocketException ex)
        {
            throw new InvalidOperationException(
                $"{Section}:{nameof(AdvertisedAddress)} '{AdvertisedAddress}' is neither an IP address nor a host name that resolves ({ex.Message})", ex);
        }
    }
}

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

    /// <summary>The address other silos reach this one at; loopback by default, for a single machine.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
}

using System.Net;
using TuyenGiao.Api.Http;
using IPNetwork = System.Net.IPNetwork;

namespace TuyenGiao.Integration.Tests.Hosting;

/// <summary>The proxies whose X-Forwarded-For is believed (Http:TrustedProxies): read once at start-up, a wrong entry named.</summary>
public class TrustedProxiesTests
{
    [Fact]
    public void Given_nothing_configured_When_read_Then_only_this_host_is_trusted()
    {
        var networks = TrustedProxies.Parse(null);

        Assert.Equal([IPNetwork.Parse("127.0.0.0/8"), IPNetwork.Parse("::1/128")], networks);
    }

    [Fact]
    public void Given_networks_and_single_addresses_separated_by_commas_When_read_Then_each_is_a_network_and_this_host_is_no_longer_implied()
    {
        var networks = TrustedProxies.Parse(" 10.0.0.0/8, 192.168.1.5 ,fd00::/8");

        Assert.Equal([IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("192.168.1.5/32"), IPNetwork.Parse("fd00::/8")], networks);
        Assert.DoesNotContain(networks, n => n.Contains(IPAddress.Loopback));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("ingress")]
    [InlineData("10.0.0.0/8;192.168.0.0/16")]
    public void Given_an_entry_that_is_no_address_When_read_Then_start_up_fails_naming_the_setting_and_the_entry(string setting)
    {
        var error = Assert.Throws<InvalidOperationException>(() => TrustedProxies.Parse(setting));

        Assert.Contains("Http:TrustedProxies", error.Message);
        Assert.Contains("is not an address or a network", error.Message);
    }
}

using System.Net;
using TuyenGiao.Silo;

namespace TuyenGiao.Integration.Tests.Hosting;

/// <summary>
/// The silo's advertised address as containers give it: an IP (a pod's) or a name (a compose service's). Resolving a
/// name asks the machine's resolver, which is why this sits with the integration tests.
/// </summary>
public class AdvertisedAddressTests
{
    [Theory]
    [InlineData("10.42.0.17")]
    [InlineData("127.0.0.1")]
    public void Given_an_IP_When_resolved_Then_it_is_taken_as_it_is(string ip) =>
        Assert.Equal(IPAddress.Parse(ip), new NodeOptions { AdvertisedAddress = ip }.ResolveAdvertisedAddress());

    [Fact]
    public void Given_a_host_name_When_resolved_Then_it_is_its_IPv4_address() =>
        Assert.Equal(IPAddress.Loopback, new NodeOptions { AdvertisedAddress = "localhost" }.ResolveAdvertisedAddress());

    [Fact]
    public void Given_a_name_that_does_not_resolve_When_the_silo_starts_Then_the_error_names_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new NodeOptions { AdvertisedAddress = "no-such-node.invalid" }.ResolveAdvertisedAddress());

        Assert.Contains("Orleans:AdvertisedAddress", error.Message);
        Assert.Contains("no-such-node.invalid", error.Message);
    }
}

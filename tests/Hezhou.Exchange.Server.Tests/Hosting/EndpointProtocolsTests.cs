using Hezhou.Exchange.Server.Hosting;

namespace Hezhou.Exchange.Server.Tests.Hosting;

/// <summary>
/// Matching an endpoint to its configured URL by port. That cleartext endpoints speak h2c and TLS endpoints both
/// HTTP versions is shown end to end by the REST, client and TlsEndpointTests tests.
/// </summary>
public sealed class EndpointProtocolsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", 5080)]
    [InlineData("https://*:5443", 5443)]
    [InlineData("https://+:5443/", 5443)]
    [InlineData("http://[::1]:5080", 5080)]
    [InlineData("http://127.0.0.1:0", 0)]
    [InlineData("https://exchange.example", 443)]
    [InlineData("http://[::1]", 80)]
    public void PortOf_KestrelUrl_IsItsPort(string url, int port) => Assert.Equal(port, EndpointProtocols.PortOf(url));
}

using Hezhou.Exchange.Server.Hosting;
using Hezhou.Exchange.Server.Tests.Infrastructure;

namespace Hezhou.Exchange.Server.Tests.Hosting;

public sealed class ServerDefaultsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://127.0.0.2:5080")]
    [InlineData("http://localhost:5080")]
    [InlineData("http://[::1]:5080")]
    [InlineData("https://0.0.0.0:5443")]
    [InlineData("https://*:5443")]
    public void EnsureCleartextOnlyOnLoopback_LoopbackOrTls_Passes(string url)
    {
        ServerDefaults.EnsureCleartextOnlyOnLoopback([url]);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://10.1.2.3:5080")]
    [InlineData("http://exchange.hezhou.gov.cn:80")]
    public void EnsureCleartextOnlyOnLoopback_CleartextElsewhere_Throws(string url)
    {
        var exception = Assert.Throws<InvalidOperationException>(() =>
            ServerDefaults.EnsureCleartextOnlyOnLoopback(["http://127.0.0.1:5080", url]));

        Assert.Contains(url, exception.Message);
    }

    [Fact]
    public async Task Start_CleartextOnEveryInterface_RefusesToStart()
    {
        var exception = await Assert.ThrowsAsync<ServerDidNotStartException>(() =>
            ServerProcess.StartAsync("http://0.0.0.0:0"));

        Assert.Contains("cleartext HTTP on an address other machines can reach", exception.Message);
    }
}

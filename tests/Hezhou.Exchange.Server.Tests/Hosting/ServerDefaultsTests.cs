using Hezhou.Exchange.Server.Errors;
using Hezhou.Exchange.Server.Hosting;
using Hezhou.Exchange.V1;
using Microsoft.Extensions.Configuration;

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
        var exception = Assert.Throws<ServerConfigurationException>(() =>
            ServerDefaults.EnsureCleartextOnlyOnLoopback(["http://127.0.0.1:5080", url]));

        Assert.Contains(url, exception.Message);
    }

    [Fact]
    public void ConfiguredUrls_EveryWayOfBinding_ListsEachAddress()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:5080;https://0.0.0.0:5443",
            ["http_ports"] = "8080",
            ["https_ports"] = "8443;9443",
            ["Kestrel:Endpoints:Public:Url"] = "https://10.1.2.3:443",
            ["Kestrel:Endpoints:Public:Certificate:Path"] = "exchange.pem",
        }).Build();

        var urls = ServerDefaults.ConfiguredUrls(configuration);

        Assert.Equal(
            ["http://127.0.0.1:5080", "https://0.0.0.0:5443", "http://*:8080", "https://*:8443", "https://*:9443", "https://10.1.2.3:443"],
            urls);
    }

    [Theory]
    [InlineData("http_ports", "8080")]
    [InlineData("Kestrel:Endpoints:Public:Url", "http://10.1.2.3:5080")]
    public void EnsureCleartextOnlyOnLoopback_CleartextOtherThanThroughUrls_Throws(string key, string value)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        Assert.Throws<ServerConfigurationException>(() =>
            ServerDefaults.EnsureCleartextOnlyOnLoopback(ServerDefaults.ConfiguredUrls(configuration)));
    }

    [Fact]
    public async Task Start_CleartextOnEveryInterface_RefusesToStart()
    {
        var exception = await Assert.ThrowsAsync<ServerDidNotStartException>(() =>
            ServerProcess.StartAsync("http://0.0.0.0:0"));

        Assert.Contains("cleartext HTTP on an address other machines can reach", exception.Message);
    }

    [Fact]
    public async Task Start_CleartextKestrelEndpointElsewhere_RefusesToStart()
    {
        // A documentation address (TEST-NET-1) no machine has: were the check missing, binding would fail too,
        // with another message, and nothing would listen beyond loopback.
        var exception = await Assert.ThrowsAsync<ServerDidNotStartException>(() => ServerProcess.StartAsync(
            settings: new Dictionary<string, string> { ["Kestrel:Endpoints:Public:Url"] = "http://192.0.2.1:0" }));

        Assert.Contains("cleartext HTTP on an address other machines can reach", exception.Message);
    }

    [Fact]
    public async Task Start_TlsKestrelEndpointWithCertificate_ServesOverTls()
    {
        using var authority = new TestCertificateAuthority("Hezhou Exchange Test CA");
        using var certificate = authority.IssueServer();
        var folder = Directory.CreateTempSubdirectory("hezhou-exchange-tls-").FullName;
        try
        {
            var (certificatePath, keyPath) = PemFiles.Write(certificate, folder, "server");
            await using var server = await ServerProcess.StartAsync(settings: new Dictionary<string, string>
            {
                ["Kestrel:Endpoints:Tls:Url"] = "https://127.0.0.1:0",
                ["Kestrel:Endpoints:Tls:Certificate:Path"] = certificatePath,
                ["Kestrel:Endpoints:Tls:Certificate:KeyPath"] = keyPath,
            });
            var handler = new SocketsHttpHandler();
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, errors) => authority.Validates(presented, errors);
            var client = new SubmissionService.SubmissionServiceClient(
                server.Channel(new ApiKeyHandler(DevelopmentKeys.Relocation, handler)));

            var response = await client.SubmitBatchAsync(Records.Batch("over-tls", Records.Site()), Deadlines.Call);

            Assert.Equal("https", server.Address.Scheme);
            Assert.Equal(1, response.Batch.AcceptedCount);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

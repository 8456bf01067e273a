using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using Hezhou.Exchange.V1;

namespace Hezhou.Exchange.Server.Tests.Rest;

/// <summary>
/// A TLS endpoint speaks HTTP/1.1 and HTTP/2 (ALPN chooses): gRPC clients and plain HTTP/1.1 clients such as curl or
/// a Prometheus scraper share it.
/// </summary>
public sealed class TlsEndpointTests : IAsyncLifetime
{
    private readonly string certificatePath = Path.Combine(
        Path.GetTempPath(), "hezhou-exchange-tests", $"tls-{Guid.NewGuid():N}.pfx");
    private ServerProcess server = null!;

    public async Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        Directory.CreateDirectory(Path.GetDirectoryName(certificatePath)!);
        await File.WriteAllBytesAsync(certificatePath, certificate.Export(X509ContentType.Pfx, "test"));

        server = await ServerProcess.StartAsync(url: null, settings: new Dictionary<string, string>
        {
            ["Kestrel__Endpoints__Tls__Url"] = "https://127.0.0.1:0",
            ["Kestrel__Endpoints__Tls__Certificate__Path"] = certificatePath,
            ["Kestrel__Endpoints__Tls__Certificate__Password"] = "test",
        });
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        File.Delete(certificatePath);
    }

    [Fact]
    public async Task RestAndMetrics_OverHttp11_AndGrpc_OverHttp2_ShareTheTlsEndpoint()
    {
        Assert.Equal("https", server.Address.Scheme);
        using var http11 = new HttpClient(TrustingHandler())
        {
            BaseAddress = server.Address,
            DefaultRequestVersion = HttpVersion.Version11,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        http11.DefaultRequestHeaders.Add("x-api-key", DevelopmentKeys.Auditor);

        using var statistics = await http11.GetAsync("/v1/statistics");
        using var metrics = await http11.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.OK, statistics.StatusCode);
        Assert.Equal(HttpVersion.Version11, statistics.Version);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);

        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions
        {
            HttpHandler = new ApiKeyHandler(DevelopmentKeys.Auditor, TrustingHandler()),
        });
        var response = await new AuditService.AuditServiceClient(channel)
            .GetStatisticsAsync(new GetStatisticsRequest(), Deadlines.Call);
        Assert.Equal(0, response.RelocatedPersons);
    }

    private static SocketsHttpHandler TrustingHandler() => new()
    {
        // The test's own self-signed certificate.
        SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true },
    };
}

using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;

namespace Hezhou.Exchange.Server.Tests.Infrastructure;

/// <summary>
/// The real server on https://127.0.0.1 with a certificate of its own test CA, trusting that CA for client
/// certificates and mapping three of them to principals: a department by subject, one by URI SAN, and an auditor by
/// DNS SAN. Each test starts its own: <c>await using var server = await MutualTlsServer.StartAsync();</c>
/// </summary>
public sealed class MutualTlsServer : IAsyncDisposable
{
    public const string HumanResourcesSubject = "CN=hr-system, O=Hezhou Human Resources";
    public static readonly Uri CivilAffairsUri = new("spiffe://exchange.hezhou.gov.cn/civil-affairs");
    public const string AuditorDnsName = "auditor.exchange.hezhou.gov.cn";

    private readonly ServerProcess server;
    private readonly string folder;

    private MutualTlsServer(TestCertificateAuthority authority, ServerProcess server, string folder)
    {
        Authority = authority;
        this.server = server;
        this.folder = folder;
    }

    /// <summary>The CA that issued the server's certificate and that the server trusts for client certificates.</summary>
    public TestCertificateAuthority Authority { get; }

    /// <param name="certificateRequired">Auth:Certificates:Required: no TLS connection without a client certificate.</param>
    public static async Task<MutualTlsServer> StartAsync(bool certificateRequired = false)
    {
        var folder = Directory.CreateTempSubdirectory("hezhou-exchange-tls-").FullName;
        var authority = new TestCertificateAuthority("Hezhou Exchange Test CA");
        using var serverCertificate = authority.IssueServer();
        var (certificatePath, keyPath) = PemFiles.Write(serverCertificate, folder, "server");
        var settings = new Dictionary<string, string>
        {
            ["Kestrel:Certificates:Default:Path"] = certificatePath,
            ["Kestrel:Certificates:Default:KeyPath"] = keyPath,
            ["Auth:Certificates:TrustedCaFile"] = authority.WriteCertificatePem(folder),
            ["Auth:Certificates:Required"] = certificateRequired ? "true" : "false",
            // Spelled without the space the certificates have: a subject matches by its parts, not its spelling.
            ["Auth:Certificates:Principals:0:Subject"] = "CN=hr-system,O=Hezhou Human Resources",
            ["Auth:Certificates:Principals:0:Name"] = "hr-system",
            ["Auth:Certificates:Principals:0:Role"] = "Department",
            ["Auth:Certificates:Principals:0:Department"] = "HumanResources",
            ["Auth:Certificates:Principals:1:San"] = CivilAffairsUri.ToString(),
            ["Auth:Certificates:Principals:1:Name"] = "civil-affairs-system",
            ["Auth:Certificates:Principals:1:Role"] = "Department",
            ["Auth:Certificates:Principals:1:Department"] = "CivilAffairs",
            ["Auth:Certificates:Principals:2:San"] = AuditorDnsName,
            ["Auth:Certificates:Principals:2:Name"] = "auditor-system",
            ["Auth:Certificates:Principals:2:Role"] = "Auditor",
        };
        try
        {
            var server = await ServerProcess.StartAsync("https://127.0.0.1:0", settings: settings);
            return new MutualTlsServer(authority, server, folder);
        }
        catch
        {
            authority.Dispose();
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// A channel that trusts the server by the test CA alone and presents the client certificate (always, whatever
    /// CAs the server names) and the API key, each when given.
    /// </summary>
    public GrpcChannel Channel(X509Certificate2? clientCertificate, string? apiKey = null)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => Authority.Validates(certificate, errors);
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
            handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate;
        }
        return server.Channel(new ApiKeyHandler(apiKey, handler));
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        Authority.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}

using System.Net;

namespace Hezhou.Exchange.Server.Hosting;

/// <summary>Where the server listens and where it finds its files when nothing else is configured.</summary>
public static class ServerDefaults
{
    /// <summary>Cleartext HTTP/2 on loopback: for local use only; any other binding needs TLS.</summary>
    public const string Url = "http://127.0.0.1:5080";

    /// <summary>A content root given on the command line (--contentRoot) or in ASPNETCORE_CONTENTROOT, if any.</summary>
    public static string? ExplicitContentRoot(string[] args) =>
        new ConfigurationBuilder().AddEnvironmentVariables("ASPNETCORE_").AddCommandLine(args).Build()["contentRoot"];

    /// <summary>
    /// Every way the server can be told where to listen: --urls / ASPNETCORE_URLS, the ports of
    /// ASPNETCORE_HTTP_PORTS / ASPNETCORE_HTTPS_PORTS (which bind every interface), and Kestrel:Endpoints:*:Url.
    /// </summary>
    public static IReadOnlyList<string> ConfiguredUrls(IConfiguration configuration) =>
        List(configuration["urls"])
            .Concat(List(configuration["http_ports"]).Select(port => $"http://*:{port}"))
            .Concat(List(configuration["https_ports"]).Select(port => $"https://*:{port}"))
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren()
                .Select(endpoint => endpoint["Url"]).OfType<string>())
            .ToList();

    /// <summary>
    /// Refuses to start on a cleartext endpoint that other machines can reach: departments' records and auditors'
    /// credentials cross the network only over TLS.
    /// </summary>
    public static void EnsureCleartextOnlyOnLoopback(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            if (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && !IsLoopback(url))
            {
                throw new InvalidOperationException(
                    $"{url} is cleartext HTTP on an address other machines can reach. Bind cleartext only to " +
                    "127.0.0.1, [::1] or localhost, and serve other addresses over https with a certificate " +
                    "(Kestrel:Endpoints:<name>:Url and :Certificate).");
            }
        }
    }

    private static string[] List(string? value) =>
        (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool IsLoopback(string url)
    {
        // Kestrel also accepts wildcard hosts (*, +, 0.0.0.0) that Uri cannot parse or that bind every interface.
        var host = url["http://".Length..].Split('/')[0];
        host = host.StartsWith('[') ? host[..(host.IndexOf(']') + 1)] : host.Split(':')[0];
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}

using System.Net;
using Hezhou.Exchange.Server.Errors;

namespace Hezhou.Exchange.Server.Hosting;

/// <summary>Where the server listens and where it finds its files when nothing else is configured.</summary>
public static class ServerDefaults
{
    /// <summary>Cleartext HTTP/2 on loopback: for local use only; any other binding needs TLS.</summary>
    public const string Url = "http://127.0.0.1:5080";

    /// <summary>
    /// Set by Properties/launchSettings.json, so only under <c>dotnet run</c>: the environment to run in when the
    /// caller names none. A profile's own ASPNETCORE_ENVIRONMENT would override the caller's, so that
    /// <c>ASPNETCORE_ENVIRONMENT=Production dotnet run</c> ran in Development with the published development keys.
    /// </summary>
    public const string LaunchEnvironmentVariable = "HEZHOU_LAUNCH_ENVIRONMENT";

    /// <summary>
    /// The environment to run in when the caller named none (in ASPNETCORE_ENVIRONMENT, DOTNET_ENVIRONMENT or
    /// --environment) but <c>dotnet run</c> set <see cref="LaunchEnvironmentVariable"/>; otherwise null, and the host
    /// decides as usual (Production when nothing is named). A deployed server is never started by <c>dotnet run</c>,
    /// so nothing here can make it Development by default.
    /// </summary>
    public static string? LaunchEnvironment(string[] args, Func<string, string?> environmentVariable)
    {
        // The host's own order: the command line over ASPNETCORE_ENVIRONMENT over DOTNET_ENVIRONMENT.
        var named = new ConfigurationBuilder().AddCommandLine(args).Build()["environment"];
        if (string.IsNullOrEmpty(named))
        {
            named = environmentVariable("ASPNETCORE_ENVIRONMENT");
        }
        if (string.IsNullOrEmpty(named))
        {
            named = environmentVariable("DOTNET_ENVIRONMENT");
        }
        return string.IsNullOrEmpty(named) && environmentVariable(LaunchEnvironmentVariable) is { Length: > 0 } launch ? launch : null;
    }

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
                throw new ServerConfigurationException(
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

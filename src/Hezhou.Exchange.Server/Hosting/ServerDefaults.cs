namespace Hezhou.Exchange.Server.Hosting;

/// <summary>Where the server listens and where it finds its files when nothing else is configured.</summary>
public static class ServerDefaults
{
    /// <summary>Cleartext HTTP/2 on loopback: for local use only; any other binding needs TLS.</summary>
    public const string Url = "http://127.0.0.1:5080";

    /// <summary>A content root given on the command line (--contentRoot) or in ASPNETCORE_CONTENTROOT, if any.</summary>
    public static string? ExplicitContentRoot(string[] args) =>
        new ConfigurationBuilder().AddEnvironmentVariables("ASPNETCORE_").AddCommandLine(args).Build()["contentRoot"];

    /// <summary>Whether URLs or Kestrel endpoints were configured (--urls, ASPNETCORE_URLS, Kestrel:Endpoints).</summary>
    public static bool HasConfiguredEndpoints(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["urls"])
        || !string.IsNullOrWhiteSpace(configuration["http_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
}

using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hezhou.Exchange.Server.Hosting;

/// <summary>
/// Which HTTP versions each endpoint speaks. gRPC needs HTTP/2; the REST API, the OpenAPI document and the metrics
/// are also wanted over HTTP/1.1. Over TLS both are offered and ALPN picks one per connection. Over cleartext Kestrel
/// cannot tell an HTTP/2 client from an HTTP/1.1 one (it would speak only HTTP/1.1 and break gRPC), so a cleartext
/// endpoint speaks HTTP/2 with prior knowledge (h2c) only: gRPC clients, <c>curl --http2-prior-knowledge</c>, and
/// HttpClient with HTTP/2 requested exactly. An endpoint's own Kestrel:Endpoints:&lt;name&gt;:Protocols setting wins
/// over this default (e.g. an extra loopback endpoint with Protocols Http1 for a Prometheus scraper).
/// </summary>
public static class EndpointProtocols
{
    /// <summary>The default for an endpoint: HTTP/1.1 and HTTP/2 when it is one of the https URLs, else HTTP/2.</summary>
    public static HttpProtocols For(ListenOptions endpoint, IReadOnlyList<string> urls)
    {
        var port = endpoint.IPEndPoint?.Port;
        var matching = urls.Where(url => port is not null && PortOf(url) == port).ToList();
        return matching.Count > 0 && matching.All(IsHttps) ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http2;
    }

    private static bool IsHttps(string url) => url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The port of a Kestrel URL (whose host may be a wildcard such as * or +), or its scheme's default.</summary>
    public static int? PortOf(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return null;
        }
        var authority = url[(schemeEnd + 3)..].Split('/')[0];
        var portStart = authority.LastIndexOf(':');
        if (portStart < 0 || authority.LastIndexOf(']') > portStart)
        {
            return IsHttps(url) ? 443 : 80;
        }
        return int.TryParse(authority[(portStart + 1)..], out var port) ? port : null;
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;

namespace Hezhou.Exchange.Server.Hosting;

/// <summary>
/// Another process already listens where the server was told to: one line naming the address and the settings that
/// move it, instead of the host's stack trace and the runtime's abort (and core dump).
/// </summary>
public static partial class AddressInUse
{
    /// <summary>
    /// EX_TEMPFAIL of sysexits.h: not the server's configuration as such (78), since the other process may go away;
    /// a supervisor may try again later.
    /// </summary>
    public const int ExitCode = 75;

    /// <summary>Whether the exception is Kestrel failing to bind because the address is taken.</summary>
    public static bool Is(Exception exception) =>
        exception is IOException { InnerException: AddressInUseException } or AddressInUseException;

    /// <summary>
    /// The first of the URLs whose port another process already listens on, found by binding it for a moment; null
    /// when all are free. Checked before the host starts: once it has, Kestrel's failure to bind comes after the
    /// store's migration and the background services' start, and the host logs it, and their cancellation, with
    /// stack traces. A port taken between this check and Kestrel's bind still gets the one line, after those logs.
    /// </summary>
    public static string? FirstTaken(IEnumerable<string> urls)
    {
        foreach (var url in urls)
        {
            foreach (var endpoint in Endpoints(url))
            {
                try
                {
                    using var probe = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                    probe.Bind(endpoint);
                    probe.Listen();
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
                {
                    return url;
                }
                catch (SocketException)
                {
                    // No IPv6 on this machine, an address this machine does not have, ...: Kestrel says what is
                    // wrong with those itself.
                }
            }
        }
        return null;
    }

    /// <summary>The line to print when the check before start found <paramref name="url"/> taken.</summary>
    public static string Message(string url) =>
        $"Hezhou.Exchange.Server could not start: {url} is already in use by another process. Stop that process, or " +
        "listen elsewhere with --urls, ASPNETCORE_URLS or Urls in configuration (e.g. --urls http://127.0.0.1:5081).";

    /// <summary>The line to print: the address (from Kestrel's message when it names one) and what to change.</summary>
    public static string Message(Exception exception, IReadOnlyList<string> configuredUrls)
    {
        var address = BoundAddress().Match(exception.Message) is { Success: true } match
            ? match.Groups["address"].Value
            : string.Join(", ", configuredUrls);
        return Message(address);
    }

    private static IEnumerable<IPEndPoint> Endpoints(string url)
    {
        // Kestrel's URL forms: scheme://host:port[/path], host an IP, [IPv6], localhost, or a wildcard (*, +).
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            yield break;
        }
        var authority = url[(schemeEnd + 3)..].Split('/')[0];
        var portStart = authority.LastIndexOf(':');
        if (portStart < 0 || authority.EndsWith(']') || !int.TryParse(authority[(portStart + 1)..], out var port) || port == 0)
        {
            // No port, or port 0 (a free one): nothing can be taken.
            yield break;
        }
        var host = authority[..portStart].Trim('[', ']');
        if (host is "*" or "+")
        {
            yield return new IPEndPoint(IPAddress.Any, port);
        }
        else if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            yield return new IPEndPoint(IPAddress.Loopback, port);
            yield return new IPEndPoint(IPAddress.IPv6Loopback, port);
        }
        else if (IPAddress.TryParse(host, out var address))
        {
            yield return new IPEndPoint(address, port);
        }
    }

    // Kestrel's CoreStrings.EndpointAlreadyInUse: "Failed to bind to address {address}: address already in use."
    [GeneratedRegex(@"bind to address (?<address>\S+?):? address already in use", RegexOptions.IgnoreCase)]
    private static partial Regex BoundAddress();
}

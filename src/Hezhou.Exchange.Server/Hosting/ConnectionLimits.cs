using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hezhou.Exchange.Server.Hosting;

/// <summary>
/// The "Connections" configuration section: how long Kestrel keeps a connection that does nothing useful. Its own
/// defaults let a connection that sends nothing, or only part of the HTTP/2 preface, hold a socket for over two minutes;
/// a few of those per second would exhaust the server's connections.
/// </summary>
public sealed class ConnectionLimits
{
    public const string SectionName = "Connections";

    /// <summary>
    /// Kestrel's KeepAliveTimeout: a connection with no request in progress is closed after this long. On an HTTP/2
    /// connection it also runs from the moment the connection opens until the client's preface is complete, so it bounds
    /// a client that connects and sends nothing, or part of the preface, too.
    /// </summary>
    public double IdleTimeoutSeconds { get; set; } = 15;

    /// <summary>Kestrel's RequestHeadersTimeout: the most time a client may take to send a request's headers.</summary>
    public double RequestHeadersTimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// An HTTP/2 connection from which nothing has arrived for this long is sent a PING; a peer that does not answer
    /// within <see cref="KeepAlivePingTimeoutSeconds"/> is gone, and its connection is closed even while a call is open
    /// on it (a watch, say), which the idle timeout does not close.
    /// </summary>
    public double KeepAlivePingDelaySeconds { get; set; } = 30;

    public double KeepAlivePingTimeoutSeconds { get; set; } = 20;

    public static ConnectionLimits From(IConfiguration configuration)
    {
        var limits = configuration.GetSection(SectionName).Get<ConnectionLimits>() ?? new ConnectionLimits();
        double[] seconds =
            [limits.IdleTimeoutSeconds, limits.RequestHeadersTimeoutSeconds, limits.KeepAlivePingDelaySeconds,
                limits.KeepAlivePingTimeoutSeconds];
        if (seconds.Any(value => !(value > 0)))
        {
            throw new InvalidOperationException(
                $"{SectionName}:IdleTimeoutSeconds, :RequestHeadersTimeoutSeconds, :KeepAlivePingDelaySeconds and " +
                ":KeepAlivePingTimeoutSeconds must be positive numbers of seconds.");
        }
        return limits;
    }

    public void ApplyTo(KestrelServerLimits kestrel)
    {
        kestrel.KeepAliveTimeout = TimeSpan.FromSeconds(IdleTimeoutSeconds);
        kestrel.RequestHeadersTimeout = TimeSpan.FromSeconds(RequestHeadersTimeoutSeconds);
        kestrel.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(KeepAlivePingDelaySeconds);
        kestrel.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(KeepAlivePingTimeoutSeconds);
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Hezhou.Exchange.Server.Tests.Telemetry;

/// <summary>
/// A stand-in OpenTelemetry collector on 127.0.0.1: takes OTLP/HTTP protobuf exports (POST /v1/traces, /v1/metrics,
/// /v1/logs) and keeps their bodies. Protobuf carries strings as UTF-8, so tests look for text in the bytes.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly List<(string Path, byte[] Body)> exports = [];
    private readonly Task loop;

    public OtlpReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        listener.Prefixes.Add($"{Endpoint}");
        listener.Start();
        loop = Task.Run(ReceiveAsync);
    }

    public Uri Endpoint { get; }

    /// <summary>Waits until an export to <paramref name="path"/> holds <paramref name="text"/>.</summary>
    public async Task<bool> WaitForAsync(string path, string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Bodies(path).Any(body => body.Contains(text, StringComparison.Ordinal)))
            {
                return true;
            }
            await Task.Delay(100);
        }
        return false;
    }

    /// <summary>Every body received at the path, as text (Latin-1, so that any UTF-8 string in it stays findable).</summary>
    public IReadOnlyList<string> Bodies(string? path = null)
    {
        lock (exports)
        {
            return exports.Where(e => path is null || e.Path == path)
                .Select(e => Encoding.Latin1.GetString(e.Body))
                .ToList();
        }
    }

    private async Task ReceiveAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (!listener.IsListening)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            lock (exports)
            {
                exports.Add((context.Request.Url!.AbsolutePath, body.ToArray()));
            }
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        await loop.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}

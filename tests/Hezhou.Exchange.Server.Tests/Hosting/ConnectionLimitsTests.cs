using System.Net;
using System.Net.Sockets;
using Grpc.Health.V1;

namespace Hezhou.Exchange.Server.Tests.Hosting;

/// <summary>
/// Connections to the real server (Kestrel on 127.0.0.1) that send nothing, part of the HTTP/2 preface, or the preface
/// and then nothing, are closed once Connections:IdleTimeoutSeconds has passed, rather than after Kestrel's own two
/// minutes. The limit is set short here; the bound each test waits is well above it and well below Kestrel's default.
/// </summary>
public sealed class ConnectionLimitsTests
{
    private static readonly Dictionary<string, string> ShortIdle = new() { ["Connections:IdleTimeoutSeconds"] = "2" };

    /// <summary>Well below Kestrel's default of 130 s, so that only the configured limit can close the connection in time.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Connection_SendsNothing_IsClosedByTheServer()
    {
        await using var server = await ServerProcess.StartAsync(settings: ShortIdle);
        using var socket = await ConnectAsync(server);

        Assert.True(await ClosedByServerAsync(socket), $"The server kept a silent connection open past {Bound}.");
    }

    [Fact]
    public async Task Connection_SendsPartOfThePreface_IsClosedByTheServer()
    {
        await using var server = await ServerProcess.StartAsync(settings: ShortIdle);
        using var socket = await ConnectAsync(server);

        await SendAsync(socket, "PRI * HTTP/2.0\r\n"u8.ToArray());

        Assert.True(await ClosedByServerAsync(socket), $"The server kept a connection with half a preface open past {Bound}.");
    }

    [Fact]
    public async Task Connection_SendsThePrefaceThenNoRequest_IsClosedByTheServer()
    {
        await using var server = await ServerProcess.StartAsync(settings: ShortIdle);
        using var socket = await ConnectAsync(server);

        // The preface, then an empty SETTINGS frame: a complete HTTP/2 connection with no stream ever opened.
        byte[] settings = [0, 0, 0, 4, 0, 0, 0, 0, 0];
        await SendAsync(socket, [.. "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray(), .. settings]);

        Assert.True(await ClosedByServerAsync(socket), $"The server kept an idle HTTP/2 connection open past {Bound}.");
    }

    [Fact]
    public async Task Connection_ShortIdleTimeout_StillServesCalls()
    {
        await using var server = await ServerProcess.StartAsync(settings: ShortIdle);
        using var channel = server.Channel(apiKey: null);
        var health = new Health.HealthClient(channel);

        var before = await health.CheckAsync(new HealthCheckRequest(), Deadlines.Call);
        // Longer than the idle timeout: the channel's connection is closed and the next call opens another.
        await Task.Delay(TimeSpan.FromSeconds(4));
        var after = await health.CheckAsync(new HealthCheckRequest(), Deadlines.Call);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, before.Status);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, after.Status);
    }

    private static async Task<Socket> ConnectAsync(ServerProcess server)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.Address.Port)).WaitAsync(Bound);
        return socket;
    }

    private static async Task SendAsync(Socket socket, byte[] bytes)
    {
        using var timeout = new CancellationTokenSource(Bound);
        await socket.SendAsync(bytes, SocketFlags.None, timeout.Token);
    }

    /// <summary>Reads (and drops whatever the server sends, e.g. its SETTINGS) until the server closes or the bound passes.</summary>
    private static async Task<bool> ClosedByServerAsync(Socket socket)
    {
        using var timeout = new CancellationTokenSource(Bound);
        var buffer = new byte[4096];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) > 0)
            {
            }
            return true;
        }
        catch (SocketException)
        {
            return true; // Reset rather than closed: closed all the same.
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

using System.Net;
using System.Net.Sockets;
using Hezhou.Exchange.Server.Hosting;

namespace Hezhou.Exchange.Server.Tests.Hosting;

public sealed class AddressInUseTests
{
    [Fact]
    public async Task Start_PortAlreadyInUse_ExitsWithOneLineNamingTheAddressAndNoStackTrace()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)occupant.LocalEndpoint).Port}";

        var refused = await Assert.ThrowsAsync<ServerDidNotStartException>(() => ServerProcess.StartAsync(url));

        Assert.Equal(AddressInUse.ExitCode, refused.ExitCode);
        var lines = refused.Output.Split('\n');
        var line = Assert.Single(lines, l => l.Contains("already in use", StringComparison.Ordinal));
        Assert.Contains(url, line, StringComparison.Ordinal);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_URLS", line, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.DoesNotContain("Unhandled exception", refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", refused.Output, StringComparison.Ordinal);
    }
}

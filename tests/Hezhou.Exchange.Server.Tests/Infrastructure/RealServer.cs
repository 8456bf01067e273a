using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Hezhou.Exchange.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Tests.Infrastructure;

/// <summary>
/// One real server process shared by the tests of a collection that only add to its store (each under its own batch
/// ids) and never depend on what the others sent: the hostile-input corpus and the permission matrix.
/// </summary>
public sealed class RealServer : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, GrpcChannel> channels = new();
    private ServerProcess? server;

    public ServerProcess Process => server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => server = await ServerProcess.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var channel in channels.Values)
        {
            channel.Dispose();
        }
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>A call invoker sending the given API key (none when null), one channel per key.</summary>
    public CallInvoker Invoker(string? apiKey) =>
        channels.GetOrAdd(apiKey ?? "", _ => Process.Channel(apiKey)).CreateCallInvoker();

    /// <summary>The standard health check, without a key, as a load balancer asks it.</summary>
    public async Task<HealthCheckResponse.Types.ServingStatus> HealthAsync()
    {
        var response = await new Health.HealthClient(Invoker(null)).CheckAsync(new HealthCheckRequest(), Deadlines.Call);
        return response.Status;
    }

    /// <summary>A read-only look at the server's store, opened and closed by the caller.</summary>
    public ExchangeDbContext OpenStore() =>
        new(new DbContextOptionsBuilder<ExchangeDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder
            {
                DataSource = Process.DatabasePath,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString())
            .Options);
}

/// <summary>The tests that share one <see cref="RealServer"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class RealServerCollection : ICollectionFixture<RealServer>
{
    public const string Name = "Real server";
}

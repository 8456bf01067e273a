using Grpc.Net.Client;
using Hezhou.Exchange.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Hezhou.Exchange.Testing;

/// <summary>
/// The server hosted in-process over its own fresh SQLite file, with the development keys. Each test builds its own:
/// <c>await using var app = new ExchangeApplication();</c>
/// </summary>
public sealed class ExchangeApplication : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly bool keepDatabase;
    private readonly TimeProvider? clock;
    private readonly IInterceptor[] storeInterceptors;

    /// <param name="databasePath">An existing store to open (as after a restart); a fresh one when null.</param>
    /// <param name="clock">The server's clock; the system clock when null.</param>
    /// <param name="storeInterceptors">EF Core interceptors added to the server's store (e.g. to inject faults).</param>
    public ExchangeApplication(
        IReadOnlyDictionary<string, string?>? settings = null,
        string? databasePath = null,
        TimeProvider? clock = null,
        params IInterceptor[] storeInterceptors)
    {
        this.clock = clock;
        this.storeInterceptors = storeInterceptors;
        DatabasePath = databasePath ?? TestPaths.NewDatabasePath();
        keepDatabase = databasePath is not null;
        this.settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Exchange"] = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            this.settings[key] = value;
        }
    }

    public string DatabasePath { get; }

    /// <summary>The access log's own SQLite file, beside the store's.</summary>
    public string AccessLogPath => AccessLogStore.PathFor(DatabasePath);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
        if (storeInterceptors.Length > 0)
        {
            builder.ConfigureTestServices(services =>
                services.ConfigureDbContext<ExchangeDbContext>(db => db.AddInterceptors(storeInterceptors)));
        }
    }

    /// <summary>A gRPC channel to the in-process server that sends the given API key (none when null).</summary>
    public GrpcChannel Channel(string? apiKey) =>
        GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new ApiKeyHandler(apiKey, Server.CreateHandler()),
            MaxReceiveMessageSize = null,
            MaxSendMessageSize = null,
        });

    public V1.SubmissionService.SubmissionServiceClient Submissions(string? apiKey) => new(Channel(apiKey));

    public V1.AuditService.AuditServiceClient Audit(string? apiKey) => new(Channel(apiKey));

    /// <summary>A read-only look at the store behind the service, for asserting what was kept.</summary>
    public ExchangeDbContext OpenStore() => Open(DatabasePath);

    /// <summary>A look at the access log's own file, for asserting what was logged.</summary>
    public ExchangeDbContext OpenAccessLog() => Open(AccessLogPath);

    private static ExchangeDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<ExchangeDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString())
            .Options);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!keepDatabase)
        {
            TestPaths.DeleteDatabase(DatabasePath);
        }
    }
}

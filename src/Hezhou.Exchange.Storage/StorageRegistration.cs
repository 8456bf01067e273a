using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hezhou.Exchange.Storage;

/// <summary>
/// Chooses the store from configuration and registers what reaches it: the pooled DbContext for the chosen provider
/// (with each provider's own migrations assembly), the kept readers, the access log's place and the write gate.
/// </summary>
public static class StorageRegistration
{
    public const string SqliteMigrationsAssembly = "Hezhou.Exchange.Storage.Sqlite";
    public const string SqlServerMigrationsAssembly = "Hezhou.Exchange.Storage.SqlServer";
    public const string ConnectionStringName = "Exchange";

    public static IServiceCollection AddExchangeStore(
        this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = options.Provider == StorageProvider.Sqlite
                ? DefaultSqliteConnectionString(contentRoot)
                : throw new InvalidOperationException(
                    $"Storage:Provider is {options.Provider}, which needs ConnectionStrings:{ConnectionStringName}.");
        }

        services.AddSingleton(options);
        // Pooled: a new context resolved EF's internal services and looked for a compiled model by reflection on every
        // call, a cost every read paid for nothing; a pooled one is reset and handed out again.
        services.AddDbContextPool<ExchangeDbContext>(db => Configure(db, options.Provider, connectionString));
        services.AddSingleton<StoreReaders>();
        services.AddSingleton<AccessLogStore>();
        services.AddSingleton<StoreWriteGate>();
        services.AddScoped<TransactionLocks>();
        return services;
    }

    /// <summary>
    /// The server's options (provider, migrations, interceptors, execution strategy) with their connection changed: another
    /// connection string, or a connection of a context's own.
    /// </summary>
    public static DbContextOptionsBuilder<ExchangeDbContext> WithConnection(
        DbContextOptions<ExchangeDbContext> shared, Func<RelationalOptionsExtension, RelationalOptionsExtension> change)
    {
        var options = new DbContextOptionsBuilder<ExchangeDbContext>(shared);
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(change(RelationalOptionsExtension.Extract(shared)));
        return options;
    }

    /// <summary>The full path of the SQLite file a context's connection names.</summary>
    public static string SqliteFile(ExchangeDbContext db) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);

    /// <summary>The connection string of the embedded default: data/exchange.db under the content root.</summary>
    public static string DefaultSqliteConnectionString(string contentRoot) =>
        new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(contentRoot, "data", "exchange.db"),
            Pooling = true,
        }.ToString();

    // The reconciler asks about thousands of keys at once; one parameter per key would pass SQLite's limit on
    // variables, so a list goes as one JSON parameter (json_each on SQLite, OPENJSON on SQL Server).
    private const ParameterTranslationMode OneParameterPerList = ParameterTranslationMode.Parameter;

    // Both providers retry a unit of work that failed transiently (SQLite: locked by another process; SQL Server: EF's
    // transient errors — a dropped connection, a deadlock, a failover). A retrying strategy refuses transactions begun
    // outside it, so every write transaction of the server runs inside CreateExecutionStrategy().ExecuteAsync.
    public static void Configure(DbContextOptionsBuilder options, StorageProvider provider, string connectionString)
    {
        switch (provider)
        {
            case StorageProvider.Sqlite:
                SqliteMemoryStatistics.TurnOff();
                options.UseSqlite(connectionString, sqlite => sqlite
                    .MigrationsAssembly(SqliteMigrationsAssembly)
                    .UseParameterizedCollectionMode(OneParameterPerList)
                    .ExecutionStrategy(dependencies => new SqliteBusyRetryingExecutionStrategy(dependencies)));
                break;
            case StorageProvider.SqlServer:
                options.UseSqlServer(connectionString, sqlServer => sqlServer
                    .MigrationsAssembly(SqlServerMigrationsAssembly)
                    .UseParameterizedCollectionMode(OneParameterPerList)
                    .EnableRetryOnFailure());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider.");
        }
    }
}

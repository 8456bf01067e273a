using Hezhou.Exchange.Server.Ledger;
using Hezhou.Exchange.Server.Statistics;
using Hezhou.Exchange.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Hosting;

/// <summary>Chooses the store from configuration and brings its schema up to date on start.</summary>
public static class StoreSetup
{
    public const string ConnectionStringName = "Exchange";

    public static IServiceCollection AddExchangeStore(
        this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = options.Provider == StorageProvider.Sqlite
                ? StorageRegistration.DefaultSqliteConnectionString(contentRoot)
                : throw new InvalidOperationException(
                    $"Storage:Provider is {options.Provider}, which needs ConnectionStrings:{ConnectionStringName}.");
        }

        services.AddSingleton(options);
        // Pooled: a new context resolved EF's internal services and looked for a compiled model by reflection on every
        // call, a cost every read paid for nothing; a pooled one is reset and handed out again.
        services.AddDbContextPool<ExchangeDbContext>(db => StorageRegistration.Configure(db, options.Provider, connectionString));
        services.AddSingleton<StoreReaders>();
        services.AddSingleton<AccessLogStore>();
        return services;
    }

    /// <summary>
    /// Creates the SQLite file's folder if needed, applies every pending migration, chains in the ledger the rows
    /// the store held before it had one, gives the access log its own SQLite file (<see cref="AccessLogStore"/>) and
    /// moves there a log the store held, and sums the indicators per scope if the store has tallies but no sums.
    /// </summary>
    public static async Task MigrateExchangeStoreAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreSetup));
        await MigrateAsync(db, "Store", logger, cancellationToken);
        await LedgerBackfill.ChainRowsFromBeforeTheLedgerAsync(db, logger, cancellationToken);
        if (scope.ServiceProvider.GetRequiredService<AccessLogStore>().Options is { } logOptions)
        {
            await using var log = new ExchangeDbContext(logOptions);
            await MigrateAsync(log, "Access log", logger, cancellationToken);
            var moved = await AccessLogStore.MoveFromStoreAsync(db, log, cancellationToken);
            if (moved > 0)
            {
                logger.LogInformation("Access log: moved the store's log, through sequence {Sequence}, into its own file", moved);
            }
        }
        var aggregates = scope.ServiceProvider.GetRequiredService<IndicatorAggregates>();
        var scopes = await db.Database.CreateExecutionStrategy().ExecuteAsync(
            aggregates.SumFromHouseholdsIfMissingAsync, cancellationToken);
        if (scopes > 0)
        {
            logger.LogInformation("Indicators: summed {Scopes} scopes from the household tallies of a store without sums", scopes);
        }
    }

    /// <summary>Says where <paramref name="name"/> is kept, creating a SQLite file's folder, and migrates it.</summary>
    private static async Task MigrateAsync(ExchangeDbContext db, string name, ILogger logger, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            var path = StorageRegistration.SqliteFile(db);
            if (Path.GetDirectoryName(path) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
            logger.LogInformation("{Name}: SQLite at {Path}", name, path);
        }
        else
        {
            logger.LogInformation("{Name}: SQL Server", name);
        }
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets auditors read while a department writes; it persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}

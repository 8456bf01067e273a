using Hezhou.Exchange.Server.Ledger;
using Hezhou.Exchange.Server.Statistics;
using Hezhou.Exchange.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Hosting;

/// <summary>Brings the store up to date on start: its schema (Storage), then what features derive from older stores.</summary>
public static class StoreSetup
{
    /// <summary>
    /// Applies every pending migration, chains in the ledger the rows the store held before it had one, gives the
    /// access log its own SQLite file and moves there a log the store held, and sums the indicators per scope if the
    /// store has tallies but no sums.
    /// </summary>
    public static async Task MigrateExchangeStoreAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ExchangeDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreSetup));
        await StoreMigrations.MigrateAsync(db, "Store", logger, cancellationToken);
        await LedgerBackfill.ChainRowsFromBeforeTheLedgerAsync(db, logger, cancellationToken);
        await StoreMigrations.MigrateAccessLogAsync(
            db, scope.ServiceProvider.GetRequiredService<AccessLogStore>(), logger, cancellationToken);
        var aggregates = scope.ServiceProvider.GetRequiredService<IndicatorAggregates>();
        var scopes = await db.Database.CreateExecutionStrategy().ExecuteAsync(
            aggregates.SumFromHouseholdsIfMissingAsync, cancellationToken);
        if (scopes > 0)
        {
            logger.LogInformation("Indicators: summed {Scopes} scopes from the household tallies of a store without sums", scopes);
        }
    }
}

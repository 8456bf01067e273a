using Hezhou.Exchange.Storage;
using Hezhou.Exchange.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Server.Ledger;

/// <summary>
/// Chains the rows a store held before the ledger existed. On start, before the service takes calls, a chain that is
/// still empty gets its table's unchained rows appended in Id order, in one transaction, so that a start cut short
/// leaves the chain empty and the next start does it again. Once a chain has rows the server never chains a row it
/// did not append itself: a row without a sequence is then one added behind its back, and verification reports it.
/// </summary>
public static class LedgerBackfill
{
    private const int PageSize = 1_000;

    public static async Task ChainRowsFromBeforeTheLedgerAsync(ExchangeDbContext db, ILogger logger, CancellationToken cancellationToken)
    {
        // Its transaction is a unit of work for the store's execution strategy, as every other write is.
        var strategy = db.Database.CreateExecutionStrategy();
        var versions = await strategy.ExecuteAsync(
            token => ChainAsync(db, db.SourceVersions, LedgerChains.SourceVersions, token), cancellationToken);
        var reads = await strategy.ExecuteAsync(
            token => ChainAsync(db, db.AccessLog, LedgerChains.AccessLog, token), cancellationToken);
        if (versions + reads > 0)
        {
            logger.LogInformation(
                "Ledger: chained {Versions} source versions and {Reads} access-log entries written before the ledger",
                versions, reads);
        }
    }

    private static async Task<long> ChainAsync<T>(
        ExchangeDbContext db, DbSet<T> table, string chain, CancellationToken cancellationToken)
        where T : class, IChainedRow
    {
        var unchained = await table.LongCountAsync(r => r.LedgerSequence == null, cancellationToken);
        if (unchained == 0)
        {
            return 0;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ledger = await LedgerWriter.OpenAsync(db, chain, cancellationToken);
        if (ledger.Sequence != 0)
        {
            return 0;
        }
        var chained = 0L;
        var after = 0L;
        while (chained < unchained)
        {
            var page = await table
                .Where(r => r.LedgerSequence == null && r.Id > after)
                .OrderBy(r => r.Id)
                .Take(PageSize)
                .ToListAsync(cancellationToken);
            if (page.Count == 0)
            {
                break;
            }
            await ledger.AppendAsync(page, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            chained += page.Count;
            after = page[^1].Id;
        }
        await transaction.CommitAsync(cancellationToken);
        return chained;
    }
}

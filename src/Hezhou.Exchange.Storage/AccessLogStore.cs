using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Hezhou.Exchange.Storage;

/// <summary>
/// Where the access log is kept (its entries, their index by subject and the head of its ledger chain). On SQLite it is
/// a database file of its own beside the store's, migrated like it: the reads of personal data it records come every
/// moment, and SQLite drops every connection's page cache of a file whenever another connection commits to it, so in
/// the store's file each read's own entry made the next reads fetch all their pages again (docs/decisions/0001-*.md).
/// On SQL Server, whose buffer pool is shared, it stays in the store's database.
/// </summary>
public sealed class AccessLogStore
{
    /// <summary>What the log's file adds to the name of the store's: <c>exchange.db</c> has <c>exchange.access-log.db</c>.</summary>
    public const string FileSuffix = ".access-log";

    public AccessLogStore(DbContextOptions<ExchangeDbContext> store, StorageOptions storage)
    {
        if (storage.Provider == StorageProvider.Sqlite)
        {
            Options = StorageRegistration.WithConnection(store, relational =>
            {
                var connection = new SqliteConnectionStringBuilder(relational.ConnectionString);
                connection.DataSource = PathFor(connection.DataSource);
                return relational.WithConnectionString(connection.ToString());
            }).Options;
        }
    }

    /// <summary>
    /// The server's options with the log's file in place of the store's (its interceptors and execution strategy
    /// included); null where the log is kept in the store's database.
    /// </summary>
    public DbContextOptions<ExchangeDbContext>? Options { get; }

    /// <summary>The log's file beside a store's SQLite file.</summary>
    public static string PathFor(string storePath) =>
        Path.Combine(
            Path.GetDirectoryName(storePath) ?? "",
            Path.GetFileNameWithoutExtension(storePath) + FileSuffix + Path.GetExtension(storePath));

    /// <summary>Runs <paramref name="read"/> on a context that reaches the log: <paramref name="store"/>, or one on the log's file.</summary>
    public async Task<T> ReadAsync<T>(ExchangeDbContext store, Func<ExchangeDbContext, Task<T>> read)
    {
        if (Options is null)
        {
            return await read(store);
        }
        await using var log = new ExchangeDbContext(Options);
        return await read(log);
    }

    /// <summary>
    /// Moves the access log a SQLite store holds in its own file (written before the log had a file of its own) into
    /// the log's file. The entries keep their ids, sequences and hashes and the head its place, so the chain, its
    /// anchors and every page token stay valid; the index by subject is not copied, and the writer indexes the moved
    /// entries as a backlog. The copy is one transaction on the log's file, and the store's log is then emptied in one of
    /// its own: a start cut short between them finds both heads equal, and only empties. Returns the sequence of the
    /// chain's head the log was moved with (0 when the store held no log).
    /// </summary>
    /// <exception cref="InvalidOperationException">Both files hold entries, and their heads differ.</exception>
    public static async Task<long> MoveFromStoreAsync(ExchangeDbContext store, ExchangeDbContext log, CancellationToken cancellationToken)
    {
        var storeHead = await HeadAsync(store, cancellationToken);
        if (storeHead.Sequence == 0 && !await HasEntriesAsync(store, cancellationToken))
        {
            return 0;
        }
        var storePath = StorageRegistration.SqliteFile(store);
        await log.Database.CreateExecutionStrategy().ExecuteAsync(
            token => CopyUnlessCopiedAsync(log, storePath, storeHead, token), cancellationToken);
        await store.Database.CreateExecutionStrategy().ExecuteAsync(
            async token =>
            {
                await using var transaction = await store.Database.BeginTransactionAsync(token);
                await store.AccessLogSubjects.ExecuteDeleteAsync(token);
                await store.AccessLog.ExecuteDeleteAsync(token);
                await store.LedgerHeads.Where(h => h.Chain == LedgerChains.AccessLog).ExecuteUpdateAsync(
                    head => head.SetProperty(h => h.Sequence, 0L).SetProperty(h => h.Hash, LedgerChains.Genesis), token);
                await transaction.CommitAsync(token);
            },
            cancellationToken);
        return storeHead.Sequence;
    }

    /// <summary>Whether the file's log has an entry: its greatest key, a seek, where a count or EXISTS scans the log.</summary>
    private static async Task<bool> HasEntriesAsync(ExchangeDbContext db, CancellationToken cancellationToken) =>
        await db.AccessLog.MaxAsync(e => (long?)e.Id, cancellationToken) is not null;

    private static Task<Entities.LedgerHead> HeadAsync(ExchangeDbContext db, CancellationToken cancellationToken) =>
        db.LedgerHeads.AsNoTracking().SingleAsync(h => h.Chain == LedgerChains.AccessLog, cancellationToken);

    /// <summary>
    /// Copies the store's log into the log's empty file; does nothing if it holds the copy already (the same head). Its
    /// transaction holds the file's write lock from its start, so servers starting together on one store copy it once.
    /// </summary>
    private static async Task<bool> CopyUnlessCopiedAsync(
        ExchangeDbContext log, string storePath, Entities.LedgerHead storeHead, CancellationToken cancellationToken)
    {
        await log.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await log.Database.ExecuteSqlRawAsync("ATTACH DATABASE {0} AS store", [storePath], cancellationToken);
            try
            {
                await using var transaction = await log.Database.BeginTransactionAsync(cancellationToken);
                var logHead = await HeadAsync(log, cancellationToken);
                if (logHead.Sequence != 0 || await HasEntriesAsync(log, cancellationToken))
                {
                    if (logHead.Sequence == storeHead.Sequence && logHead.Hash == storeHead.Hash)
                    {
                        return false;
                    }
                    var logPath = log.Database.GetConnectionString();
                    // The move empties the store's chain with its log, and no server writes the store's log after it:
                    // rows there with an empty chain were put there by something else.
                    throw new InvalidOperationException(storeHead.Sequence == 0
                        ? $"The store ({storePath}) holds access-log entries outside the ledger (its access-log chain is " +
                            $"empty), though its access log has moved to a file of its own ({logPath}, head at sequence " +
                            $"{logHead.Sequence}), and no server writes the store's access_log since. Neither file was " +
                            "changed: find out what wrote them, keep them if they are evidence, and delete them from the " +
                            "store's access_log table to start."
                        : $"The store ({storePath}) and the access log's own file ({logPath}) both hold an access log, and " +
                            $"their heads differ (sequence {storeHead.Sequence} in the store, {logHead.Sequence} in the log's " +
                            "file). Neither was changed: restore the two files from the same backup.");
                }
                // Both files have every migration applied, so their access_log tables have the same columns in the same order.
                await log.Database.ExecuteSqlRawAsync(
                    "INSERT INTO main.access_log SELECT * FROM store.access_log ORDER BY Id", cancellationToken);
                await log.LedgerHeads.Where(h => h.Chain == LedgerChains.AccessLog).ExecuteUpdateAsync(
                    head => head.SetProperty(h => h.Sequence, storeHead.Sequence).SetProperty(h => h.Hash, storeHead.Hash),
                    cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return true;
            }
            finally
            {
                await log.Database.ExecuteSqlRawAsync("DETACH DATABASE store", cancellationToken);
            }
        }
        finally
        {
            await log.Database.CloseConnectionAsync();
        }
    }
}

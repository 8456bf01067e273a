using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hezhou.Exchange.Storage;

/// <summary>
/// Begins the store's write transactions. SQLite lets one writer in at a time, and a writer that finds the file
/// locked polls for it with sleeps; so on SQLite the writers of this process queue here instead, each let in the moment
/// the last one finishes. SQL Server locks rows, and its writers go straight in. Every unit of work that begins one
/// runs through <see cref="RunAsync"/>.
/// </summary>
public sealed class StoreWriteGate(StorageOptions options)
{
    /// <summary>
    /// The page cache of a connection while it writes: 64 MiB instead of SQLite's 2 MiB, so that the indexes a batch or a
    /// reconciler round inserts into stay in memory rather than being read back from the file page by page. Any pooled
    /// connection may be the next writer, so each is given back SQLite's default once its transaction ends
    /// (<see cref="ReaderCacheSql"/>), lest every connection of the pool keep 64 MiB.
    /// </summary>
    /// <remarks>
    /// A writer also keeps its statement journals in memory. A multi-row INSERT inside a transaction copies each page it
    /// changes that the transaction had already changed, so that the statement alone can be undone, and past 64 KiB
    /// SQLite spilled that copy to a temporary file: under GetPerson's load the access log's writer made as many writes to
    /// it as to the write-ahead log, while indexing the log by subject. A statement's journal holds at most the pages
    /// that one statement changes.
    /// </remarks>
    public const string WriterCacheSql = "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;";

    /// <summary>SQLite's defaults: a 2 MiB page cache, and temporary files on disk.</summary>
    public const string ReaderCacheSql = "PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT;";

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly bool serialize = options.Provider == StorageProvider.Sqlite;

    /// <summary>
    /// Runs a unit of work that begins a write transaction through the store's execution strategy: when it fails for a
    /// reason the strategy holds transient — on SQLite another process holding the file's write lock past the busy
    /// timeout, on SQL Server a dropped connection, a deadlock or a failover — its transaction is rolled back and it is
    /// run again from the start, a bounded number of times; the entities a failed attempt left tracked are dropped
    /// first. The work must be safe to run again: it reads what it needs afresh and holds nothing it cannot read twice.
    /// </summary>
    public Task<T> RunAsync<T>(DbContext db, Func<CancellationToken, Task<T>> unitOfWork, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(
            async token =>
            {
                db.ChangeTracker.Clear();
                return await unitOfWork(token);
            },
            cancellationToken);

    /// <summary>
    /// A transaction on <paramref name="db"/> that holds the gate until it is disposed. A <see cref="WriteSize.Bulk"/>
    /// write has the large page cache on SQLite while it runs; a <see cref="WriteSize.Small"/> one keeps the pooled
    /// connection as it is, which saves it two statements, a reopen and a heap trim.
    /// </summary>
    public async Task<WriteTransaction> BeginAsync(DbContext db, CancellationToken cancellationToken, WriteSize size = WriteSize.Bulk)
    {
        if (!serialize)
        {
            return new WriteTransaction(await db.Database.BeginTransactionAsync(cancellationToken), null, null);
        }

        await gate.WaitAsync(cancellationToken);
        var bulk = size == WriteSize.Bulk;
        try
        {
            if (bulk)
            {
                // Opened here so that the connection outlives its transaction, to have its cache shrunk back after it.
                // Set before the transaction begins: SQLite decides where its statement journals go as it begins.
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync(WriterCacheSql, cancellationToken);
            }
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            return new WriteTransaction(transaction, gate, bulk ? db : null);
        }
        catch
        {
            try
            {
                if (bulk)
                {
                    await db.Database.CloseConnectionAsync();
                }
            }
            finally
            {
                // Whatever closing did, the next writer must get in.
                gate.Release();
            }
            throw;
        }
    }
}

/// <summary>How much a write transaction writes, which decides the page cache it is given on SQLite.</summary>
public enum WriteSize
{
    /// <summary>Batches and reconciler rounds: many rows across many indexes, which a large cache keeps in memory.</summary>
    Bulk,

    /// <summary>A few rows, such as one discrepancy's review.</summary>
    Small,
}

/// <summary>A write transaction that lets the next writer in once it is disposed, committed or not.</summary>
public sealed class WriteTransaction(IDbContextTransaction transaction, SemaphoreSlim? gate, DbContext? sqliteWriter) : IAsyncDisposable
{
    private SemaphoreSlim? gate = gate;

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public Task RollbackAsync(CancellationToken cancellationToken) => transaction.RollbackAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
            if (sqliteWriter is not null)
            {
                await ShrinkCacheAsync(sqliteWriter);
            }
        }
        finally
        {
            Interlocked.Exchange(ref gate, null)?.Release();
        }
    }

    /// <summary>
    /// Gives the connection SQLite's default cache back before it returns to the pool. A connection the store has
    /// broken (an I/O error) may refuse even this, and then the unit of work's own failure is what its caller must see,
    /// not this one.
    /// </summary>
    private static async Task ShrinkCacheAsync(DbContext db)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync(StoreWriteGate.ReaderCacheSql);
        }
        catch (System.Data.Common.DbException)
        {
            // The cache stays large until the connection is next written through or closed for good.
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
            NativeHeap.ReleaseFreePages();
        }
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.ObjectPool;

namespace Hezhou.Exchange.Storage;

/// <summary>
/// Contexts for the auditors' look-ups whose SQLite connections stay open from one call to the next, each keeping the
/// statements it ran prepared (<see cref="SqliteStatementCache"/>). A pooled connection cannot do that:
/// Microsoft.Data.Sqlite finalises a connection's statements when it goes back to the pool. On SQL Server, which keeps
/// its plans itself, a look-up runs on the caller's own context.
/// </summary>
/// <remarks>
/// The contexts only read, untracked. Their reads are not retried: a reader of a write-ahead-logged SQLite file does
/// not wait on the writers' lock, and Microsoft.Data.Sqlite waits out the rare busy moment itself, for the command's
/// timeout (30 s). Not retrying lets EF Core stream a result rather than buffer it in case it must be read again.
/// </remarks>
public sealed class StoreReaders : IDisposable
{
    /// <summary>Readers kept between calls; more are opened for a burst and closed when it is over.</summary>
    public const int MostKept = 16;

    private readonly ObjectPool<Reader>? pool;

    public StoreReaders(DbContextOptions<ExchangeDbContext> options, StorageOptions storage)
    {
        if (storage.Provider == StorageProvider.Sqlite)
        {
            pool = new DefaultObjectPoolProvider { MaximumRetained = MostKept }.Create(new Policy(options));
        }
    }

    /// <summary>A context to read through until the lease is disposed: a kept SQLite reader, or <paramref name="own"/>.</summary>
    public Lease Rent(ExchangeDbContext own) => pool is null ? new Lease(own, null, null) : Lease.Of(pool);

    /// <summary>
    /// A context whose reads, until the lease is disposed, all see the store as it was at the first of them, for a view
    /// put together from several statements: on SQLite a kept reader in one read transaction (deferred, so it takes no
    /// lock until its first read, and never blocks a writer); a reconciler round that commits between two of the reads
    /// is not half seen. One transaction also begins one read of the write-ahead log's index rather than one per
    /// statement. On SQL Server, <paramref name="own"/> with its connection open; each statement sees what was committed
    /// when it began.
    /// </summary>
    public async Task<Lease> RentSnapshotAsync(ExchangeDbContext own, CancellationToken cancellationToken)
    {
        var lease = Rent(own);
        try
        {
            if (lease.Reader is { } reader)
            {
                reader.BeginSnapshot();
            }
            else
            {
                await own.Database.OpenConnectionAsync(cancellationToken);
            }
            return lease;
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    public void Dispose() => (pool as IDisposable)?.Dispose();

    /// <summary>A context lent for one call's reads; disposing it gives a kept reader back, once.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly ObjectPool<Reader>? pool;
        private Reader? reader;

        internal Lease(ExchangeDbContext db, ObjectPool<Reader>? pool, Reader? reader)
        {
            Db = db;
            this.pool = pool;
            this.reader = reader;
        }

        public ExchangeDbContext Db { get; }

        /// <summary>How many queries of the lent context ran through a statement prepared before (0 on SQL Server).</summary>
        public long Reused => reader?.Statements.Reused ?? 0;

        internal Reader? Reader => reader;

        internal static Lease Of(ObjectPool<Reader> pool)
        {
            var reader = pool.Get();
            return new Lease(reader.Db, pool, reader);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref reader, null) is { } returned)
            {
                returned.EndSnapshot();
                pool!.Return(returned);
            }
        }
    }

    /// <summary>An open connection, the statements prepared on it, and a context that reads through them.</summary>
    internal sealed class Reader : IDisposable
    {
        private readonly SqliteConnection connection;
        private SqliteTransaction? snapshot;

        public Reader(DbContextOptions<ExchangeDbContext> shared)
        {
            connection = KeptSqliteContext.NewConnection(shared);
            connection.Open();
            Statements = new SqliteStatementCache(connection);
            var options = KeptSqliteContext.Options(shared, connection, retrying: false);
            options.AddInterceptors(Statements);
            options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
            Db = new ExchangeDbContext(options.Options);
        }

        public ExchangeDbContext Db { get; }

        public SqliteStatementCache Statements { get; }

        public bool IsOpen => connection.State == System.Data.ConnectionState.Open;

        /// <summary>Begins the read transaction the context's reads share until <see cref="EndSnapshot"/>.</summary>
        public void BeginSnapshot()
        {
            snapshot = connection.BeginTransaction(deferred: true);
            Db.Database.UseTransaction(snapshot);
        }

        /// <summary>
        /// Ends the read transaction, if one was begun. It only read, so it is rolled back. If that fails, the
        /// connection is closed, so that the reader is not lent again with the transaction still open.
        /// </summary>
        public void EndSnapshot()
        {
            if (snapshot is null)
            {
                return;
            }
            try
            {
                Db.Database.UseTransaction(null);
                snapshot.Dispose();
            }
            catch (Exception exception) when (exception is SqliteException or InvalidOperationException)
            {
                connection.Close();
            }
            finally
            {
                snapshot = null;
            }
        }

        public void Dispose()
        {
            Statements.Dispose();
            // The context owns the connection, and closes it.
            Db.Dispose();
        }
    }

    private sealed class Policy(DbContextOptions<ExchangeDbContext> options) : PooledObjectPolicy<Reader>
    {
        public override Reader Create() => new(options);

        // A reader whose connection the store broke is closed rather than lent again.
        public override bool Return(Reader reader) => reader.IsOpen;
    }
}

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hezhou.Exchange.Server.Tests.Infrastructure;

/// <summary>
/// Faults of the SQLite store, injected into the server's own connections (<see cref="ExchangeApplication"/> takes it
/// as a store interceptor): a full disk (PRAGMA max_page_count: the file may not grow), a read-only store (PRAGMA
/// query_only), and SQLITE_BUSY — another process holding the write lock — at the next transactions' start or commit.
/// Deterministic, and unlike a read-only file, not lifted for root.
/// </summary>
public sealed class StoreFaults : IDbConnectionInterceptor, IDbTransactionInterceptor
{
    private const int SqliteBusy = 5;
    private int busyStarts;
    private int busyCommits;
    private int injected;

    /// <summary>Every new connection finds the disk full: the file cannot grow beyond its size.</summary>
    public bool DiskFull { get; set; }

    /// <summary>Every new connection finds the store read-only.</summary>
    public bool ReadOnly { get; set; }

    /// <summary>SQLITE_BUSY faults injected so far.</summary>
    public int BusyInjected => Volatile.Read(ref injected);

    /// <summary>The next <paramref name="count"/> transactions to begin fail with SQLITE_BUSY before anything is done.</summary>
    public void BusyAtNextStarts(int count) => Volatile.Write(ref busyStarts, count);

    /// <summary>The next <paramref name="count"/> transactions to commit fail with SQLITE_BUSY instead, and roll back.</summary>
    public void BusyAtNextCommits(int count) => Volatile.Write(ref busyCommits, count);

    public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        ThrowIfArmed(ref busyStarts);
        return ValueTask.FromResult(result);
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        ThrowIfArmed(ref busyCommits);
        return ValueTask.FromResult(result);
    }

    private void ThrowIfArmed(ref int remaining)
    {
        if (Interlocked.Decrement(ref remaining) >= 0)
        {
            Interlocked.Increment(ref injected);
            throw new SqliteException("SQLite Error 5: 'database is locked'.", SqliteBusy);
        }
        Interlocked.Exchange(ref remaining, 0);
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        // max_page_count is never set below the file's size, so 1 means "no more pages than now".
        command.CommandText = $"PRAGMA max_page_count = {(DiskFull ? 1 : 1_073_741_823)}; PRAGMA query_only = {(ReadOnly ? 1 : 0)};";
        command.ExecuteNonQuery();
    }
}

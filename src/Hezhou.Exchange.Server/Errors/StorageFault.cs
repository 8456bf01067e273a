using Hezhou.Exchange.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hezhou.Exchange.Server.Errors;

/// <summary>
/// Why the store could not take a request, when the cause is the store's state and not the request: each becomes
/// UNAVAILABLE (STORAGE_UNAVAILABLE) with a message that names it and the cause in ErrorInfo.metadata["cause"].
/// </summary>
public sealed record StorageFault(string Cause, string Message)
{
    public static readonly StorageFault Busy = new(
        "BUSY",
        "The store was locked by another server process writing to it, past every retry; nothing of this request was " +
        "stored. Retry later.");

    public static readonly StorageFault DiskFull = new(
        "DISK_FULL",
        "The store's disk is full; nothing of this request was stored. Retry once space has been freed.");

    public static readonly StorageFault ReadOnly = new(
        "READ_ONLY",
        "The store is read-only (its file, folder or disk does not allow writing); nothing of this request was stored. " +
        "Retry once it is writable again.");

    public static readonly StorageFault IoError = new(
        "IO_ERROR",
        "The store's disk reported an I/O error; nothing of this request was stored. Retry later.");

    public static readonly StorageFault CannotOpen = new(
        "CANNOT_OPEN",
        "The store's file cannot be opened; nothing of this request was stored. Retry later.");

    public static readonly StorageFault Transient = new(
        "TRANSIENT",
        "The store failed transiently (a dropped connection, a deadlock, a failover) and kept failing past every retry; " +
        "the request was most likely not stored. Retry later: a batch sent again with its batch_id is stored once.");

    /// <summary>The fault behind an exception or any exception it wraps (EF wraps SaveChanges' failures), or null.</summary>
    public static StorageFault? Of(Exception exception)
    {
        var retriedOut = false;
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case RetryLimitExceededException:
                    retriedOut = true;
                    break;
                case SqliteException sqlite when SqliteBusyRetryingExecutionStrategy.IsBusy(sqlite):
                    return Busy;
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode switch
                    {
                        8 => ReadOnly,      // SQLITE_READONLY
                        10 => IoError,      // SQLITE_IOERR
                        13 => DiskFull,     // SQLITE_FULL
                        14 => CannotOpen,   // SQLITE_CANTOPEN
                        _ => retriedOut ? Transient : null,
                    };
            }
        }
        // The strategy gave up on a failure it held transient (on SQL Server, a SqlException it knows).
        return retriedOut ? Transient : null;
    }
}

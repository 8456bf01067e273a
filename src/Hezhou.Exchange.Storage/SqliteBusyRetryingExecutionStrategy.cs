using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hezhou.Exchange.Storage;

/// <summary>
/// The SQLite store's execution strategy: a unit of work that failed because another process held the file's write
/// lock past the busy timeout (SQLITE_BUSY, SQLITE_LOCKED) is rolled back and run again from the start, a few times.
/// Writers of one process queue on the server's write gate and never meet the lock; this is for several server
/// processes on one file.
/// </summary>
/// <remarks>
/// Microsoft.Data.Sqlite already waits out a lock for the connection's default timeout (30 s) before it reports it, so
/// each retry follows a long wait: <see cref="MaxRetries"/> retries let a writer wait about two and a half minutes in all.
/// </remarks>
public sealed class SqliteBusyRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, MaxRetries, LongestPause)
{
    public const int MaxRetries = 4;

    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(2);

    /// <summary>Whether the exception says another connection held the lock: SQLITE_BUSY (5) or SQLITE_LOCKED (6).</summary>
    public static bool IsBusy(Exception? exception) => exception is SqliteException { SqliteErrorCode: 5 or 6 };

    protected override bool ShouldRetryOn(Exception exception) => IsBusy(exception);
}

namespace Hezhou.Exchange.Storage;

/// <summary>
/// Turns off SQLite's memory statistics for the process, before its first connection opens. With them on (the bundled
/// library's default), every allocation and free SQLite makes takes one mutex shared by every connection in the
/// process, to count bytes that nothing here reads (<c>sqlite3_memory_used</c>, the soft heap limit). Under sixteen
/// readers and the access log's writer, <c>perf</c> of the server's threads going to sleep found that mutex among the
/// two SQLite locks they most waited on (docs/decisions/0003-group-commit.md). SQLite's own advice for speed is the same
/// (<c>SQLITE_DEFAULT_MEMSTATUS=0</c>).
/// </summary>
public static class SqliteMemoryStatistics
{
    private const int ConfigMemStatus = 9; // SQLITE_CONFIG_MEMSTATUS

    private static int done;

    /// <summary>
    /// Once per process. After SQLite has initialised (a connection opened before) it can no longer be changed, and the
    /// statistics stay on: nothing but speed depends on it.
    /// </summary>
    public static void TurnOff()
    {
        if (Interlocked.Exchange(ref done, 1) == 1)
        {
            return;
        }
        SQLitePCL.Batteries_V2.Init();
        SQLitePCL.raw.sqlite3_config(ConfigMemStatus, 0);
    }
}

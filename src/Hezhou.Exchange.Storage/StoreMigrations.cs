using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hezhou.Exchange.Storage;

/// <summary>Brings a store's schema, and the access log's file where it has one, up to date.</summary>
public static class StoreMigrations
{
    /// <summary>Says where <paramref name="name"/> is kept, creating a SQLite file's folder, and migrates it.</summary>
    public static async Task MigrateAsync(ExchangeDbContext db, string name, ILogger logger, CancellationToken cancellationToken)
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

    /// <summary>
    /// Gives the access log its own SQLite file (<see cref="AccessLogStore"/>), migrated, and moves there a log the
    /// store held; does nothing where the log is kept in the store's database.
    /// </summary>
    public static async Task MigrateAccessLogAsync(
        ExchangeDbContext store, AccessLogStore logStore, ILogger logger, CancellationToken cancellationToken)
    {
        if (logStore.Options is not { } logOptions)
        {
            return;
        }
        await using var log = new ExchangeDbContext(logOptions);
        await MigrateAsync(log, "Access log", logger, cancellationToken);
        var moved = await AccessLogStore.MoveFromStoreAsync(store, log, cancellationToken);
        if (moved > 0)
        {
            logger.LogInformation("Access log: moved the store's log, through sequence {Sequence}, into its own file", moved);
        }
    }
}

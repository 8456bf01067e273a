using Hezhou.Exchange.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hezhou.Exchange.Server.Tests.Infrastructure;

/// <summary>Stores as servers of earlier releases left them, for the start of a later server on them.</summary>
public static class OlderStores
{
    /// <summary>Creates a SQLite store at <paramref name="path"/> migrated up to <paramref name="migration"/> and no further.</summary>
    public static async Task MigrateToAsync(string path, string migration)
    {
        var options = new DbContextOptionsBuilder<ExchangeDbContext>();
        StorageRegistration.Configure(options, StorageProvider.Sqlite,
            new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await using var db = new ExchangeDbContext(options.Options);
        await db.GetService<IMigrator>().MigrateAsync(migration);
    }
}
